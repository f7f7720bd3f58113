import { randomUUID } from 'node:crypto';
import type { Actor, AlertState } from '../../shared/domain/alert.js';
import { checkTransition } from '../../shared/domain/alertLifecycle.js';
import { limits, truncate } from '../../shared/domain/limits.js';
import type { Clock } from '../clock.js';
import { EngineError, notFound } from '../errors.js';
import type { AlertPatch, AlertRecord, AlertSourceRecord, UserRecord } from '../store/records.js';
import type { Store, WriteTx } from '../store/store.js';
import { AlertChangeListeners } from './alertChanges.js';
import { normalizeAlertKey } from './alertKey.js';
import { toAlertSummary } from '../wire.js';
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

/** A person acting through the REST API. */
export const userActor = (user: UserRecord): Actor => ({
  type: 'user',
  id: String(user.id),
  name: user.name,
});

/**
 * Alerts: ingest from alert sources (de-duplication and state rules of ./ingestRules.ts) and
 * the actions of people. Every change is one transaction that also logs it and publishes it.
 */
export class AlertService {
  /**
   * Told of every alert created and every change of state or priority, inside its transaction
   * (escalation starts, stops and restarts there).
   */
  readonly changes = new AlertChangeListeners();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly newAlertKey: () => string = () => randomUUID().replaceAll('-', ''),
  ) {}

  /**
   * Applies events sent with an integration key, in order, in one transaction; resolves once
   * durable. An unknown key answers 404 `unknown_integration_key`.
   */
  ingest(
    integrationKey: string,
    format: InboundFormat,
    events: readonly InboundEvent[],
  ): Promise<{ source: AlertSourceRecord; outcomes: IngestOutcome[] }> {
    return this.store.write(async (tx) => {
      const source = await tx.alertSources.getByIntegrationKey(integrationKey);
      if (!source) {
        throw new EngineError(
          404,
          'unknown_integration_key',
          'No alert source has this integration key. Copy the key from the alert source in Nocturne (it changes when the key is rotated).',
        );
      }
      const outcomes: IngestOutcome[] = [];
      for (const event of events) outcomes.push(await this.ingestOne(tx, source, format, event));
      return { source, outcomes };
    });
  }

  accept(id: number, user: UserRecord, comment?: string): Promise<AlertRecord> {
    return this.transition(id, 'ACCEPTED', user, comment);
  }

  resolve(id: number, user: UserRecord, comment?: string): Promise<AlertRecord> {
    return this.transition(id, 'RESOLVED', user, comment);
  }

  comment(id: number, user: UserRecord, text: string): Promise<AlertRecord> {
    return this.store.write(async (tx) => {
      const alert = await requireAlert(tx, id);
      const now = this.clock.now();
      const updated = await tx.alerts.update(id, { updatedAt: now });
      await tx.alerts.appendLog({
        alertId: alert.id,
        at: now,
        kind: 'comment',
        actor: userActor(user),
        message: truncate(text, limits.commentChars),
      });
      tx.publish({ kind: 'alert', value: toAlertSummary(updated) });
      return updated;
    });
  }

  assign(id: number, user: UserRecord, assigneeId: number | null): Promise<AlertRecord> {
    return this.store.write(async (tx) => {
      const alert = await requireAlert(tx, id);
      if (alert.state === 'RESOLVED') {
        throw new EngineError(
          409,
          'illegal_transition',
          'The alert is resolved; a resolved alert cannot be reassigned.',
        );
      }
      const assignee = assigneeId === null ? null : await tx.users.get(assigneeId);
      if (assigneeId !== null && !assignee) {
        throw new EngineError(
          400,
          'user_not_found',
          `There is no user ${assigneeId} to assign the alert to.`,
        );
      }
      if (alert.assigneeId === assigneeId) return alert;
      const now = this.clock.now();
      const updated = await tx.alerts.update(id, { assigneeId, updatedAt: now });
      await tx.alerts.appendLog({
        alertId: id,
        at: now,
        kind: 'assigned',
        actor: userActor(user),
        message: assignee ? `Assigned to ${assignee.name}` : 'Assignee removed',
      });
      tx.publish({ kind: 'alert', value: toAlertSummary(updated) });
      return updated;
    });
  }

  private transition(
    id: number,
    to: Extract<AlertState, 'ACCEPTED' | 'RESOLVED'>,
    user: UserRecord,
    comment: string | undefined,
  ): Promise<AlertRecord> {
    return this.store.write(async (tx) => {
      const alert = await requireAlert(tx, id);
      const check = checkTransition(alert.state, to);
      if (check.kind === 'illegal') {
        throw new EngineError(
          409,
          'illegal_transition',
          `Alert ${id} cannot be ${to === 'ACCEPTED' ? 'accepted' : 'resolved'}: ${check.reason}.`,
        );
      }
      if (check.kind === 'unchanged') return alert;
      const now = this.clock.now();
      const updated = await tx.alerts.update(id, statePatch(to, now, user.id));
      await tx.alerts.appendLog({
        alertId: id,
        at: now,
        kind: to === 'ACCEPTED' ? 'accepted' : 'resolved',
        actor: userActor(user),
        message:
          (to === 'ACCEPTED' ? `Accepted by ${user.name}` : `Resolved by ${user.name}`) +
          (comment ? `: ${truncate(comment, limits.commentChars)}` : ''),
      });
      tx.publish({ kind: 'alert', value: toAlertSummary(updated) });
      await this.changes.notify(tx, { before: alert, after: updated, at: now });
      return updated;
    });
  }

  private async ingestOne(
    tx: WriteTx,
    source: AlertSourceRecord,
    format: InboundFormat,
    event: InboundEvent,
  ): Promise<IngestOutcome> {
    const open = event.alertKey
      ? await tx.alerts.findOpen(source.id, normalizeAlertKey(event.alertKey))
      : null;
    const decision = decideIngest(event.action, open?.state ?? null);
    if (decision === 'drop') return { decision, alertKey: event.alertKey ?? '' };
    if (decision === 'unchanged') return { decision, alert: open! };

    const now = this.clock.now();
    const actor: Actor = { type: 'integration', sourceId: String(source.id), format };
    const note = event.comment ? `: ${event.comment}` : '';
    let alert: AlertRecord;
    let message: string;
    switch (decision) {
      case 'create':
        alert = await tx.alerts.insert({
          sourceId: source.id,
          alertKey: event.alertKey || this.newAlertKey(), // '' is no key either
          state: 'PENDING',
          priority: event.priority ?? 'HIGH',
          severity: event.severity,
          summary: event.summary ?? '(no summary)',
          details: event.details,
          origin: format,
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
        });
        message = `Created by ${formatNames[format]} event`;
        break;
      case 'update': {
        alert = await tx.alerts.update(open!.id, eventPatch(open!, event, now));
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
        message = `${decision === 'accept' ? 'Accepted' : 'Resolved'} by ${formatNames[format]} event${note}`;
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
    tx.publish({ kind: 'alert', value: toAlertSummary(alert) });
    await this.changes.notify(tx, { before: open, after: alert, at: now });
    return { decision, alert };
  }
}

const logKind = {
  create: 'created',
  update: 'event',
  accept: 'accepted',
  resolve: 'resolved',
  comment: 'comment',
} as const;

async function requireAlert(tx: WriteTx, id: number): Promise<AlertRecord> {
  const alert = await tx.alerts.get(id);
  if (!alert) throw notFound('alert_not_found', `Alert ${id}`);
  return alert;
}

function statePatch(to: 'ACCEPTED' | 'RESOLVED', now: number, by: number | null): AlertPatch {
  return to === 'ACCEPTED'
    ? { state: 'ACCEPTED', acceptedAt: now, acceptedBy: by, updatedAt: now }
    : { state: 'RESOLVED', resolvedAt: now, updatedAt: now };
}

/** A repeated trigger: count it and take the fields the new event carries. */
function eventPatch(open: AlertRecord, event: InboundEvent, now: number): AlertPatch {
  return {
    eventCount: open.eventCount + 1,
    lastEventAt: now,
    updatedAt: now,
    ...(event.summary !== null ? { summary: event.summary } : {}),
    ...(event.details !== null ? { details: event.details } : {}),
    ...(event.priority !== null ? { priority: event.priority } : {}),
    ...(event.severity !== null ? { severity: event.severity } : {}),
    ...(event.labels !== null ? { labels: event.labels } : {}),
    ...(event.links !== null ? { links: event.links } : {}),
    ...(event.images !== null ? { images: event.images } : {}),
    ...(event.customDetails !== null && event.customDetails !== undefined
      ? { customDetails: event.customDetails }
      : {}),
  };
}
