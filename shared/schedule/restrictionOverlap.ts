import { minutesOf } from './compiledSchedule.js';
import type { Restriction } from './scheduleModel.js';

/*
 * Restrictions as minutes of the local week (Monday 00:00 = 0), for the validation checks.
 * Comparing them on the wall clock is exact: restrictions never move relative to each other,
 * whatever daylight-saving time does to the instants.
 */

const dayMinutes = 24 * 60;
const weekMinutes = 7 * dayMinutes;
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Whether the restriction starts when it ends, so that it is never open. */
export function isEmptyRestriction(restriction: Restriction): boolean {
  return spansOf(restriction).length === 0;
}

/** The restriction's windows within one week, wrapped ones cut in two at the week's end. */
function spansOf(restriction: Restriction): Span[] {
  const windows: Array<[start: number, length: number]> = [];
  if (restriction.kind === 'daily') {
    const start = minutesOf(restriction.start);
    const length = (minutesOf(restriction.end) - start + dayMinutes) % dayMinutes;
    for (let day = 0; day < 7; day++) windows.push([day * dayMinutes + start, length]);
  } else {
    const start = (restriction.startDay - 1) * dayMinutes + minutesOf(restriction.start);
    const end = (restriction.endDay - 1) * dayMinutes + minutesOf(restriction.end);
    windows.push([start, (end - start + weekMinutes) % weekMinutes]);
  }
  const spans: Span[] = [];
  for (const [start, length] of windows) {
    if (length === 0) continue;
    if (start + length <= weekMinutes) spans.push({ start, end: start + length });
    else spans.push({ start, end: weekMinutes }, { start: 0, end: start + length - weekMinutes });
  }
  return spans;
}

/** The first minute of the week at which both restrictions are open, or null if none. */
export function firstOverlap(a: Restriction, b: Restriction): number | null {
  let first: number | null = null;
  for (const x of spansOf(a)) {
    for (const y of spansOf(b)) {
      if (x.start < y.end && y.start < x.end) {
        const start = Math.max(x.start, y.start);
        if (first === null || start < first) first = start;
      }
    }
  }
  return first;
}

/** A minute of the week as people say it: `Monday 09:00`. */
export function weekMinuteText(minute: number): string {
  const day = Math.floor(minute / dayMinutes);
  const hh = String(Math.floor((minute % dayMinutes) / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${weekdays[day]} ${hh}:${mm}`;
}
