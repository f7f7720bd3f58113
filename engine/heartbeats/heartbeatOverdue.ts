import type { AlertService, EventVia } from '../alerts/alertService.js';
import { emptyEvent, type InboundEvent } from '../alerts/inboundEvent.js';
import { activeMaintenance } from '../maintenance/maintenanceMarks.js';
import type { HeartbeatMonitorRecord } from '../store/records.js';
import type { WorkHandler } from '../work/workRunner.js';
import { overdueDetails, overdueSummary } from './heartbeatText.js';
import { allowanceMs, monitorIdOf, scheduleDeadline } from './heartbeatWork.js';
import { toHeartbeatMonitor } from './heartbeatWire.js';

/** The de-duplication key of a monitor's alerts: one open alert per monitor and source. */
export const heartbeatAlertKey = (monitorId: number) => `heartbeat:${monitorId}`;

const via = (m: HeartbeatMonitorRecord): EventVia => ({
  origin: 'heartbeat',
  actor: { type: 'system' },
  name: `heartbeat monitor "${m.name}" (no ping in time)`,
});

function overdueEvent(m: HeartbeatMonitorRecord, now: number): InboundEvent {
  return {
    ...emptyEvent,
    action: 'trigger',
    alertKey: heartbeatAlertKey(m.id),
    summary: overdueSummary(m),
    details: overdueDetails(m, now),
    priority: 'HIGH',
    labels: { heartbeat_monitor: m.name },
    customDetails: {
      heartbeatMonitorId: String(m.id),
      intervalSeconds: m.intervalSeconds,
      graceSeconds: m.graceSeconds,
      lastPingAt: m.lastPingAt === null ? null : new Date(m.lastPingAt).toISOString(),
    },
  };
}

/**
 * `heartbeat-overdue`: no ping came by the deadline. Opens an alert on the monitor's source
 * through the alert service, exactly as an inbound trigger would (de-duplicated, marked when the
 * source is in maintenance, escalated by the source's policy otherwise), in the transaction that
 * completes the due work. An alert opened during maintenance pages nobody; the monitor then
 * looks again one interval and grace after the window's end, and if still no ping came, reports
 * the problem again — the alert leaves maintenance and pages (docs/maintenance.md).
 */
export function heartbeatOverdueHandler(
  alerts: AlertService,
  onOverdue: (monitor: HeartbeatMonitorRecord) => void,
): WorkHandler {
  return async (tx, work, now) => {
    const monitor = await tx.heartbeatMonitors.get(monitorIdOf(work.subject));
    if (!monitor || monitor.status === 'paused' || monitor.deadlineAt === null) return;
    if (monitor.deadlineAt > now) {
      // Moved since this row was scheduled (a ping, a longer interval): follow the monitor.
      await scheduleDeadline(tx, monitor.id, monitor.deadlineAt, now);
      return;
    }
    const source = await tx.alertSources.get(monitor.alertSourceId);
    if (!source) return; // deleted: its monitors went with it
    const outcome = await alerts.raise(tx, source, via(monitor), overdueEvent(monitor, now));
    if (!('alert' in outcome)) return;
    const alert = outcome.alert;
    let recheckAt: number | null = null;
    if (alert.maintenanceWindowId !== null && alert.state !== 'RESOLVED') {
      const active = await activeMaintenance(tx, source.id, now);
      if (active) recheckAt = active.until + allowanceMs(monitor);
    }
    const updated = await tx.heartbeatMonitors.update(monitor.id, {
      status: 'overdue',
      alertId: alert.id,
      deadlineAt: recheckAt,
      updatedAt: now,
    });
    await scheduleDeadline(tx, monitor.id, recheckAt, now);
    tx.publish({ kind: 'heartbeatMonitor', value: toHeartbeatMonitor(updated, false) });
    if (monitor.status !== 'overdue') onOverdue(updated);
  };
}
