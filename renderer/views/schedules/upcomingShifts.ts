import type { Schedule, ShiftSource } from '../../../shared/schedule/index.js';
import { resolverFor } from './overridePreview.js';

/** One of a user's shifts in one schedule, as the final lane has it (epoch ms). */
export interface UpcomingShift {
  readonly scheduleId: string;
  readonly scheduleName: string;
  readonly timeZone: string;
  readonly start: number;
  readonly end: number;
  readonly source: ShiftSource;
  /** The shift has started (it is on now). */
  readonly current: boolean;
}

/**
 * `userId`'s shifts in every schedule from `now` for `horizonMs` (default 14 days), soonest
 * first: the final lanes rendered by shared/schedule, as the engine pages them. A schedule that
 * cannot be resolved (a zone this browser does not know) is skipped. Shifts on at `now` are
 * included, with their real start (rendered from a day before).
 */
export function upcomingShifts(
  schedules: Iterable<Schedule>,
  userId: string,
  now: number,
  horizonMs = 14 * 86_400_000,
  limit = 50,
): UpcomingShift[] {
  const shifts: UpcomingShift[] = [];
  for (const schedule of schedules) {
    const resolver = resolverFor(schedule);
    if (resolver instanceof Error) continue;
    let final;
    try {
      final = resolver.render(now - 86_400_000, now + horizonMs).final;
    } catch {
      continue;
    }
    for (const piece of final) {
      if (piece.kind !== 'shift' || piece.userId !== userId || piece.end <= now) continue;
      shifts.push({
        scheduleId: schedule.id,
        scheduleName: schedule.name,
        timeZone: schedule.timeZone,
        start: piece.start,
        end: piece.end,
        source: piece.source,
        current: piece.start <= now,
      });
    }
  }
  return shifts
    .sort((a, b) => a.start - b.start || a.scheduleName.localeCompare(b.scheduleName))
    .slice(0, limit);
}

/** Who is on call in `schedule` at `now` and until when; an Error when it cannot be resolved. */
export function onCallNow(
  schedule: Schedule,
  now: number,
): { userId: string | null; until: number | null; next: string | null } | Error {
  const resolver = resolverFor(schedule);
  if (resolver instanceof Error) return resolver;
  try {
    const { current, handoffs } = resolver.nextHandoffs(now, { limit: 1 });
    const first = handoffs[0];
    return {
      userId: current?.userId ?? null,
      until: first ? first.at : null,
      next: first?.to?.userId ?? null,
    };
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
