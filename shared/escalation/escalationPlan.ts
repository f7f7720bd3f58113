import { minutesMs, type EscalationPolicy } from './escalationPolicyModel.js';
import type { EscalationStopReason } from './alertEscalation.js';
import { resolveLevel, type EscalationDirectory, type Recipient } from './escalationRecipients.js';

/** A position in a policy: a level (0-based; the level count ends the round) of a round. */
export interface EscalationPosition {
  readonly level: number;
  readonly round: number;
}

/** A level reached at an instant, with everyone it reaches (before round robin picks one). */
export interface VisitedLevel extends EscalationPosition {
  readonly recipients: readonly Recipient[];
}

/** What one escalation step does at instant `t`; see planEscalationStep. */
export interface StepPlan {
  /**
   * The levels reached at `t`, in order: any that reach nobody, then the one that reaches
   * someone (unless escalation stops).
   */
  readonly visited: readonly VisitedLevel[];
  /** The step due next: the level after the one notified, after that level's timeout. */
  readonly next: (EscalationPosition & { readonly dueAt: number }) | null;
  /** Set when escalation stops here for good. */
  readonly stopped: Extract<EscalationStopReason, 'exhausted' | 'nobody_reachable'> | null;
}

/**
 * The escalation rules (docs/escalation.md, "Rules"), as one pure function that the engine's
 * step and the console's projection both run, so that what a timeline predicts is what happens:
 *
 * - Past the last level, the policy starts again at level 1 while rounds remain (`repeat`
 *   more), else escalation ends (`exhausted`).
 * - A level that reaches nobody escalates to the next at once (same instant), crossing into the
 *   next round if need be; when every level reaches nobody at `t`, escalation ends
 *   (`nobody_reachable`) instead of looping.
 * - A level that reaches someone is notified; the next step is due after its timeout.
 */
export function planEscalationStep(
  policy: EscalationPolicy,
  from: EscalationPosition,
  t: number,
  directory: EscalationDirectory,
): StepPlan {
  const count = policy.levels.length;
  const visited: VisitedLevel[] = [];
  let { level, round } = from;
  let nobody = 0;
  // Each pass either visits a level or starts a round: bounded by the levels of every round.
  for (let pass = 0; pass <= (count + 1) * (policy.repeat + 2); pass += 1) {
    const current = policy.levels[level];
    if (!current) {
      if (round < policy.repeat) {
        level = 0;
        round += 1;
        continue;
      }
      return { visited, next: null, stopped: 'exhausted' };
    }
    const recipients = resolveLevel(current, t, directory);
    visited.push({ level, round, recipients });
    if (recipients.length > 0) {
      return {
        visited,
        next: { level: level + 1, round, dueAt: t + minutesMs(current.timeoutMinutes) },
        stopped: null,
      };
    }
    nobody += 1;
    if (nobody >= count) return { visited, next: null, stopped: 'nobody_reachable' };
    level += 1;
  }
  return { visited, next: null, stopped: 'nobody_reachable' };
}
