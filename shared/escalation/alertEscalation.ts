import { z } from 'zod';
import { Recipient } from './escalationRecipients.js';

/**
 * Where an alert's escalation stands, as the engine keeps it and pushes it to consoles (change
 * kind `alertEscalation`, docs/protocol.md): the facts only the engine knows — the next due
 * step, the last step taken, why it stopped. Everything else a timeline needs (the policy,
 * schedules, teams, users, the alert and its source) is replicated too, so a console projects
 * "what will happen" itself with projectEscalation, the same code the engine answers REST with.
 */

const isoTime = z.string();

/** A notification the notification service planned for a person the step reached. */
export const PlannedNotificationView = z.object({
  userId: z.string(),
  /** `console`, `email`, `webhook`, … (the notification service's channel names). */
  channel: z.string(),
  /** When it goes out: when the person was reached plus their rule's delay. */
  dueAt: isoTime,
});
export type PlannedNotificationView = z.infer<typeof PlannedNotificationView>;

/** One escalation step taken: a level of a round notified (or found to reach nobody). */
export const EscalationStep = z.object({
  /** 0-based; people read it 1-based ("level 2"). */
  level: z.number().int(),
  /** 0 for the first run of the policy, 1 for its first repeat, … */
  round: z.number().int(),
  /** When the step was due, and when it ran (later only after a restart or an overload). */
  dueAt: isoTime,
  at: isoTime,
  /** Who was reached; empty: nobody (escalated to the next level at once). */
  recipients: z.array(Recipient),
  notifications: z.array(PlannedNotificationView),
  /** The level notifies one person per turn; `recipients` is that person. */
  roundRobin: z.boolean(),
});
export type EscalationStep = z.infer<typeof EscalationStep>;

/** The next step the engine has due: `level` equal to the policy's level count ends the round. */
export const NextEscalationStep = z.object({
  level: z.number().int(),
  round: z.number().int(),
  dueAt: isoTime,
});
export type NextEscalationStep = z.infer<typeof NextEscalationStep>;

export const EscalationStopReason = z.enum([
  /** Every level of every round was notified and nobody accepted. */
  'exhausted',
  /** At that moment every level reached nobody. */
  'nobody_reachable',
  /** The policy was deleted while the alert escalated. */
  'policy_missing',
  /** The alert's priority was lowered to LOW, which does not page. */
  'low_priority',
]);
export type EscalationStopReason = z.infer<typeof EscalationStopReason>;

export const AlertEscalation = z.object({
  alertId: z.string(),
  /** The policy the alert follows: its source's when it was created. */
  policyId: z.string(),
  /** The step due next; null while accepted or resolved, and once stopped. */
  next: NextEscalationStep.nullable(),
  /** The last step taken; null before the first. */
  last: EscalationStep.nullable(),
  /** Steps taken so far, skipped levels included. */
  steps: z.number().int(),
  /** Why escalation stopped for good (until the alert is pending again); null otherwise. */
  stopped: z.object({ at: isoTime, reason: EscalationStopReason, message: z.string() }).nullable(),
  updatedAt: isoTime,
});
export type AlertEscalation = z.infer<typeof AlertEscalation>;

/**
 * `data` of an alert log entry of kind `escalated`: the step, as the timeline shows it. (The
 * log keeps every step; the stream carries only the last.)
 */
export const EscalatedLogData = EscalationStep;
export type EscalatedLogData = EscalationStep;
