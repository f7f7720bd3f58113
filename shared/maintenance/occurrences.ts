import { parseInstant } from '../schedule/instant.js';
import { dayMs, minuteMs, mod } from '../schedule/timeUnits.js';
import { ZoneClock } from '../schedule/zoneClock.js';
import {
  maintenanceLimits,
  type MaintenanceSchedule,
  type RecurringSchedule,
} from './maintenanceModel.js';

/** One stretch of maintenance: [start, end) in epoch milliseconds. */
export interface Occurrence {
  readonly start: number;
  readonly end: number;
}

const maxRangeMs = maintenanceLimits.rangeMaxDays * dayMs;

/** A range of occurrences too long to list at once. */
export class MaintenanceRangeError extends RangeError {
  constructor() {
    super(`At most ${maintenanceLimits.rangeMaxDays} days of occurrences can be listed at once.`);
    this.name = 'MaintenanceRangeError';
  }
}

/** ISO weekday (Monday 1 … Sunday 7) of a local day value (see ZoneClock: local as if UTC). */
const isoWeekdayOf = (localDay: number) => mod(Math.floor(localDay / dayMs) + 3, 7) + 1;

const minutesOfDay = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The occurrences of a window that overlap [from, to), by start. A recurring window's start is
 * wall-clock time in its zone, so it stays at 02:00 local across daylight-saving changes; a
 * start time the clocks skip (02:30 on the night they jump from 02:00 to 03:00) starts at the
 * jump, and one that happens twice (clocks going back) starts at its first occurrence — the
 * rules of shared/schedule's ZoneClock. The duration is elapsed time: 120 minutes from 01:30 on
 * the night the clocks go back ends at 02:30 of the second pass. Throws MaintenanceRangeError
 * for more than 732 days.
 */
export function occurrencesBetween(
  schedule: MaintenanceSchedule,
  from: number,
  to: number,
): Occurrence[] {
  if (to <= from) return [];
  if (schedule.kind === 'once') {
    const start = parseInstant(schedule.start);
    const end = parseInstant(schedule.end);
    return start < to && end > from && end > start ? [{ start, end }] : [];
  }
  if (to - from > maxRangeMs) throw new MaintenanceRangeError();
  return recurring(schedule, from, to);
}

function recurring(schedule: RecurringSchedule, from: number, to: number): Occurrence[] {
  const durationMs = schedule.durationMinutes * minuteMs;
  if (durationMs <= 0) return [];
  const seriesStart =
    schedule.seriesStart === null ? -Infinity : parseInstant(schedule.seriesStart);
  const seriesEnd = schedule.seriesEnd === null ? Infinity : parseInstant(schedule.seriesEnd);
  // Occurrences that can overlap [from, to) start in [from - duration, to), and only within the
  // series.
  const low = Math.max(from - durationMs + 1, seriesStart);
  const high = Math.min(to, seriesEnd);
  if (high <= low) return [];
  const clock = new ZoneClock(schedule.timeZone);
  const days = new Set(schedule.days);
  const startMs = minutesOfDay(schedule.startTime) * minuteMs;
  // Offsets are under a day either way: a day on each side covers every local day that can
  // start an occurrence in [low, high).
  const firstDay = Math.floor(clock.localOf(low) / dayMs) * dayMs - dayMs;
  const lastDay = Math.floor(clock.localOf(high) / dayMs) * dayMs + dayMs;
  const found: Occurrence[] = [];
  for (let day = firstDay; day <= lastDay; day += dayMs) {
    if (!days.has(isoWeekdayOf(day))) continue;
    const start = clock.instantOf(day + startMs);
    if (start < low || start >= high) continue;
    found.push({ start, end: start + durationMs });
  }
  return found;
}

/**
 * The occurrence that `t` falls in (start ≤ t < end), or null. When occurrences overlap (a
 * duration longer than the gap between starts), the one that lasts longest.
 */
export function occurrenceAt(schedule: MaintenanceSchedule, t: number): Occurrence | null {
  let found: Occurrence | null = null;
  for (const occurrence of occurrencesBetween(schedule, t, t + 1)) {
    if (occurrence.start <= t && (found === null || occurrence.end > found.end)) found = occurrence;
  }
  return found;
}

/** Whether `t` is inside the window. */
export function isInMaintenance(schedule: MaintenanceSchedule, t: number): boolean {
  return occurrenceAt(schedule, t) !== null;
}

/**
 * The first occurrence that starts at or after `after`, looking up to 732 days ahead; null when
 * there is none (a one-off window that is over, a series that ended).
 */
export function nextOccurrence(schedule: MaintenanceSchedule, after: number): Occurrence | null {
  if (schedule.kind === 'once') {
    const start = parseInstant(schedule.start);
    const end = parseInstant(schedule.end);
    return start >= after && end > start ? { start, end } : null;
  }
  // Eight days at a time: a recurring window starts at least once a week, so the first step
  // usually finds it; a series that starts later takes a few more.
  const step = 8 * dayMs;
  for (let from = after; from < after + maxRangeMs; from += step) {
    const next = occurrencesBetween(schedule, from, from + step).find((o) => o.start >= after);
    if (next) return next;
  }
  return null;
}
