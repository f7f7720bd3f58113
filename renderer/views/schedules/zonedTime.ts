import { DateTime } from 'luxon';
import { offsetChangesIn, offsetName } from './calendarWindow.js';

/**
 * Times as people type and read them in a given zone: the override form's `datetime-local`
 * inputs hold a wall-clock time of the zone the calendar is drawn in, not the browser's.
 */

/** `2026-03-29T09:00`: the value of a `datetime-local` input for instant `ms` in `timeZone`. */
export function toLocalInput(ms: number, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).toFormat("yyyy-LL-dd'T'HH:mm");
}

/**
 * The instant a `datetime-local` value names on the wall clock of `timeZone`; NaN for an empty
 * or malformed value. A time the clocks skip maps to the first instant that exists after it
 * and a time that occurs twice to its first occurrence, as schedule hand-offs do.
 */
export function fromLocalInput(value: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return NaN;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const dt = DateTime.fromObject(
    { year: y, month: mo, day: d, hour: h, minute: mi },
    { zone: timeZone },
  );
  if (!dt.isValid) return NaN;
  // Luxon moves a skipped time forward by the gap (02:30 → 03:30); hand-offs stop at the jump.
  if (dt.hour !== h || dt.minute !== mi) {
    const change = offsetChangesIn(dt.toMillis() - 3 * 3_600_000, dt.toMillis(), timeZone)[0];
    return change ? change.at : dt.toMillis();
  }
  // A time shown twice (clocks going back): its first occurrence.
  for (const back of [3_600_000, 1_800_000]) {
    const t = dt.toMillis() - back;
    const wall = DateTime.fromMillis(t, { zone: timeZone });
    if (wall.day === d && wall.hour === h && wall.minute === mi) return t;
  }
  return dt.toMillis();
}

/** `Sun 29 Mar 09:00` in `timeZone`. */
export function formatShiftTime(ms: number, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).toFormat('ccc d LLL HH:mm', {
    locale: 'en-GB',
  });
}

/** `09:00` in `timeZone`. */
export function formatHourMinute(ms: number, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).toFormat('HH:mm');
}

/** `Sun 29 Mar 09:00 – Mon 30 Mar 09:00`, the end's date left out when it is the same day. */
export function formatRange(start: number, end: number, timeZone: string): string {
  const a = DateTime.fromMillis(start, { zone: timeZone });
  const b = DateTime.fromMillis(end, { zone: timeZone });
  const endText = a.hasSame(b, 'day') ? b.toFormat('HH:mm') : formatShiftTime(end, timeZone);
  return `${formatShiftTime(start, timeZone)} – ${endText}`;
}

/** `UTC+2` for the offset of `timeZone` at `ms`. */
export function offsetLabel(ms: number, timeZone: string): string {
  return offsetName(DateTime.fromMillis(ms, { zone: timeZone }).offset);
}

/** An RFC 3339 instant with the zone's offset, as the engine keeps what it was sent. */
export function toZonedInstant(ms: number, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).toISO({ suppressMilliseconds: true }) ?? '';
}
