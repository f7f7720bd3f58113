import type { Restriction } from '../../../shared/schedule/scheduleModel.js';

/**
 * One restriction of a layer as the layer form edits it: times as `<input type="time">` text
 * (`HH:mm`, the schedule's wall clock), days as ISO weekday numbers (Monday = 1). A daily one
 * ignores the days.
 */
export interface RestrictionFields {
  readonly kind: 'daily' | 'weekly';
  readonly startDay: number;
  readonly start: string;
  readonly endDay: number;
  readonly end: string;
}

/** The weekdays in the order a select offers them, ISO numbered. */
export const weekdayNames = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** What "Add a restriction" starts with: office hours every day. */
export const newRestriction: RestrictionFields = {
  kind: 'daily',
  startDay: 1,
  start: '09:00',
  endDay: 5,
  end: '17:00',
};

export function restrictionFields(restriction: Restriction): RestrictionFields {
  return restriction.kind === 'daily'
    ? { ...newRestriction, start: restriction.start, end: restriction.end }
    : { ...restriction };
}

const localTime = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The restriction the fields describe, or the problems as sentences (`n` is its number in the
 * list, counted from 1). Overlaps and empty windows are the schedule check's (validateSchedule).
 */
export function checkRestriction(
  fields: RestrictionFields,
  n: number,
): { readonly restriction: Restriction } | { readonly problems: readonly string[] } {
  const problems: string[] = [];
  if (!localTime.test(fields.start))
    problems.push(`Choose when restriction ${n} opens, as a time such as 09:00.`);
  if (!localTime.test(fields.end))
    problems.push(`Choose when restriction ${n} closes, as a time such as 17:00.`);
  const day = (d: number) => Number.isInteger(d) && d >= 1 && d <= 7;
  if (fields.kind === 'weekly' && (!day(fields.startDay) || !day(fields.endDay)))
    problems.push(`Choose the days restriction ${n} opens and closes on.`);
  if (problems.length > 0) return { problems };
  return {
    restriction:
      fields.kind === 'daily'
        ? { kind: 'daily', start: fields.start, end: fields.end }
        : {
            kind: 'weekly',
            startDay: fields.startDay,
            start: fields.start,
            endDay: fields.endDay,
            end: fields.end,
          },
  };
}
