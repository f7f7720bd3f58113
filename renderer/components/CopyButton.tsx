import { useState } from 'react';

type CopyState = 'idle' | 'copied' | 'denied';

/** Writes `text` to the clipboard; false when the browser refuses (no permission, not secure). */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A "Copy" button that says whether it worked; when the browser refuses the clipboard, it says
 * how to copy by hand instead of failing silently.
 */
export function CopyButton(props: { text: string; label?: string; testId?: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const onClick = async () => setState((await copyToClipboard(props.text)) ? 'copied' : 'denied');
  return (
    <span className="copy">
      <button
        type="button"
        className="button"
        onClick={() => void onClick()}
        data-testid={props.testId}
      >
        {props.label ?? 'Copy'}
      </button>
      <span className="copy__status" role="status">
        {state === 'copied' && 'Copied.'}
        {state === 'denied' &&
          'The browser did not allow copying: select the text and press Ctrl+C (⌘C).'}
      </span>
    </span>
  );
}
