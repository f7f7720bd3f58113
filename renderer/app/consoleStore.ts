import { markStartup } from './startupMarks.js';
import { bindHistory } from './historyBinding.js';
import { parseRoute } from './routes.js';
import { createAppStore, preferencesOf, type AppStore } from '../state/createAppStore.js';
import { loadPreferences, savePreferences } from '../state/preferences.js';
import type { KeyValueStorage } from '../transport/credentials.js';

/** The page's `localStorage`, or null where the browser disables it. */
export function localStorageOf(win: Window): KeyValueStorage | null {
  try {
    return win.localStorage;
  } catch {
    return null; // disabled storage: the console forgets its preferences with the page
  }
}

/**
 * What every console page has, in a browser or in the desktop app: the store, opened on the
 * address bar's route with the preferences remembered on this machine (saved again whenever they
 * change), and the address bar kept in step with the route.
 */
export function createConsoleStore(
  win: Window,
  options: { readonly engineUrl: string },
): { readonly store: AppStore; readonly storage: KeyValueStorage | null } {
  const storage = localStorageOf(win);
  const preferences = loadPreferences(storage);
  const store = createAppStore({
    route: parseRoute(win.location.pathname),
    preferences,
    engineUrl: options.engineUrl,
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
  markStartup(store, win);
  return { store, storage };
}
