import { normalize, resolve, sep } from 'node:path';

/**
 * The console is loaded from the app's own files through a privileged custom scheme, not from
 * `file:` (every file on disk would share its origin) nor from an engine's HTTP server (a remote
 * engine would then serve code that runs with the preload's API). One origin means one rule for
 * the sender check and the CSP.
 */
export const appScheme = 'app';
export const appHost = 'nocturne';
export const appOrigin = `${appScheme}://${appHost}`;

export const consoleUrl = `${appOrigin}/`;
export const wallUrl = `${appOrigin}/wall`;

/** Whether `url` is a page of ours (app://nocturne/…). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}

/**
 * The file under `root` an app:// request is for (pure), or null (refused: another host, or a
 * path that would leave `root`). Paths without an extension are the single-page app's routes
 * (`/wall`, `/alerts/42`) and answer index.html.
 */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const last = pathname.split('/').pop() ?? '';
  const relative = last.includes('.') ? pathname : '/index.html';
  const base = resolve(root);
  const file = resolve(base, `.${normalize(relative)}`);
  return file === base || file.startsWith(base + sep) ? file : null;
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
};

export function mimeTypeOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return (dot >= 0 && mimeTypes[file.slice(dot).toLowerCase()]) || 'application/octet-stream';
}
