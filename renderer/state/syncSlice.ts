import type { StateCreator } from 'zustand/vanilla';
import type { SyncDataEvent } from '../transport/transport.js';
import type { AppState } from './appState.js';
import { reduceSyncEvents, type SyncInfo } from './syncReducer.js';

export interface SyncSlice {
  readonly sync: SyncInfo;
  /**
   * The one writer of replicated state (`alerts`, `entities`, `sync`): applies a batch of
   * stream events at once. ./syncBatcher.ts calls it at most once per animation frame.
   */
  applySyncEvents(events: readonly SyncDataEvent[]): void;
  /** Signed out: forget everything replicated. */
  clearReplica(): void;
}

export const createSyncSlice =
  (now: () => number): StateCreator<AppState, [], [], SyncSlice> =>
  (set, get, store) => ({
    sync: { position: null, dropped: 0 },
    applySyncEvents: (events) => {
      const state = get();
      const next = reduceSyncEvents(state, events, now());
      if (next !== state) set({ alerts: next.alerts, entities: next.entities, sync: next.sync });
    },
    clearReplica: () => {
      const initial = store.getInitialState();
      set({ alerts: initial.alerts, entities: initial.entities, sync: initial.sync });
    },
  });
