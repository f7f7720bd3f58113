import type { StateCreator } from 'zustand/vanilla';
import type { Route } from '../app/routes.js';
import type { AppState } from './appState.js';
import type { Theme } from './preferences.js';

export interface UiState {
  readonly route: Route;
  /** How the route last changed: the history binding pushes or replaces, but not after a pop. */
  readonly routeChange: 'push' | 'replace' | 'pop';
  readonly theme: Theme;
  /** The queue's focused row, by alert id (so it stays put when rows move). */
  readonly focusedId: string | null;
  readonly selectedIds: ReadonlySet<string>;
  /**
   * While the operator reads the queue, its order is held (nothing jumps under the cursor):
   * these ids in this order. New and re-sorted alerts wait until the hold is released.
   */
  readonly queueHold: readonly string[] | null;
  /** Bumped to ask the search box to take the focus (`/`). */
  readonly searchFocusRequest: number;
}

export interface UiSlice {
  readonly ui: UiState;
  navigate(route: Route, how?: 'push' | 'replace' | 'pop'): void;
  setTheme(theme: Theme): void;
  focusAlert(id: string | null): void;
  toggleSelected(id: string): void;
  setSelection(ids: Iterable<string>): void;
  clearSelection(): void;
  holdQueue(ids: readonly string[]): void;
  releaseQueueHold(): void;
  requestSearchFocus(): void;
}

export const createUiSlice =
  (initial: { route: Route; theme: Theme }): StateCreator<AppState, [], [], UiSlice> =>
  (set) => {
    const update = (change: (ui: UiState) => Partial<UiState>) =>
      set((state) => ({ ui: { ...state.ui, ...change(state.ui) } }));
    return {
      ui: {
        route: initial.route,
        routeChange: 'replace',
        theme: initial.theme,
        focusedId: null,
        selectedIds: new Set(),
        queueHold: null,
        searchFocusRequest: 0,
      },
      navigate: (route, how = 'push') => update(() => ({ route, routeChange: how })),
      setTheme: (theme) => update(() => ({ theme })),
      focusAlert: (focusedId) => update((ui) => (ui.focusedId === focusedId ? {} : { focusedId })),
      toggleSelected: (id) =>
        update((ui) => {
          const selectedIds = new Set(ui.selectedIds);
          if (!selectedIds.delete(id)) selectedIds.add(id);
          return { selectedIds };
        }),
      setSelection: (ids) => update(() => ({ selectedIds: new Set(ids) })),
      clearSelection: () =>
        update((ui) => (ui.selectedIds.size === 0 ? {} : { selectedIds: new Set() })),
      holdQueue: (ids) => update(() => ({ queueHold: ids })),
      releaseQueueHold: () => update((ui) => (ui.queueHold ? { queueHold: null } : {})),
      requestSearchFocus: () => update((ui) => ({ searchFocusRequest: ui.searchFocusRequest + 1 })),
    };
  };
