import type { Actor, AlertOrigin } from '../../shared/domain/alert.js';
import type { Clock } from '../clock.js';
import type { AlertRecord, AlertSourceRecord } from '../store/records.js';
import type { WriteTx } from '../store/store.js';
import { toAlertSummary } from '../wire.js';
import {
  markNewAlert,
  markRepeatedAlert,
  type MaintenanceNote,
} from '../maintenance/maintenanceMarks.js';
import type { AlertChangeListeners } from './alertChanges.js';
import { normalizeAlertKey } from './alertKey.js';
import { eventPatch, statePatch } from './alertPatches.js';
import type { InboundEvent, InboundFormat } from './inboundEvent.js';
import { decideIngest, type IngestDecision } from './ingestRules.js';

export type IngestOutcome =
  | { readonly decision: Exclude<IngestDecision, 'drop'>; readonly alert: AlertRecord }
  | { readonly decision: 'drop'; readonly alertKey: string };

const formatNames: Record<InboundFormat, string> = {
  ilert: 'an ilert',
  pagerduty: 'a PagerDuty Events v2',
  alertmanager: 'an Alertmanager',
};

/**
 * Where an event comes from: the format and sender of an inbound event, or the engine itself (a
 * heartbeat monitor). `name` completes "Created by …" in the log.
 */
export interface EventVia {
  readonly origin: AlertOrigin;
  readonly actor: Actor;
  readonly name: string;
}

export const viaFormat = (source: AlertSourceRecord, format: InboundFormat): EventVia => ({
  origin: format,
  actor: { type: 'integration', sourceId: String(source.id), format },
  name: `${formatNames[format]} event`,
});

/** What applying an event needs of the alert service. */
export interface IngestDeps {
  readonly clock: Clock;
  readonly changes: AlertChangeListeners;
  readonly newAlertKey: () => string;
}

/**
 * Applies one inbound event to the alerts of `source` in the caller's transaction: the
 * de-duplication and state rules of ./ingestRules.ts, maintenance marking, the log entry, the
 * stream change and the change listeners (escalation).
 */
export async function applyEvent(
  deps: IngestDeps,
  tx: WriteTx,
  source: AlertSourceRecord,
  via: EventVia,
  event: InboundEvent,
): Promise<IngestOutcome> {
  const open = event.alertKey
    ? await tx.alerts.findOpen(source.id, normalizeAlertKey(event.alertKey))
    : null;
  const decision = decideIngest(event.action, open?.state ?? null);
  if (decision === 'drop') return { decision, alertKey: event.alertKey ?? '' };
  if (decision === 'unchanged') return { decision, alert: open! };

  const now = deps.clock.now();
  const { actor } = via;
  const note = event.comment ? `: ${event.comment}` : '';
  let alert: AlertRecord;
  let message: string;
  let maintenance: MaintenanceNote | null = null;
  switch (decision) {
    case 'create': {
      const mark = await markNewAlert(tx, source.id, now);
      maintenance = mark.note;
      alert = await tx.alerts.insert({
        sourceId: source.id,
        alertKey: event.alertKey || deps.newAlertKey(), // '' is no key either
        state: 'PENDING',
        priority: event.priority ?? 'HIGH',
        severity: event.severity,
        summary: event.summary ?? '(no summary)',
        details: event.details,
        origin: via.origin,
        labels: event.labels ?? {},
        links: event.links ?? [],
        images: event.images ?? [],
        customDetails: event.customDetails ?? null,
        eventCount: 1,
        createdAt: now,
        updatedAt: now,
        lastEventAt: now,
        acceptedAt: null,
        acceptedBy: null,
        resolvedAt: null,
        assigneeId: null,
        maintenanceWindowId: mark.windowId,
      });
      message = `Created by ${via.name}`;
      break;
    }
    case 'update': {
      const mark = await markRepeatedAlert(tx, open!, now);
      maintenance = mark.note;
      alert = await tx.alerts.update(open!.id, {
        ...eventPatch(open!, event, now),
        ...mark.patch,
      });
      const raised =
        alert.priority !== open!.priority
          ? ` (priority ${open!.priority} → ${alert.priority})`
          : '';
      message = `Event received again (${alert.eventCount} in all)${raised}`;
      break;
    }
    case 'accept':
    case 'resolve':
      alert = await tx.alerts.update(open!.id, {
        ...statePatch(decision === 'accept' ? 'ACCEPTED' : 'RESOLVED', now, null),
        lastEventAt: now,
      });
      message = `${decision === 'accept' ? 'Accepted' : 'Resolved'} by ${via.name}${note}`;
      break;
    case 'comment':
      alert = await tx.alerts.update(open!.id, { updatedAt: now, lastEventAt: now });
      message = event.comment ?? event.summary ?? '(empty comment)';
      break;
  }
  await tx.alerts.appendLog({
    alertId: alert.id,
    at: now,
    kind: logKind[decision],
    actor,
    message,
  });
  if (maintenance) {
    const { message: text, data } = maintenance;
    const system: Actor = { type: 'system' };
    await tx.alerts.appendLog({
      alertId: alert.id,
      at: now,
      kind: 'maintenance',
      actor: system,
      message: text,
      data,
    });
  }
  tx.publish({ kind: 'alert', value: toAlertSummary(alert) });
  await deps.changes.notify(tx, { before: open, after: alert, at: now });
  return { decision, alert };
}

const logKind = {
  create: 'created',
  update: 'event',
  accept: 'accepted',
  resolve: 'resolved',
  comment: 'comment',
} as const;
