import { compileSchedule, type CompiledSchedule } from './compiledSchedule.js';
import { handoffsCompiled, type HandoffOptions, type UpcomingHandoffs } from './handoffs.js';
import { onCallCompiled } from './onCall.js';
import { scheduleLimits } from './scheduleLimits.js';
import type { Schedule } from './scheduleModel.js';
import { error, InvalidScheduleError } from './scheduleProblems.js';
import { checkInstant, checkRange } from './scheduleRange.js';
import { renderCompiled } from './scheduleRender.js';
import type { OnCall, RenderedSchedule } from './shifts.js';
import { ZoneClock } from './zoneClock.js';

/**
 * Answers questions about one schedule, keeping its parsed form and the zone's offsets between
 * calls: for a calendar that re-renders as the user scrolls, or an engine loop asking about many
 * instants. Create a new one when the schedule changes. Not shared between schedules or callers,
 * so there is no global state; the plain functions below make a fresh one per call.
 */
export interface ScheduleResolver {
  readonly schedule: Schedule;
  /** Who is on call at instant `t` (epoch ms), and why; null: nobody (a gap). */
  onCallAt(t: number): OnCall | null;
  /** The schedule over [from, to) (epoch ms), at most scheduleLimits.maxRenderRangeMs long. */
  render(from: number, to: number): RenderedSchedule;
  /** Who is on call at `after` and the next changes of who is. */
  nextHandoffs(after: number, options?: HandoffOptions): UpcomingHandoffs;
}

/**
 * Prepares `schedule` for resolution. It should have passed validateSchedule (parseSchedule);
 * this only refuses what would make answers meaningless, with InvalidScheduleError.
 */
export function createScheduleResolver(schedule: Schedule): ScheduleResolver {
  let clock: ZoneClock;
  try {
    clock = new ZoneClock(schedule.timeZone);
  } catch {
    throw new InvalidScheduleError([
      error(
        'timeZone',
        'unknown_time_zone',
        `Unknown time zone ${JSON.stringify(schedule.timeZone)}.`,
      ),
    ]);
  }
  const compiled: CompiledSchedule = compileSchedule(schedule, clock);
  return {
    schedule,
    onCallAt(t) {
      checkInstant(t);
      return onCallCompiled(compiled, t);
    },
    render(from, to) {
      checkRange(from, to, scheduleLimits.maxRenderRangeMs);
      return renderCompiled(compiled, from, to);
    },
    nextHandoffs(after, options) {
      return handoffsCompiled(compiled, after, options);
    },
  };
}

/**
 * Who is on call in `schedule` at instant `t` (epoch ms): the newest override covering `t`, else
 * the last-added layer covering it, else null (a gap).
 */
export function onCallAt(schedule: Schedule, t: number): OnCall | null {
  return createScheduleResolver(schedule).onCallAt(t);
}

/**
 * `schedule` rendered over [from, to) (epoch ms): a lane per layer, the overrides lane and the
 * final lane with gaps marked. Throws ScheduleRangeError for a range longer than
 * scheduleLimits.maxRenderRangeMs (732 days) or ending before it starts.
 */
export function renderSchedule(schedule: Schedule, from: number, to: number): RenderedSchedule {
  return createScheduleResolver(schedule).render(from, to);
}

/**
 * Who is on call at `after` and the next changes of who is (at most `limit`, within
 * `horizonMs`): for escalation timelines and "your shift starts in N minutes".
 */
export function nextHandoffs(
  schedule: Schedule,
  after: number,
  options?: HandoffOptions,
): UpcomingHandoffs {
  return createScheduleResolver(schedule).nextHandoffs(after, options);
}
