import type { AlertChange, AlertChangeListeners } from '../alerts/alertChanges.js';
import type { AlertSourceService } from '../alertSources/alertSourceService.js';
import type { Pager } from '../notifications/pager.js';
import { ResolverCache } from '../schedules/resolverCache.js';
import type { AlertRecord, AlertSourceRecord } from '../store/records.js';
import type { WriteTx } from '../store/store.js';
import type { WorkRunner } from '../work/workRunner.js';
import {
  ackTimeoutHandler,
  autoResolveHandler,
  scheduleAckTimeout,
  scheduleAutoResolve,
} from './alertTimers.js';
import { iso, logSystem, saveEscalation, stopEscalation } from './escalationState.js';
import { escalateHandler } from './escalationStep.js';
import {
  ackTimeoutKind,
  alertSubject,
  autoResolveKind,
  escalateKind,
  escalationKinds,
  type EscalatePayload,
} from './escalationWork.js';

/**
 * Cancels pending work of these kinds. Looked up first: most alerts have none, and a cancel is
 * a write the journal would record either way.
 */
async function cancelPending(
  tx: WriteTx,
  subject: string,
  kinds: readonly string[],
  at: number,
): Promise<void> {
  const pending = await tx.dueWork.listPending(subject);
  if (pending.some((work) => kinds.includes(work.kind)))
    await tx.dueWork.cancel(subject, kinds, at);
}

export interface EscalationServiceOptions {
  readonly work: WorkRunner;
  /** The alert changes of AlertService (and of source deletion and the timeouts). */
  readonly alertChanges: AlertChangeListeners;
  readonly alertSources: AlertSourceService;
  /** Who sends notifications; null until there is a notification service. */
  readonly pager: () => Pager | null;
}

/**
 * Escalation (docs/escalation.md): starts an alert's escalation when it is created PENDING (or
 * is PENDING again), halts it on accept, ends it on resolve — each in the transaction of that
 * change — and runs the steps and timeouts as durable due work.
 */
export class EscalationService {
  constructor(options: EscalationServiceOptions) {
    const resolvers = new ResolverCache();
    options.work.register(escalateKind, escalateHandler({ pager: options.pager, resolvers }));
    options.work.register(ackTimeoutKind, ackTimeoutHandler(options.alertChanges));
    options.work.register(autoResolveKind, autoResolveHandler(options.alertChanges));
    options.alertChanges.add((tx, change) => this.onAlertChange(tx, change));
    options.alertSources.onSourceChange((tx, change) => this.onSourceChange(tx, change));
  }

  private async onAlertChange(tx: WriteTx, { before, after, at }: AlertChange): Promise<void> {
    const subject = alertSubject(after.id);
    if (after.state === 'RESOLVED') {
      if (before?.state === 'RESOLVED') return;
      // Nothing about this alert runs again: cancelled with the state change that ends it.
      await cancelPending(tx, subject, escalationKinds, at);
      await this.halt(tx, after.id, at);
      return;
    }
    const leftMaintenance =
      before !== null && before.maintenanceWindowId !== null && after.maintenanceWindowId === null;
    const changed =
      before === null ||
      before.state !== after.state ||
      (after.state === 'PENDING' && before.priority !== after.priority) ||
      leftMaintenance;
    if (!changed) return; // a repeated event: nothing for escalation (auto-resolve is lazy)
    const source = await tx.alertSources.get(after.sourceId);
    if (before === null) {
      if (source?.autoResolveMinutes) {
        await scheduleAutoResolve(tx, after, source.autoResolveMinutes, at);
      }
      // A new alert has no escalation yet: only a source with a policy starts one.
      if (source?.escalationPolicyId) await this.start(tx, after, source, at);
    } else if (before.state === 'PENDING' && after.state === 'ACCEPTED') {
      await cancelPending(tx, subject, [escalateKind], at);
      await this.halt(tx, after.id, at);
      await scheduleAckTimeout(tx, after, source?.ackTimeoutMinutes ?? null, at);
    } else if (before.state === 'ACCEPTED' && after.state === 'PENDING') {
      await cancelPending(tx, subject, [ackTimeoutKind], at);
      await this.start(tx, after, source, at);
    } else if (after.state === 'PENDING' && before.priority !== after.priority) {
      if (after.priority === 'HIGH') await this.start(tx, after, source, at);
      else await this.lowered(tx, after, at);
    } else if (leftMaintenance && after.state === 'PENDING') {
      await this.start(tx, after, source, at);
    }
  }

