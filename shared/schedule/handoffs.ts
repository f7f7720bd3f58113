import type { CompiledSchedule } from './compiledSchedule.js';
import { scheduleLimits } from './scheduleLimits.js';
import { checkInstant, ScheduleRangeError } from './scheduleRange.js';
import { renderCompiled } from './scheduleRender.js';
import type { OnCall } from './shifts.js';
import { dayMs } from './timeUnits.js';

/** A change of who is on call. A change of source with the same person is not a hand-off. */
export interface Handoff {
  readonly at: number;
  /** Who was on call just before `at` (null: nobody). */
  readonly from: OnCall | null;
  /** Who is on call from `at` (null: nobody, a gap starts). */
  readonly to: OnCall | null;
}

export interface UpcomingHandoffs {
  /** Who is on call at `after` itself. */
  readonly current: OnCall | null;
  /** Hand-offs after `after`, in time order, at most `limit`. */
  readonly handoffs: readonly Handoff[];
  /**
   * Every hand-off in (after, searchedUntil) is listed: `after + horizonMs`, or the last
   * hand-off's instant when `limit` cut the list. Ask again from there for more.
   */
  readonly searchedUntil: number;
}

export interface HandoffOptions {
  /** At most this many hand-offs (default 10, at most scheduleLimits.maxHandoffs). */
  readonly limit?: number;
  /** Look this far ahead (default 31 days, at most scheduleLimits.maxHandoffHorizonMs). */
  readonly horizonMs?: number;
}

/** Rendering a few weeks at a time keeps the first answers cheap when the limit is small. */
const chunkMs = 28 * dayMs;

/** The hand-offs of a compiled schedule after `after`; see UpcomingHandoffs. */
export function handoffsCompiled(
  schedule: CompiledSchedule,
  after: number,
  options: HandoffOptions = {},
): UpcomingHandoffs {
  const { limit = 10, horizonMs = 31 * dayMs } = options;
  checkInstant(after);
  if (!Number.isInteger(limit) || limit < 1 || limit > scheduleLimits.maxHandoffs) {
    throw new ScheduleRangeError(
      'invalid_range',
      `The limit must be 1 to ${scheduleLimits.maxHandoffs}.`,
    );
  }
  if (
    !Number.isInteger(horizonMs) ||
    horizonMs < 1 ||
    horizonMs > scheduleLimits.maxHandoffHorizonMs
  ) {
    const days = scheduleLimits.maxHandoffHorizonMs / dayMs;
    throw new ScheduleRangeError('invalid_range', `The horizon must be 1 ms to ${days} days.`);
  }
  const until = Math.min(after + horizonMs, scheduleLimits.latestInstantMs);
  const handoffs: Handoff[] = [];
  let current: OnCall | null | undefined;
  let atAfter: OnCall | null = null;
  for (let from = after; from < until; from += chunkMs) {
    const to = Math.min(from + chunkMs, until);
    for (const piece of renderCompiled(schedule, from, to).final) {
      const who: OnCall | null =
        piece.kind === 'gap' ? null : { userId: piece.userId, source: piece.source };
      if (current === undefined) {
        atAfter = who;
      } else if ((current?.userId ?? null) !== (who?.userId ?? null)) {
        handoffs.push({ at: piece.start, from: current, to: who });
        if (handoffs.length === limit)
          return { current: atAfter, handoffs, searchedUntil: piece.start };
      }
      current = who;
    }
  }
  return { current: atAfter, handoffs, searchedUntil: until };
}
