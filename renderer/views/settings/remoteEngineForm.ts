/** The "add a remote engine" form as typed. */
export interface RemoteEngineDraft {
  readonly label: string;
  readonly url: string;
  readonly token: string;
}

export const emptyRemoteEngine: RemoteEngineDraft = { label: '', url: '', token: '' };

/**
 * Checks the form before asking main (which checks again, stores the token encrypted and asks
 * the engine whether it accepts it): each problem as a sentence saying what to type.
 */
export function checkRemoteEngine(
  draft: RemoteEngineDraft,
):
  | { readonly ok: true; readonly value: RemoteEngineDraft }
  | { readonly ok: false; readonly error: string } {
  const label = draft.label.trim();
  const url = draft.url.trim();
  const token = draft.token.trim();
  if (!label) return { ok: false, error: 'Give the engine a name, such as “Paris NOC”.' };
  if (label.length > 60) return { ok: false, error: 'Keep the name to 60 characters.' };
  if (!isHttpUrl(url)) {
    return { ok: false, error: 'The address is not a URL such as https://nocturne.example.com.' };
  }
  if (!token) return { ok: false, error: 'Paste an API token (noc_…) for this engine.' };
  return { ok: true, value: { label, url, token } };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
