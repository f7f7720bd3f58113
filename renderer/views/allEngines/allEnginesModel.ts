import type { NocturneApi } from '../../../shared/ipc/ipcContract.js';
import type { EngineView } from '../../../shared/ipc/ipcViews.js';
import type { AppStore } from '../../state/createAppStore.js';
import type { FrameScheduler } from '../../state/frameScheduler.js';
import {
  createBridgeTransport,
  type BridgeTransportOptions,
} from '../../transport/bridgeTransport.js';
import type { Transport } from '../../transport/transport.js';
import { countOpen, engineRows, mergeRows, type AllEnginesRow } from './allEnginesRows.js';
import { openEngineFeed, type EngineFeed } from './engineFeed.js';
import type { EngineLiveness } from './engineLiveness.js';
import { runRowAction, type RowActionKind } from './rowActions.js';

/** One engine in the header: its label, its stream, its open alerts. */
export interface EngineCounts {
  readonly engineId: string;
  readonly label: string;
  readonly liveness: EngineLiveness;
  readonly pending: number;
  readonly accepted: number;
}

export interface AllEnginesSnapshot {
  /** Sorted (allEnginesRows.ts `compareRows`). */
  readonly rows: readonly AllEnginesRow[];
  readonly engines: readonly EngineCounts[];
  readonly totals: { readonly pending: number; readonly accepted: number };
  readonly withResolved: boolean;
  /** Actions under way, by `rowKey`. */
  readonly pending: ReadonlyMap<string, RowActionKind>;
}

/** What the All engines view reads (useSyncExternalStore) and calls. */
export interface AllEnginesModel {
  subscribe(listener: () => void): () => void;
  getSnapshot(): AllEnginesSnapshot;
  /** Subscribes to every engine of the app and follows engines added or removed; returns stop. */
  start(): () => void;
  setWithResolved(on: boolean): void;
  act(kind: RowActionKind, row: AllEnginesRow): Promise<void>;
}

export interface AllEnginesDeps {
  readonly store: AppStore;
  readonly api: NocturneApi;
  readonly frames: FrameScheduler;
  readonly createTransport?: (options: BridgeTransportOptions) => Transport;
}

const empty: AllEnginesSnapshot = {
  rows: [],
  engines: [],
  totals: { pending: 0, accepted: 0 },
  withResolved: false,
  pending: new Map(),
};

/**
 * Every engine's stream at once, each into its own replica (./engineFeed.ts), merged into one
 * list. Events only mark their engine dirty; the list is rebuilt at most once a frame, and only
 * the dirty engines' rows are rebuilt (the others keep their row objects).
 */
export function createAllEnginesModel(deps: AllEnginesDeps): AllEnginesModel {
  const { store, api, frames } = deps;
  const createTransport = deps.createTransport ?? createBridgeTransport;
  const feeds = new Map<string, EngineFeed>();
  const listeners = new Set<() => void>();
  const pending = new Map<string, RowActionKind>();
  let snapshot = empty;
  let withResolved = false;
  let cancelFrame: (() => void) | null = null;
  let scheduled = false;

  const recompute = () => {
    scheduled = false;
    cancelFrame = null;
    const engines: EngineCounts[] = [];
    const totals = { pending: 0, accepted: 0 };
    for (const feed of feeds.values()) {
      if (feed.dirty) {
        feed.rows = engineRows(feed.view.id, feed.view.label, feed.replica, withResolved);
        feed.dirty = false;
      }
      const counts = countOpen(feed.replica);
      totals.pending += counts.pending;
      totals.accepted += counts.accepted;
      const { id: engineId, label } = feed.view;
      engines.push({ engineId, label, liveness: feed.liveness, ...counts });
    }
    const rows = mergeRows([...feeds.values()].map((feed) => feed.rows));
    snapshot = { rows, engines, totals, withResolved, pending: new Map(pending) };
    for (const listener of listeners) listener();
  };
  // A scheduler may run the callback at once (tests): only keep a cancel still to be used.
  const later = () => {
    if (scheduled) return;
    scheduled = true;
    const cancel = frames.schedule(recompute);
    if (scheduled) cancelFrame = cancel;
  };

  const follow = (views: readonly EngineView[]) => {
    const ids = new Set(views.map((v) => v.id));
    for (const [id, feed] of feeds) {
      if (ids.has(id)) continue;
      feed.close();
      feeds.delete(id);
    }
    for (const view of views) {
      const known = feeds.get(view.id);
      if (known) {
        if (known.view.label !== view.label) known.dirty = true;
        known.view = view;
      } else {
        const transport = createTransport({ api, engineId: view.id, engineUrl: view.url });
        feeds.set(view.id, openEngineFeed(view, transport, later));
      }
    }
    later();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    start() {
      follow(store.getState().desktop?.engines ?? []);
      const unfollow = store.subscribe((state, previous) => {
        const engines = state.desktop?.engines ?? [];
        if (engines !== previous.desktop?.engines) follow(engines);
      });
      return () => {
        unfollow();
        follow([]);
        cancelFrame?.();
        cancelFrame = null;
        scheduled = false;
      };
    },
    setWithResolved(on) {
      if (on === withResolved) return;
      withResolved = on;
      for (const feed of feeds.values()) feed.dirty = true;
      // The checkbox shows the choice at once; the rows follow in the next frame.
      snapshot = { ...snapshot, withResolved };
      for (const listener of listeners) listener();
      later();
    },
    act: (kind, row) => {
      const current = feeds.get(row.engineId)?.replica.alerts.get(row.alert.id);
      return runRowAction({ store, api, pending, changed: later }, kind, row, current);
    },
  };
}
