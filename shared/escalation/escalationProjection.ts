import type { AlertPriority, AlertState } from '../domain/alert.js';
import { minutesMs, type EscalationPolicy } from './escalationPolicyModel.js';
import { planEscalationStep, type EscalationPosition } from './escalationPlan.js';
import {
  describeNobody,
  type EscalationDirectory,
  type Recipient,
} from './escalationRecipients.js';

/** What will happen to an alert if nobody acts, item by item (times in epoch ms). */
export type ProjectedItem =
  | {
      readonly kind: 'level';
      readonly at: number;
      readonly level: number;
      readonly round: number;
      /** Everyone the level reaches then; with round robin, one of them is notified. */
      readonly recipients: readonly Recipient[];
      readonly roundRobin: boolean;
      /** When empty: why (for "reaches nobody (nobody on call in Ops)"). */
      readonly nobodyBecause: string | null;
    }
  | { readonly kind: 'exhausted'; readonly at: number; readonly rounds: number }
  | { readonly kind: 'nobody_reachable'; readonly at: number }
  | { readonly kind: 'ack-timeout'; readonly at: number; readonly minutes: number }
  | { readonly kind: 'auto-resolve'; readonly at: number; readonly minutes: number };

/** What a projection starts from: the alert, its source's settings and its escalation. */
export interface ProjectionInput {
  readonly alert: {
    readonly state: AlertState;
    readonly priority: AlertPriority;
    readonly acceptedAt: number | null;
    readonly lastEventAt: number;
    /** Opened during a maintenance window: escalation never starts for it (docs/maintenance.md). */
    readonly inMaintenance?: boolean;
  };
  readonly source: {
    readonly ackTimeoutMinutes: number | null;
    readonly autoResolveMinutes: number | null;
  } | null;
  /** The engine's due step (`AlertEscalation.next`); null when none is due. */
  readonly next: (EscalationPosition & { readonly dueAt: number }) | null;
  /** The policy the alert follows (null: none, or deleted). */
  readonly policy: EscalationPolicy | null;
  readonly directory: EscalationDirectory;
  readonly now: number;
  /** At most this many items (default 50). */
  readonly limit?: number;
}

export interface Projection {
  readonly items: readonly ProjectedItem[];
  /** More would follow: the limit cut the list. */
  readonly truncated: boolean;
}

/**
 * What will happen to an alert if nobody accepts or resolves it and no event arrives: the
 * levels still to be notified and whom each reaches at that instant (schedules asked for that
 * very instant), the end of escalation, an acknowledgement timeout sending an accepted alert
 * back to PENDING (and escalation restarting at level 1), the auto-resolve. Steps are planned
 * by planEscalationStep, the function the engine's steps run. Overdue steps are shown at `now`
 * (they run at once).
 */
export function projectEscalation(input: ProjectionInput): Projection {
  const { alert, source, policy, directory, now } = input;
  const limit = input.limit ?? 50;
  const items: ProjectedItem[] = [];
  if (alert.state === 'RESOLVED') return { items, truncated: false };

  const autoResolveMinutes = source?.autoResolveMinutes ?? null;
  const autoResolveAt =
    autoResolveMinutes !== null
      ? Math.max(now, alert.lastEventAt + minutesMs(autoResolveMinutes))
      : Number.POSITIVE_INFINITY;

  let cursor: (EscalationPosition & { dueAt: number }) | null = null;
  if (alert.state === 'PENDING' && input.next) {
    cursor = { ...input.next, dueAt: Math.max(now, input.next.dueAt) };
  }
  const ackMinutes = source?.ackTimeoutMinutes ?? null;
  if (alert.state === 'ACCEPTED' && ackMinutes !== null && alert.acceptedAt !== null) {
    const at = Math.max(now, alert.acceptedAt + minutesMs(ackMinutes));
    if (at < autoResolveAt) {
      items.push({ kind: 'ack-timeout', at, minutes: ackMinutes });
      if (alert.priority === 'HIGH' && policy && !alert.inMaintenance) {
        cursor = { level: 0, round: 0, dueAt: at };
      }
    }
  }

  let truncated = false;
  while (cursor && policy && cursor.dueAt < autoResolveAt) {
    if (items.length >= limit) {
      truncated = true;
      break;
    }
    const at = cursor.dueAt;
    const plan = planEscalationStep(policy, cursor, at, directory);
    for (const visited of plan.visited) {
      const level = policy.levels[visited.level]!;
      items.push({
        kind: 'level',
        at,
        level: visited.level,
        round: visited.round,
        recipients: visited.recipients,
        roundRobin: level.roundRobin,
        nobodyBecause: visited.recipients.length === 0 ? describeNobody(level, directory) : null,
      });
    }
    if (plan.stopped === 'exhausted')
      items.push({ kind: 'exhausted', at, rounds: policy.repeat + 1 });
    if (plan.stopped === 'nobody_reachable') items.push({ kind: 'nobody_reachable', at });
    cursor = plan.next;
  }
  if (autoResolveMinutes !== null && items.length < limit) {
    items.push({ kind: 'auto-resolve', at: autoResolveAt, minutes: autoResolveMinutes });
  }
  return { items: items.slice(0, limit), truncated: truncated || items.length > limit };
}
