import type { SyncDataEvent } from '../transport/transport.js';
import { AlertsDraft, type AlertsState } from './alertsReducer.js';
import { EntitiesDraft, entitiesFromSnapshot, type EntitiesState } from './entitiesReducer.js';

/** Where the replicated state stands in the engine's stream. */
export interface SyncPosition {
  readonly streamId: string;
  readonly seq: number;
}

export interface SyncInfo {
  /** Of the last snapshot or changes applied; null before the first snapshot. */
  readonly position: SyncPosition | null;
  /** Batches of changes dropped as stale, out of order or of another stream (diagnostics). */
  readonly dropped: number;
}

export interface Replicated {
  readonly alerts: AlertsState;
  readonly entities: EntitiesState;
  readonly sync: SyncInfo;
}

/**
 * Applies a batch of stream events in order. A snapshot replaces everything. Changes apply only
 * when they continue the stream held (same `streamId`, a `seq` past the one held); anything
 * else is stale (a replay after a resync, an event from a window that reconnected) and dropped.
 * Returns `current` itself when nothing changed.
 */
export function reduceSyncEvents(
  current: Replicated,
  events: readonly SyncDataEvent[],
  now: number,
): Replicated {
  const alerts = new AlertsDraft(current.alerts, now);
  let entities: EntitiesDraft | null = null;
  let position = current.sync.position;
  let dropped = current.sync.dropped;
  let changed = false;
  for (const event of events) {
    if (event.type === 'snapshot') {
      const { snapshot } = event;
      alerts.snapshot(snapshot.alerts, position !== null);
      entities = new EntitiesDraft(entitiesFromSnapshot(snapshot));
      position = { streamId: snapshot.streamId, seq: snapshot.seq };
      changed = true;
      continue;
    }
    if (!position || event.streamId !== position.streamId || event.seq <= position.seq) {
      dropped += 1;
      continue;
    }
    entities ??= new EntitiesDraft(current.entities);
    for (const change of event.changes) {
      if (change.kind === 'alert') alerts.put(change.value);
      else entities.apply(change);
    }
    position = { streamId: event.streamId, seq: event.seq };
    changed = true;
  }
  if (!changed && dropped === current.sync.dropped) return current;
  return {
    alerts: changed ? alerts.result : current.alerts,
    entities: entities?.result ?? current.entities,
    sync: { position, dropped },
  };
}
