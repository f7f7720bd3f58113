import ical, { ICalCalendarMethod, ICalEventTransparency, type ICalCalendar } from 'ical-generator';
import { scheduleLimits } from '../../shared/schedule/scheduleLimits.js';
import type { Shift } from '../../shared/schedule/shifts.js';
import type { ScheduleRecord } from '../store/records.js';

/**
 * On-call shifts as iCalendar (RFC 5545) for calendar subscriptions, written with
 * ical-generator. Choices, for Google Calendar, Outlook and Thunderbird alike:
 *
 * - Every shift is one VEVENT with its computed instants in UTC (`DTSTART:20240331T070000Z`),
 *   never a recurrence rule or a local time with a TZID: UTC needs no VTIMEZONE (which Outlook
 *   requires for every TZID, and which would have to match the engine's zone data), every app
 *   shows it in its user's zone, and DST hand-offs stay exactly where the schedule puts them
 *   (docs/schedules.md explains why a rule could not express them).
 * - UIDs name the schedule, the layer or override and the shift's start, so a refreshed feed
 *   updates events instead of duplicating them. SEQUENCE is the schedule's version.
 * - Shifts are TRANSPARENT: a week on call must not show the person as busy all week.
 */

/** Which shifts a feed holds: the previous calendar month (UTC) to six months ahead. */
export interface FeedWindow {
  readonly from: number;
  readonly to: number;
}

/**
 * The window moves once a month, not with every request, so the first shift (clipped at the
 * window's start) keeps its start and its UID between refreshes.
 */
export function feedWindow(now: number): FeedWindow {
  const d = new Date(now);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  return {
    from: Math.max(Date.UTC(year, month - 1, 1), scheduleLimits.earliestInstantMs),
    to: Math.min(Date.UTC(year, month + 7, 1), scheduleLimits.latestInstantMs),
  };
}

/** What a calendar entry says about a shift's origin. */
function why(schedule: ScheduleRecord, shift: Shift): string {
  if (shift.source.kind === 'override') return 'override (a shift taken over)';
  const { layerId } = shift.source;
  const layer = schedule.layers.find((l) => l.id === layerId);
  return `layer "${layer?.name ?? layerId}"`;
}

function shiftUid(feed: string, schedule: ScheduleRecord, shift: Shift): string {
  const source =
    shift.source.kind === 'layer'
      ? `layer-${encodeURIComponent(shift.source.layerId)}`
      : `override-${encodeURIComponent(shift.source.overrideId)}`;
  return `${feed}-schedule-${schedule.id}-${source}-${shift.start}@nocturne`;
}

function newCalendar(name: string, description: string): ICalCalendar {
  return ical({
    name,
    description,
    prodId: { company: 'Nocturne', product: 'On-call schedules', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // REFRESH-INTERVAL and X-PUBLISHED-TTL: apps that honour them refresh hourly.
    ttl: 3600,
  });
}

/** RFC 5545 ends every content line with CRLF, the last one too (ical-generator omits it). */
const finish = (calendar: ICalCalendar) => `${calendar.toString()}\r\n`;

function addShift(
  calendar: ICalCalendar,
  uid: string,
  schedule: ScheduleRecord,
  shift: Shift,
  summary: string,
  description: string,
): void {
  calendar.createEvent({
    id: uid,
    start: new Date(shift.start),
    end: new Date(shift.end),
    summary,
    description,
    stamp: new Date(schedule.updatedAt),
    lastModified: new Date(schedule.updatedAt),
    sequence: schedule.version,
    transparency: ICalEventTransparency.TRANSPARENT,
  });
}

/** One schedule's final lane: every shift with the name of the person on call. */
export function scheduleCalendar(
  schedule: ScheduleRecord,
  shifts: readonly Shift[],
  userName: (userId: string) => string,
): string {
  const calendar = newCalendar(
    `On call: ${schedule.name}`,
    `Who is on call in the Nocturne schedule "${schedule.name}" (${schedule.timeZone}).`,
  );
  for (const shift of shifts) {
    addShift(
      calendar,
      shiftUid('nocturne', schedule, shift),
      schedule,
      shift,
      `On call: ${userName(shift.userId)}`,
      `${userName(shift.userId)} is on call in "${schedule.name}" (${why(schedule, shift)}).`,
    );
  }
  return finish(calendar);
}

/** One user's shifts across schedules ("my shifts"). */
export function userShiftsCalendar(
  userId: number,
  userName: string,
  shifts: ReadonlyArray<{ readonly schedule: ScheduleRecord; readonly shift: Shift }>,
): string {
  const calendar = newCalendar(
    `On call: ${userName}`,
    `The on-call shifts of ${userName} in every Nocturne schedule.`,
  );
  for (const { schedule, shift } of shifts) {
    addShift(
      calendar,
      shiftUid(`nocturne-user-${userId}`, schedule, shift),
      schedule,
      shift,
      `On call: ${schedule.name}`,
      `${userName} is on call in "${schedule.name}" (${why(schedule, shift)}).`,
    );
  }
  return finish(calendar);
}