  /** Escalation from level 1 now, along the alert's policy (its source's, when it began). */
  private async start(
    tx: WriteTx,
    alert: AlertRecord,
    source: AlertSourceRecord | null,
    at: number,
  ): Promise<void> {
    if (alert.priority !== 'HIGH') return; // LOW alerts do not page
    // Opened during maintenance: pages nobody until it leaves it (docs/maintenance.md).
    if (alert.maintenanceWindowId !== null) return;
    const existing = await tx.alertEscalations.get(alert.id);
    if (existing?.next) return; // escalating already
    const policyId = existing?.policyId ?? source?.escalationPolicyId ?? null;
    if (policyId === null) return;
    const policy = /^\d{1,15}$/.test(policyId)
      ? await tx.escalationPolicies.get(Number(policyId))
      : null;
    if (!policy) {
      // Sources saved before policies were checked may name one that never existed.
      await logSystem(
        tx,
        alert.id,
        at,
        'escalation-stopped',
        `Not escalated: escalation policy ${JSON.stringify(policyId)} does not exist (deleted?). Pick one for alert source "${source?.name ?? alert.sourceId}".`,
        { reason: 'policy_missing' },
      );
      return;
    }
    const payload: EscalatePayload = { policyId: policy.id, level: 0, round: 0 };
    await tx.dueWork.schedule(
      { kind: escalateKind, subject: alertSubject(alert.id), dueAt: at, payload },
      at,
    );
    await saveEscalation(
      tx,
      {
        alertId: String(alert.id),
        policyId: String(policy.id),
        next: { level: 0, round: 0, dueAt: iso(at) },
        last: existing?.last ?? null,
        steps: existing?.steps ?? 0,
        stopped: null,
      },
      at,
    );
  }

  /** Accepted or resolved: nothing is due any more. */
  private async halt(tx: WriteTx, alertId: number, at: number): Promise<void> {
    const existing = await tx.alertEscalations.get(alertId);
    if (existing?.next) await saveEscalation(tx, { ...existing, next: null }, at);
  }

  private async lowered(tx: WriteTx, alert: AlertRecord, at: number): Promise<void> {
    const existing = await tx.alertEscalations.get(alert.id);
    if (!existing?.next) return;
    await tx.dueWork.cancel(alertSubject(alert.id), [escalateKind], at);
    await stopEscalation(
      tx,
      existing,
      at,
      'low_priority',
      'Escalation stopped: the priority is now LOW, and LOW alerts do not page.',
    );
  }

  /** A source's timeouts changed: its open alerts' timers follow the new settings. */
  private async onSourceChange(
    tx: WriteTx,
    change: { before: AlertSourceRecord; after: AlertSourceRecord; at: number },
  ): Promise<void> {
    const { before, after, at } = change;
    const ack = before.ackTimeoutMinutes !== after.ackTimeoutMinutes;
    const auto = before.autoResolveMinutes !== after.autoResolveMinutes;
    if (!ack && !auto) return;
    for (const alert of await tx.alerts.listOpenBySource(after.id)) {
      if (ack) await scheduleAckTimeout(tx, alert, after.ackTimeoutMinutes, at);
      if (auto) await scheduleAutoResolve(tx, alert, after.autoResolveMinutes, at);
    }
  }
}
