import { bindHistory } from './historyBinding.js';
import { createAlertActions } from './alertActions.js';
import { parseRoute } from './routes.js';
import type { AppServices } from './services.js';
import { createSessionController } from './sessionController.js';
import { createAppStore, preferencesOf } from '../state/createAppStore.js';
import { browserFrameScheduler } from '../state/frameScheduler.js';
import { loadPreferences, savePreferences } from '../state/preferences.js';
import { createBrowserTransport } from '../transport/browserTransport.js';
import {
  loadCredentials,
  takeTokenFromUrl,
  type KeyValueStorage,
} from '../transport/credentials.js';

function localStorageOf(win: Window): KeyValueStorage | null {
  try {
    return win.localStorage;
  } catch {
    return null; // disabled storage: the console forgets its sign-in with the page
  }
}

/**
 * Wires the console together in a browser: the store (with remembered preferences), the
 * address bar, the session (stored credentials, or a wall screen's one-time `?token=`) and the
 * alert actions. The desktop app (#5) will do the same with its preload transport instead.
 */
export function bootstrapBrowser(win: Window): AppServices {
  const storage = localStorageOf(win);
  const fromUrl = takeTokenFromUrl(win.location.href, (url) =>
    win.history.replaceState(win.history.state, '', url),
  );
  const preferences = loadPreferences(storage);
  const store = createAppStore({
    route: parseRoute(win.location.pathname),
    preferences,
    engineUrl: win.location.origin,
  });
  let saved = preferences;
  store.subscribe((state) => {
    const next = preferencesOf(state);
    if (
      next.theme !== saved.theme ||
      next.filter !== saved.filter ||
      next.sort !== saved.sort ||
      next.savedViews !== saved.savedViews
    ) {
      saved = next;
      savePreferences(storage, next);
    }
  });
  bindHistory(store, win);

  const session = createSessionController({
    store,
    storage,
    frames: browserFrameScheduler(),
    pageOrigin: win.location.origin,
    createTransport: (credentials) =>
      createBrowserTransport({ ...credentials, pageOrigin: win.location.origin }),
  });
  const alertActions = createAlertActions(store, () => session.transport);

  const credentials = fromUrl
    ? { engineUrl: fromUrl.origin, token: fromUrl.token }
    : loadCredentials(storage);
  if (credentials) void session.resume(credentials);
  return { store, session, alertActions, now: () => Date.now() };
}
