/**
 * Which links may leave the app for the system's browser or mail program (pure). Only http,
 * https and mailto: a `file:`, `smb:`, `javascript:` or custom-scheme URL handed to
 * shell.openExternal can run programs or leak credentials (Electron's security checklist,
 * item 15). Userinfo in an http(s) URL (`https://bank.example@evil.example/`) is refused too:
 * it exists to mislead.
 */
export function checkExternalUrl(
  raw: string,
): { ok: true; url: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  if (url.protocol === 'mailto:') return { ok: true, url: url.href };
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, reason: `links with "${url.protocol}" are not opened` };
  if (url.username || url.password)
    return { ok: false, reason: 'links with a user name are not opened' };
  if (!url.hostname) return { ok: false, reason: 'the link has no host' };
  return { ok: true, url: url.href };
}
