import { randomUUID } from 'node:crypto';
import type { Actor, AlertState } from '../../shared/domain/alert.js';
import { checkTransition } from '../../shared/domain/alertLifecycle.js';
import { limits, truncate } from '../../shared/domain/limits.js';
import type { Clock } from '../clock.js';
import { EngineError, notFound } from '../errors.js';
import type { AlertRecord, AlertSourceRecord, UserRecord } from '../store/records.js';
import type { Store, WriteTx } from '../store/store.js';
import { toAlertSummary } from '../wire.js';
import { AlertChangeListeners } from './alertChanges.js';
import {
  applyEvent,
  viaFormat,
  type EventVia,
  type IngestDeps,
  type IngestOutcome,
} from './alertIngest.js';
import { statePatch } from './alertPatches.js';
import type { InboundEvent, InboundFormat } from './inboundEvent.js';

export type { EventVia, IngestOutcome } from './alertIngest.js';

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

  private readonly ingestDeps: IngestDeps;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    newAlertKey: () => string = () => randomUUID().replaceAll('-', ''),
  ) {
    this.ingestDeps = { clock, changes: this.changes, newAlertKey };
  }

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
      const via = viaFormat(source, format);
      for (const event of events)
        outcomes.push(await applyEvent(this.ingestDeps, tx, source, via, event));
      return { source, outcomes };
    });
  }

  /**
   * Applies an event the engine raises itself (an overdue heartbeat monitor) in the caller's
   * transaction, with the same de-duplication, maintenance marking, log and listeners as ingest.
   */
  raise(
    tx: WriteTx,
    source: AlertSourceRecord,
    via: EventVia,
    event: InboundEvent,
  ): Promise<IngestOutcome> {
    return applyEvent(this.ingestDeps, tx, source, via, event);
  }

  /**
   * Resolves an open alert on the engine's behalf (a heartbeat pinged again) in the caller's
   * transaction, logging `message`; null when the alert is not open any more.
   */
  async resolveBySystem(tx: WriteTx, id: number, message: string): Promise<AlertRecord | null> {
    const alert = await tx.alerts.get(id);
    if (!alert || alert.state === 'RESOLVED') return null;
    const now = this.clock.now();
    const updated = await tx.alerts.update(id, statePatch('RESOLVED', now, null));
    await tx.alerts.appendLog({
      alertId: id,
      at: now,
      kind: 'resolved',
      actor: { type: 'system' },
      message,
    });
    tx.publish({ kind: 'alert', value: toAlertSummary(updated) });
    await this.changes.notify(tx, { before: alert, after: updated, at: now });
    return updated;
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
}

async function requireAlert(tx: WriteTx, id: number): Promise<AlertRecord> {
  const alert = await tx.alerts.get(id);
  if (!alert) throw notFound('alert_not_found', `Alert ${id}`);
  return alert;
}
