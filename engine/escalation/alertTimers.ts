import { minutesMs } from '../../shared/escalation/escalationPolicyModel.js';
import type { AlertChangeListeners } from '../alerts/alertChanges.js';
import type { AlertRecord } from '../store/records.js';
import type { WriteTx } from '../store/store.js';
import type { WorkHandler } from '../work/workRunner.js';
import { toAlertSummary } from '../wire.js';
import { iso, logSystem } from './escalationState.js';
import { ackTimeoutKind, alertIdOf, alertSubject, autoResolveKind } from './escalationWork.js';

/**
 * The acknowledgement and auto-resolve timeouts of alert sources (docs/escalation.md,
 * "Timeouts"). Each is one due work row per alert, checked against the alert and its source's
 * current setting when it runs: an event since, or a changed setting, moves the row instead of
 * acting, so every event does not have to rewrite it.
 */

/** (Re)schedules the acknowledgement timeout of an accepted alert. */
export async function scheduleAckTimeout(
  tx: WriteTx,
  alert: AlertRecord,
  minutes: number | null,
  at: number,
): Promise<void> {
  await tx.dueWork.cancel(alertSubject(alert.id), [ackTimeoutKind], at);
  if (minutes === null || alert.state !== 'ACCEPTED') return;
  const dueAt = (alert.acceptedAt ?? at) + minutesMs(minutes);
  await tx.dueWork.schedule(
    { kind: ackTimeoutKind, subject: alertSubject(alert.id), dueAt, payload: null },
    at,
  );
}

/** (Re)schedules the auto-resolve of an open alert: `minutes` after its last event. */
export async function scheduleAutoResolve(
  tx: WriteTx,
  alert: AlertRecord,
  minutes: number | null,
  at: number,
): Promise<void> {
  await tx.dueWork.cancel(alertSubject(alert.id), [autoResolveKind], at);
  if (minutes === null || alert.state === 'RESOLVED') return;
  const dueAt = alert.lastEventAt + minutesMs(minutes);
  await tx.dueWork.schedule(
    { kind: autoResolveKind, subject: alertSubject(alert.id), dueAt, payload: null },
    at,
  );
}

const minutesText = (n: number) => `${n} ${n === 1 ? 'minute' : 'minutes'}`;

/** `ack-timeout`: an alert accepted and not resolved in time is PENDING again. */
export function ackTimeoutHandler(changes: AlertChangeListeners): WorkHandler {
  return async (tx, work, now) => {
    const alert = await tx.alerts.get(alertIdOf(work.subject));
    if (!alert || alert.state !== 'ACCEPTED') return;
    const minutes = (await tx.alertSources.get(alert.sourceId))?.ackTimeoutMinutes ?? null;
    if (minutes === null) return; // the setting was removed
    const dueAt = (alert.acceptedAt ?? now) + minutesMs(minutes);
    if (dueAt > now) {
      await scheduleAckTimeout(tx, alert, minutes, now);
      return;
    }
    const by = alert.acceptedBy === null ? null : await tx.users.get(alert.acceptedBy);
    const updated = await tx.alerts.update(alert.id, {
      state: 'PENDING',
      acceptedAt: null,
      acceptedBy: null,
      updatedAt: now,
    });
    await logSystem(
      tx,
      alert.id,
      now,
      'ack-timeout',
      `Back to PENDING: accepted${by ? ` by ${by.name}` : ''} at ${iso(alert.acceptedAt ?? now)} and not resolved within ${minutesText(minutes)} (the acknowledgement timeout); ` +
        (alert.maintenanceWindowId === null
          ? 'escalation starts again at level 1.'
          : 'it opened during maintenance, so nobody is paged.'),
    );
    tx.publish({ kind: 'alert', value: toAlertSummary(updated) });
    await changes.notify(tx, { before: alert, after: updated, at: now });
  };
}

/** `auto-resolve`: an open alert without a new event for the source's timeout is resolved. */
export function autoResolveHandler(changes: AlertChangeListeners): WorkHandler {
  return async (tx, work, now) => {
    const alert = await tx.alerts.get(alertIdOf(work.subject));
    if (!alert || alert.state === 'RESOLVED') return;
    const minutes = (await tx.alertSources.get(alert.sourceId))?.autoResolveMinutes ?? null;
    if (minutes === null) return;
    if (alert.lastEventAt + minutesMs(minutes) > now) {
      await scheduleAutoResolve(tx, alert, minutes, now); // an event came since
      return;
    }
    const updated = await tx.alerts.update(alert.id, {
      state: 'RESOLVED',
      resolvedAt: now,
      updatedAt: now,
    });
    await logSystem(
      tx,
      alert.id,
      now,
      'resolved',
      `Resolved automatically: no new event for ${minutesText(minutes)} (the last at ${iso(alert.lastEventAt)}).`,
    );
    tx.publish({ kind: 'alert', value: toAlertSummary(updated) });
    await changes.notify(tx, { before: alert, after: updated, at: now });
  };
}
