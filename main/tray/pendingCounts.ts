import type { AlertEscalation } from '../../shared/escalation/alertEscalation.js';
import type { AlertSummary } from '../../shared/domain/alert.js';
import type { TrayCounts } from './trayBadge.js';

/**
 * Whether a PENDING alert is "for me": assigned to me, or its last escalation step reached me
 * (the person the engine is paging now). Alerts in a maintenance window page nobody.
 */
export function reachesMe(
  alert: AlertSummary,
  escalation: AlertEscalation | undefined,
  me: string | null,
): boolean {
  if (me === null || alert.maintenanceWindowId !== null) return false;
  if (alert.assigneeId === me) return true;
  return escalation?.last?.recipients.some((r) => r.userId === me) ?? false;
}

/** The tray's counts for one engine, from its replicated alerts and escalations. */
export function countPending(
  alerts: Iterable<AlertSummary>,
  escalations: ReadonlyMap<string, AlertEscalation>,
  me: string | null,
): TrayCounts {
  let pendingForMe = 0;
  let pendingOverall = 0;
  let highForMe = 0;
  let highOverall = 0;
  for (const alert of alerts) {
    if (alert.state !== 'PENDING') continue;
    const high = alert.priority === 'HIGH';
    pendingOverall += 1;
    if (high) highOverall += 1;
    if (reachesMe(alert, escalations.get(alert.id), me)) {
      pendingForMe += 1;
      if (high) highForMe += 1;
    }
  }
  return { pendingForMe, pendingOverall, highForMe, highOverall };
}
