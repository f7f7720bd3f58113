import type {
  AlertEscalation,
  EscalationStep,
  PlannedNotificationView,
} from '../../shared/escalation/alertEscalation.js';
import { planEscalationStep } from '../../shared/escalation/escalationPlan.js';
import { describeNobody, roundRobinPick } from '../../shared/escalation/escalationRecipients.js';
import { describeStep } from '../../shared/escalation/timelineText.js';
import type { Pager } from '../notifications/pager.js';
import type { ResolverCache } from '../schedules/resolverCache.js';
import type { AlertRecord, EscalationPolicyRecord } from '../store/records.js';
import type { WriteTx } from '../store/store.js';
import type { WorkHandler } from '../work/workRunner.js';
import { toEscalationPolicyModel } from '../wire.js';
import { loadDirectory } from './escalationDirectoryLoader.js';
import { iso, logSystem, saveEscalation, stopEscalation } from './escalationState.js';
import { alertIdOf, alertSubject, EscalatePayload, escalateKind } from './escalationWork.js';

export interface StepDeps {
  /** Who sends notifications; null: nobody yet (steps still log whom they reached). */
  readonly pager: () => Pager | null;
  readonly resolvers: ResolverCache;
}

/**
 * The `escalate` work handler: runs one escalation step inside the transaction that completes
 * the work, so the pages, the log, the next due step and the pushed state commit together —
 * never skipped, never twice. The alert's state is checked again here: an accept or resolve
 * that committed first finds this work cancelled, and one that raced it on another engine
 * (PostgreSQL) leaves a step that pages nobody.
 */
export function escalateHandler(deps: StepDeps): WorkHandler {
  return async (tx, work, now) => {
    const payload = EscalatePayload.parse(work.payload);
    const alert = await tx.alerts.get(alertIdOf(work.subject));
    if (!alert || alert.state !== 'PENDING' || alert.priority !== 'HIGH') return;
    const current = await tx.alertEscalations.get(alert.id);
    // The state row is written with the work; without one the work is stale.
    if (!current || current.policyId !== String(payload.policyId)) return;
    const policy = await tx.escalationPolicies.get(payload.policyId);
    if (!policy) {
      await stopEscalation(
        tx,
        current,
        now,
        'policy_missing',
        `Escalation stopped: escalation policy ${payload.policyId} was deleted.`,
      );
      return;
    }
    await runStep(tx, deps, { alert, policy, current, payload, dueAt: work.dueAt, now });
  };
}

interface StepContext {
  readonly alert: AlertRecord;
  readonly policy: EscalationPolicyRecord;
  readonly current: AlertEscalation;
  readonly payload: EscalatePayload;
  readonly dueAt: number;
  readonly now: number;
}

async function runStep(tx: WriteTx, deps: StepDeps, step: StepContext): Promise<void> {
  const { alert, policy, payload, now } = step;
  const model = toEscalationPolicyModel(policy);
  // Targets are resolved at the instant the step runs: whoever is on call now is paged.
  const { directory, users } = await loadDirectory(tx, model, now, deps.resolvers);
  const plan = planEscalationStep(model, payload, now, directory);
  let state: Omit<AlertEscalation, 'updatedAt'> = step.current;
  const pager = deps.pager();

  for (const [index, visited] of plan.visited.entries()) {
    const level = model.levels[visited.level]!;
    let recipients = visited.recipients;
    if (level.roundRobin && recipients.length > 0) {
      const turn = await tx.escalationPolicies.takeRoundRobinTurn(policy.id, visited.level);
      recipients = roundRobinPick(recipients, turn);
    }
    const taken: EscalationStep = {
      level: visited.level,
      round: visited.round,
      // Levels passed at once because the one before reached nobody were due now.
      dueAt: iso(index === 0 ? step.dueAt : now),
      at: iso(now),
      recipients: [...recipients],
      notifications: [],
      roundRobin: level.roundRobin,
    };
    const nobody = recipients.length === 0 ? describeNobody(level, directory) : null;
    // Logged before the pages, so the log reads "escalated to …" and then how each person is
    // notified; completed with the notifications planned, in this same transaction.
    const entryId = await logSystem(
      tx,
      alert.id,
      now,
      'escalated',
      describeStep(taken, nobody),
      taken,
    );
    const notifications: PlannedNotificationView[] = [];
    for (const recipient of recipients) {
      const user = users.get(recipient.userId)!;
      const planned =
        (await pager?.pageUser(tx, {
          alert,
          user,
          level: visited.level,
          round: visited.round,
          at: now,
        })) ?? [];
      for (const n of planned) {
        notifications.push({ userId: String(n.userId), channel: n.channel, dueAt: iso(n.dueAt) });
      }
    }
    const done: EscalationStep = { ...taken, notifications };
    if (notifications.length > 0) {
      await tx.alerts.completeLogEntry(entryId, describeStep(done, nobody), done);
    }
    state = { ...state, last: done, steps: state.steps + 1 };
  }

  if (plan.next) {
    const next = { policyId: policy.id, level: plan.next.level, round: plan.next.round };
    await tx.dueWork.schedule(
      {
        kind: escalateKind,
        subject: alertSubject(alert.id),
        dueAt: plan.next.dueAt,
        payload: next,
      },
      now,
    );
    await saveEscalation(
      tx,
      { ...state, next: { ...plan.next, dueAt: iso(plan.next.dueAt) }, stopped: null },
      now,
    );
    return;
  }
  const runs = model.repeat + 1;
  const message =
    plan.stopped === 'exhausted'
      ? `Escalation ended: nobody accepted after ${runs} ${runs === 1 ? 'run' : 'runs'} of escalation policy "${policy.name}".`
      : `Escalation ended: no level of escalation policy "${policy.name}" reaches anyone right now.`;
  await stopEscalation(
    tx,
    { ...state, updatedAt: iso(now) },
    now,
    plan.stopped ?? 'exhausted',
    message,
  );
}
