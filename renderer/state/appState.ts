import type { ActionsSlice } from './actionsSlice.js';
import type { AlertsSlice } from './alertsSlice.js';
import type { ConnectionSlice } from './connectionSlice.js';
import type { DesktopSlice } from './desktopSlice.js';
import type { EntitiesSlice } from './entitiesSlice.js';
import type { FiltersSlice } from './filtersSlice.js';
import type { SessionSlice } from './sessionSlice.js';
import type { SyncSlice } from './syncSlice.js';
import type { UiSlice } from './uiSlice.js';

/**
 * The console's one store, made of slices (CONVENTIONS.md, "State in the renderer"). Add a
 * slice for a new feature's state: a file `fooSlice.ts` with `createFooSlice`, typed
 * `StateCreator<AppState, [], [], FooSlice>`, listed here and in ./createAppStore.ts.
 */
export type AppState = ConnectionSlice &
  SyncSlice &
  AlertsSlice &
  EntitiesSlice &
  FiltersSlice &
  UiSlice &
  SessionSlice &
  ActionsSlice &
  DesktopSlice;
