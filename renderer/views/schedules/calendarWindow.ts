import { DateTime, FixedOffsetZone } from 'luxon';

/** The calendar's three views. */
export type CalendarView = 'day' | 'week' | 'month';

/** One local day of a calendar window: [start, end) in the zone the grid is drawn in. */
export interface CalendarDay {
  readonly start: number;
  readonly end: number;
  /** `2026-03-29` */
  readonly date: string;
  /** `Sun 29 Mar` */
  readonly label: string;
  /** Its length in hours: 24, or 23 / 25 (23.5 / 24.5 on Lord Howe) on a change of offset. */
  readonly hours: number;
}

/** A change of the zone's UTC offset (daylight-saving time) inside a window. */
export interface OffsetChange {
  readonly at: number;
  /** `Clocks go forward 02:00 → 03:00 (UTC+1 → UTC+2)` */
  readonly label: string;
}

/** What one calendar page shows: [from, to) in `timeZone`, its days and offset changes. */
export interface CalendarWindow {
  readonly view: CalendarView;
  readonly timeZone: string;
  readonly from: number;
  readonly to: number;
  /** `Week of Mon 23 Mar 2026`, `Sun 29 Mar 2026`, `March 2026` */
  readonly title: string;
  readonly days: readonly CalendarDay[];
  readonly offsetChanges: readonly OffsetChange[];
}

const unitOf = { day: 'day', week: 'week', month: 'month' } as const;

function local(ms: number, timeZone: string): DateTime {
  const dt = DateTime.fromMillis(ms, { zone: timeZone });
  if (!dt.isValid) throw new RangeError(`Unknown time zone ${JSON.stringify(timeZone)}.`);
  return dt;
}

/**
 * The day, week (ISO: from Monday) or month around instant `anchor`, on the wall clock of
 * `timeZone`. Days start at local midnight, so a window that holds a change of offset is an hour
 * (or half an hour) shorter or longer than 24 h times its days.
 */
export function calendarWindow(
  view: CalendarView,
  anchor: number,
  timeZone: string,
): CalendarWindow {
  const start = local(anchor, timeZone).startOf(unitOf[view]);
  const end = start.plus({ [`${view}s`]: 1 });
  const days: CalendarDay[] = [];
  for (let day = start; day < end; day = day.plus({ days: 1 })) {
    const next = day.plus({ days: 1 });
    days.push({
      start: day.toMillis(),
      end: next.toMillis(),
      date: day.toISODate() ?? '',
      label: day.toFormat('ccc d LLL', { locale: 'en-GB' }),
      hours: (next.toMillis() - day.toMillis()) / 3_600_000,
    });
  }
  return {
    view,
    timeZone,
    from: start.toMillis(),
    to: end.toMillis(),
    title: titleOf(view, start),
    days,
    offsetChanges: days.flatMap((day) => offsetChangesIn(day.start, day.end, timeZone)),
  };
}

function titleOf(view: CalendarView, start: DateTime): string {
  const opts = { locale: 'en-GB' };
  if (view === 'day') return start.toFormat('cccc d LLLL yyyy', opts);
  if (view === 'week') return `Week of ${start.toFormat('ccc d LLL yyyy', opts)}`;
  return start.toFormat('LLLL yyyy', opts);
}

/** The same view one page earlier (-1) or later (+1), keeping the anchor's local time. */
export function stepAnchor(view: CalendarView, anchor: number, timeZone: string, step: -1 | 1) {
  return local(anchor, timeZone)
    .plus({ [`${view}s`]: step })
    .toMillis();
}

/** `23 h`, `24.5 h`: a day's length, for days that are not 24 hours long. */
export function dayLengthLabel(day: CalendarDay): string | null {
  return day.hours === 24 ? null : `${day.hours} h day`;
}

/** The instant in [from, to) at which the zone's offset changes (one at most), to the ms. */
export function offsetChangesIn(from: number, to: number, timeZone: string): OffsetChange[] {
  const offsetAt = (ms: number) => local(ms, timeZone).offset;
  if (offsetAt(from) === offsetAt(to - 1)) return [];
  let lo = from;
  let hi = to - 1;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetAt(mid) === offsetAt(from)) lo = mid;
    else hi = mid;
  }
  // `hi` is the first millisecond with the new offset.
  const at = hi;
  const before = offsetAt(from);
  const after = offsetAt(at);
  const wallBefore = DateTime.fromMillis(at, { zone: FixedOffsetZone.instance(before) });
  const direction = after > before ? 'forward' : 'back';
  const label =
    `Clocks go ${direction} ${wallBefore.toFormat('HH:mm')} → ${local(at, timeZone).toFormat('HH:mm')} ` +
    `(${offsetName(before)} → ${offsetName(after)})`;
  return [{ at, label }];
}

/** `UTC+1`, `UTC+10:30`, `UTC−5`. */
export function offsetName(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/**
 * Local-hour ticks of [from, to) in `timeZone` (for the day view's axis): each instant at which
 * the wall clock shows a whole hour, with that hour. A skipped hour has no tick.
 */
export function hourTicks(
  from: number,
  to: number,
  timeZone: string,
): { at: number; label: string }[] {
  const ticks: { at: number; label: string }[] = [];
  // Walk in quarter hours so that zones with :30 and :45 offsets (and Lord Howe's change) work.
  for (let t = Math.ceil(from / 900_000) * 900_000; t < to; t += 900_000) {
    const dt = local(t, timeZone);
    if (dt.minute === 0) ticks.push({ at: t, label: dt.toFormat('HH') });
  }
  return ticks;
}

/** The viewer's own zone, as the browser reports it. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
