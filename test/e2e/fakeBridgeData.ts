import type { AlertSummary } from '../../shared/domain/alert.js';
import type { EngineView } from '../../shared/ipc/ipcViews.js';
import type { Snapshot } from '../../shared/sync/syncStatus.js';
import { source, user } from '../helpers/wireFixtures.js';

/** What the desktop tests' fake bridge (./fakeBridgeScript.ts) serves: engines and snapshots. */

/** A live engine as main lists it; `embedded` is the embedded one, any other id a remote. */
export const fakeEngineView = (id: string, label: string, url: string): EngineView => ({
  id,
  label,
  kind: id === 'embedded' ? 'embedded' : 'remote',
  url,
  status: 'live',
  problem: null,
  pendingForMe: 0,
  pendingOverall: 2,
});

/** A snapshot with these alerts, one alert source (id 1) and one user (Ada Lovelace, id 1). */
export const fakeSnapshot = (
  alerts: AlertSummary[],
  options: { readonly sourceName?: string; readonly serverTime?: string } = {},
): Snapshot => ({
  streamId: 'stream-1',
  seq: 1,
  serverTime: options.serverTime ?? new Date().toISOString(),
  alerts,
  alertSources: [source('1', options.sourceName ?? 'Prometheus')],
  users: [user('1', 'Ada Lovelace')],
  teams: [],
  schedules: [],
  escalationPolicies: [],
  alertEscalations: [],
});
