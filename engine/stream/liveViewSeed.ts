import type { Store } from '../store/store.js';
import {
  toAlertSource,
  toAlertSummary,
  toStoredEscalationPolicy,
  toStoredSchedule,
  toTeam,
  toUser,
} from '../wire.js';
import { toHeartbeatMonitor } from '../heartbeats/heartbeatWire.js';
import { toStoredMaintenanceWindow } from '../maintenance/maintenanceWire.js';
import type { LiveViewSeed } from './liveView.js';

/**
 * What a snapshot shows, read from the store in one transaction and returned once it is durable
 * (a console is never shown what a crash could take back): the open alerts, the
 * `resolvedLimit` most recently resolved, their escalations, and every other entity.
 */
export async function readLiveViewSeed(store: Store, resolvedLimit: number): Promise<LiveViewSeed> {
  const seed = await store.read(async (tx) => {
    const live = await tx.alerts.listLive(resolvedLimit);
    return {
      seq: tx.seq,
      alerts: live.map(toAlertSummary),
      alertEscalations: await tx.alertEscalations.listFor(live.map((a) => a.id)),
      entities: {
        alertSources: (await tx.alertSources.list()).map((s) => toAlertSource(s, false)),
        users: (await tx.users.list()).map(toUser),
        teams: (await tx.teams.list()).map(toTeam),
        schedules: (await tx.schedules.list()).map(toStoredSchedule),
        escalationPolicies: (await tx.escalationPolicies.list()).map(toStoredEscalationPolicy),
        heartbeatMonitors: (await tx.heartbeatMonitors.list()).map((m) =>
          toHeartbeatMonitor(m, false),
        ),
        maintenanceWindows: (await tx.maintenanceWindows.list()).map(toStoredMaintenanceWindow),
      },
    };
  });
  await store.whenDurable(seed.seq);
  return seed;
}
