import type { AlertSummary } from '../../shared/domain/alert.js';
import type { Snapshot } from '../../shared/sync/syncStatus.js';
import { createAppStore } from '../../renderer/state/createAppStore.js';
import type { SyncDataEvent } from '../../renderer/transport/transport.js';
import { alert, now, source, user } from '../helpers/wireFixtures.js';

export { alert, now, source, user };

export function snapshotEvent(
  seq: number,
  alerts: readonly AlertSummary[],
  more: Partial<Snapshot> = {},
): SyncDataEvent {
  return {
    type: 'snapshot',
    snapshot: {
      streamId: 'stream-1',
      seq,
      serverTime: new Date(now).toISOString(),
      alerts,
      alertSources: [source('1', 'Prometheus'), source('2', 'Blackbox')],
      users: [user('1', 'Ada Lovelace'), user('2', 'Grace Hopper')],
      teams: [],
      schedules: [],
      escalationPolicies: [],
      alertEscalations: [],
      ...more,
    },
  };
}

export function changesEvent(
  seq: number,
  changes: Extract<SyncDataEvent, { type: 'changes' }>['changes'],
  streamId = 'stream-1',
): SyncDataEvent {
  return { type: 'changes', streamId, seq, changes };
}

export const alertChange = (a: AlertSummary) => ({ kind: 'alert' as const, value: a });

/** A store on the fixed clock (which tests may move). */
export function testStore(clock = { now }) {
  return createAppStore({ now: () => clock.now });
}
