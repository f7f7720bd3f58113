import type { Session, WebContents } from '../platform/electronApi.js';
import { isAppUrl } from './appOrigin.js';
import { securityHeaders } from './contentSecurityPolicy.js';
import { checkExternalUrl } from './externalUrl.js';

export interface GuardDeps {
  /** shell.openExternal, reached only with a URL checkExternalUrl accepted. */
  readonly openExternal: (url: string) => void;
  readonly log: (line: string) => void;
}

/** Opens a link outside the app if it passes the check; says why not otherwise. */
export function openLinkOutside(url: string, deps: GuardDeps): boolean {
  const checked = checkExternalUrl(url);
  if (!checked.ok) {
    deps.log(`refused to open ${JSON.stringify(url.slice(0, 200))}: ${checked.reason}`);
    return false;
  }
  deps.openExternal(checked.url);
  return true;
}

/**
 * Per window: the page may never navigate away from the app or open windows (a link the user
 * clicked goes to the system's browser instead, after the URL check), and may not attach
 * <webview>s.
 */
export function guardWebContents(contents: WebContents, deps: GuardDeps): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return; // the single-page app's own reloads and routes
    event.preventDefault();
    openLinkOutside(event.url, deps);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openLinkOutside(url, deps);
    return { action: 'deny' };
  });
}

/**
 * Per session: every permission (camera, geolocation, notifications, clipboard, …) is denied —
 * the console needs none, main raises the notifications — and every response gets the CSP and
 * the other security headers, whatever served it.
 */
export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string[]> = { ...details.responseHeaders };
    for (const [name, value] of Object.entries(securityHeaders)) {
      for (const key of Object.keys(responseHeaders))
        if (key.toLowerCase() === name.toLowerCase()) delete responseHeaders[key];
      responseHeaders[name] = [value];
    }
    callback({ responseHeaders });
  });
}
