import { createAlertActions } from './alertActions.js';
import { createConsoleStore } from './consoleStore.js';
import type { AppServices } from './services.js';
import { createSessionController } from './sessionController.js';
import { browserFrameScheduler } from '../state/frameScheduler.js';
import { createBrowserTransport } from '../transport/browserTransport.js';
import { loadCredentials, takeTokenFromUrl } from '../transport/credentials.js';
import { takeEarlyStream } from '../transport/earlyStreamHandoff.js';

/**
 * Wires the console together in a browser: the store (./consoleStore.ts), the session (stored
 * credentials, or a wall screen's one-time `?token=`) and the alert actions. In the desktop app,
 * ./desktopBootstrap.ts does the same with the preload bridge instead.
 */
export function bootstrapBrowser(win: Window): AppServices {
  const fromUrl = takeTokenFromUrl(win.location.href, (url) =>
    win.history.replaceState(win.history.state, '', url),
  );
  const { store, storage } = createConsoleStore(win, { engineUrl: win.location.origin });
  // The stream the page's first script opened, for the first transport (if it fits).
  let early = takeEarlyStream(win);

  const session = createSessionController({
    store,
    storage,
    frames: browserFrameScheduler(),
    pageOrigin: win.location.origin,
    createTransport: (credentials) => {
      const prepared = early;
      early = null;
      return createBrowserTransport({ ...credentials, pageOrigin: win.location.origin, prepared });
    },
  });
  const alertActions = createAlertActions(store, () => session.transport);

  const credentials = fromUrl
    ? { engineUrl: fromUrl.origin, token: fromUrl.token }
    : loadCredentials(storage);
  if (credentials) void session.resume(credentials);
  return { store, session, alertActions, now: () => Date.now() };
}
