import { z } from 'zod';
import { Actor } from '../domain/alert.js';
import { AlertEscalation, EscalationStep } from './alertEscalation.js';
import { Recipient } from './escalationRecipients.js';

/**
 * An alert's escalation timeline (docs/escalation.md, "The timeline"), as `GET
 * /api/v1/alerts/{id}/timeline` answers it and escalationTimeline computes it: what happened,
 * from the alert's log, and what will happen if nobody acts, projected from the due step, the
 * policy and who is on call then. Times are RFC 3339; `text` is for people, with times in
 * `timeZone`.
 */

const isoTime = z.string();

/** Something that happened: a log entry (repeated events left out). */
export const TimelineEntry = z.object({
  at: isoTime,
  /** The log entry's kind: `created`, `escalated`, `notification`, `accepted`, … */
  kind: z.string(),
  actor: Actor,
  text: z.string(),
  /** For `escalated`: the level, whom it reached and the notifications planned. */
  step: EscalationStep.optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** Something that will happen if nobody accepts or resolves the alert and no event arrives. */
export const TimelineProjection = z.object({
  at: isoTime,
  /**
   * `level`: a level is notified (or found to reach nobody); `exhausted`: the policy ran out;
   * `nobody_reachable`: no level reaches anyone; `ack-timeout`: the accepted alert becomes
   * PENDING again; `auto-resolve`: the alert is resolved for want of events.
   */
  kind: z.enum(['level', 'exhausted', 'nobody_reachable', 'ack-timeout', 'auto-resolve']),
  level: z.number().int().optional(),
  round: z.number().int().optional(),
  /** Everyone the level would reach at `at`; with `roundRobin`, one of them is notified. */
  recipients: z.array(Recipient).optional(),
  roundRobin: z.boolean().optional(),
  text: z.string(),
});
export type TimelineProjection = z.infer<typeof TimelineProjection>;

export const AlertTimeline = z.object({
  alertId: z.string(),
  /** The instant the projection starts from. */
  computedAt: isoTime,
  /** The zone of the times in `text` (the caller's own). */
  timeZone: z.string(),
  policy: z.object({ id: z.string(), name: z.string(), version: z.number().int() }).nullable(),
  escalation: AlertEscalation.nullable(),
  happened: z.array(TimelineEntry),
  /** Entries of the log left out at the start (only the newest are kept). */
  happenedOmitted: z.number().int(),
  upcoming: z.array(TimelineProjection),
  /** More would follow: only the first entries are projected. */
  upcomingTruncated: z.boolean(),
});
export type AlertTimeline = z.infer<typeof AlertTimeline>;
