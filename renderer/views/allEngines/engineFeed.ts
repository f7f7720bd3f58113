import type { EngineView } from '../../../shared/ipc/ipcViews.js';
import { Replica } from '../../../shared/sync/replica.js';
import type { SyncEvent, Transport } from '../../transport/transport.js';
import type { AllEnginesRow } from './allEnginesRows.js';
import { engineLiveness, type EngineLiveness } from './engineLiveness.js';

/** One engine's stream as the All engines view holds it: its replica, state and last rows. */
export interface EngineFeed {
  /** Main's latest word on the engine (its label may change). */
  view: EngineView;
  readonly replica: Replica;
  readonly liveness: EngineLiveness;
  /** The rows built from the replica at the last frame; rebuilt when `dirty`. */
  rows: readonly AllEnginesRow[];
  dirty: boolean;
  /** Stops the stream (the transport unsubscribes) for good. */
  close(): void;
}

/**
 * Subscribes to `transport` and keeps a {@link Replica} of it. Each event only updates the
 * replica and calls `changed` (the model then rebuilds at the next frame). Changes of another
 * stream, or at or before the position held, are dropped: main follows a gap with a snapshot.
 */
export function openEngineFeed(
  view: EngineView,
  transport: Transport,
  changed: () => void,
): EngineFeed {
  const replica = new Replica();
  let liveness = engineLiveness(view.status);
  const feed: EngineFeed = {
    view,
    replica,
    get liveness() {
      return liveness;
    },
    rows: [],
    dirty: false,
    close: () => {
      off();
      transport.close();
    },
  };
  const onEvent = (event: SyncEvent) => {
    switch (event.type) {
      case 'status':
        liveness = engineLiveness(event.status.status);
        break;
      case 'snapshot':
        replica.applySnapshot(event.snapshot);
        feed.dirty = true;
        break;
      case 'changes':
        if (event.streamId !== replica.streamId || event.seq <= (replica.seq ?? Infinity)) return;
        replica.applyChanges(event.changes, event.seq);
        feed.dirty = true;
        break;
      case 'notification':
        return;
    }
    changed();
  };
  const off = transport.subscribe(onEvent);
  return feed;
}
