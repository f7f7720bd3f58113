import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appState.js';
import {
  defaultQueueFilter,
  nextSort,
  toggleValue,
  type FilterListField,
  type QueueColumn,
  type QueueFilter,
  type QueueSort,
  type SavedView,
} from './queueFilter.js';

export interface FiltersState {
  readonly queue: QueueFilter;
  readonly sort: QueueSort;
  readonly savedViews: readonly SavedView[];
}

export interface FiltersSlice {
  readonly filters: FiltersState;
  toggleFilterValue(field: FilterListField, value: string): void;
  setFilterText(text: string): void;
  setQueueFilter(filter: QueueFilter): void;
  resetQueueFilter(): void;
  /** A click on a column header. */
  sortBy(column: QueueColumn): void;
  /** Saves (or replaces) a view of the current filter and sort under `name`. */
  saveView(name: string): void;
  applyView(name: string): void;
  deleteView(name: string): void;
}

export const createFiltersSlice =
  (initial: FiltersState): StateCreator<AppState, [], [], FiltersSlice> =>
  (set) => {
    const update = (change: (filters: FiltersState) => Partial<FiltersState>) =>
      set((state) => ({ filters: { ...state.filters, ...change(state.filters) } }));
    return {
      filters: initial,
      toggleFilterValue: (field, value) =>
        update((f) => ({ queue: toggleValue(f.queue, field, value) })),
      setFilterText: (text) => update((f) => ({ queue: { ...f.queue, text } })),
      setQueueFilter: (queue) => update(() => ({ queue })),
      resetQueueFilter: () => update(() => ({ queue: defaultQueueFilter })),
      sortBy: (column) => update((f) => ({ sort: nextSort(f.sort, column) })),
      saveView: (name) =>
        update((f) => {
          const trimmed = name.trim();
          if (!trimmed) return {};
          const view: SavedView = { name: trimmed, filter: f.queue, sort: f.sort };
          const others = f.savedViews.filter((v) => v.name !== trimmed);
          return { savedViews: [...others, view].sort((a, b) => a.name.localeCompare(b.name)) };
        }),
      applyView: (name) =>
        update((f) => {
          const view = f.savedViews.find((v) => v.name === name);
          return view ? { queue: view.filter, sort: view.sort } : {};
        }),
      deleteView: (name) =>
        update((f) => ({ savedViews: f.savedViews.filter((v) => v.name !== name) })),
    };
  };
