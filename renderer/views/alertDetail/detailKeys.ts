/**
 * The alert detail's keys, consistent with the queue's (./../queue/queueKeys.ts): `a` accept,
 * `r` resolve, `c` write a comment, Escape back to the queue (whose focus and order are kept).
 * Keys with Ctrl, Alt or Meta are the browser's; keys typed in a field are the field's.
 */
export type DetailCommand = 'accept' | 'resolve' | 'comment' | 'back';

export function detailKey(press: {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
}): DetailCommand | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  switch (press.key) {
    case 'a':
      return 'accept';
    case 'r':
      return 'resolve';
    case 'c':
      return 'comment';
    case 'Escape':
      return 'back';
    default:
      return null;
  }
}

/** Input types that take no typing: keys pressed on them are the page's. */
const clickable = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** Whether a key pressed on `target` is typing (or a control's own), not a command. */
export function isTypingTarget(
  target: { tagName?: unknown; isContentEditable?: boolean; type?: unknown } | null,
  key: string,
): boolean {
  if (!target || typeof target.tagName !== 'string') return false;
  const tag = target.tagName;
  if (target.isContentEditable || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !clickable.has(String(target.type));
  // Enter and Space on a focused button, link or tree item are that control's own.
  return (tag === 'BUTTON' || tag === 'A' || tag === 'LI') && (key === 'Enter' || key === ' ');
}
