import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Route } from '../app/routes.js';
import { createActionsSlice } from './actionsSlice.js';
import { createAlertsSlice } from './alertsSlice.js';
import type { AppState } from './appState.js';
import { createConnectionSlice } from './connectionSlice.js';
import { createDesktopSlice } from './desktopSlice.js';
import { createEntitiesSlice } from './entitiesSlice.js';
import { createFiltersSlice } from './filtersSlice.js';
import { defaultPreferences, type Preferences } from './preferences.js';
import { createSessionSlice } from './sessionSlice.js';
import { createSyncSlice } from './syncSlice.js';
import { createUiSlice } from './uiSlice.js';

export type AppStore = StoreApi<AppState>;

export interface AppStoreOptions {
  /** Default Date.now; tests pass a fixed clock. */
  readonly now?: () => number;
  readonly route?: Route;
  readonly preferences?: Preferences;
  /** The engine the sign-in form proposes (the page's own origin in a browser). */
  readonly engineUrl?: string;
}

/**
 * A vanilla zustand store (no React needed), so that the transport applies stream updates
 * outside React and unit tests drive it directly. Middleware, if ever needed, goes here at the
 * root, never in a slice.
 */
export function createAppStore(options: AppStoreOptions = {}): AppStore {
  const now = options.now ?? (() => Date.now());
  const preferences = options.preferences ?? defaultPreferences;
  return createStore<AppState>()((...a) => ({
    ...createConnectionSlice(now)(...a),
    ...createSyncSlice(now)(...a),
    ...createAlertsSlice(...a),
    ...createEntitiesSlice(...a),
    ...createFiltersSlice({
      queue: preferences.filter,
      sort: preferences.sort,
      savedViews: preferences.savedViews,
    })(...a),
    ...createUiSlice({ route: options.route ?? { name: 'alerts' }, theme: preferences.theme })(
      ...a,
    ),
    ...createSessionSlice(options.engineUrl ?? '')(...a),
    ...createActionsSlice(now)(...a),
    ...createDesktopSlice(...a),
  }));
}

/** The preferences part of the state, to persist when it changes. */
export function preferencesOf(state: AppState): Preferences {
  return {
    theme: state.ui.theme,
    filter: state.filters.queue,
    sort: state.filters.sort,
    savedViews: state.filters.savedViews,
  };
}
