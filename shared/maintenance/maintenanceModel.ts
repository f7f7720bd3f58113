import { z } from 'zod';
import { limits } from '../domain/limits.js';
import { Instant, IsoWeekday, LocalTime, TimeZoneName } from '../schedule/scheduleModel.js';

/**
 * Maintenance windows (issue #3, docs/maintenance.md): times during which alerts of some alert
 * sources are recorded and marked but page nobody. The engine decides with this model and
 * ./occurrences.ts whether an alert opens inside a window; consoles draw the same windows with
 * the same code. Objects are strict, as schedules are: a misspelt `seriesEnd` silently dropped
 * would make a window repeat forever and keep a source quiet.
 */

export const maintenanceLimits = {
  /** Longest one-off window, in minutes (31 days): a forgotten window must not mute a source for a year. */
  onceMaxMinutes: 31 * 24 * 60,
  /** Longest occurrence of a recurring window, in minutes (a week). */
  occurrenceMaxMinutes: 7 * 24 * 60,
  /** Alert sources one window covers. */
  alertSourcesMax: 100,
  /** Days of occurrences that can be listed at once. */
  rangeMaxDays: 732,
} as const;

/** Every day of the week, Monday (1) to Sunday (7): a daily window. */
export const everyDay: readonly number[] = [1, 2, 3, 4, 5, 6, 7];

/** One window from `start` to `end` (exclusive), instants with an offset. */
export const OnceSchedule = z
  .strictObject(
    { kind: z.literal('once'), start: Instant, end: Instant },
    { error: 'A one-off window is an object {kind: "once", start, end}.' },
  )
  .readonly();
export type OnceSchedule = z.infer<typeof OnceSchedule>;

/**
 * A window that starts at `startTime` local time in `timeZone` on each of `days` (ISO weekdays;
 * all seven, the default, is daily) and lasts `durationMinutes` of elapsed time. Only
 * occurrences that start within [`seriesStart`, `seriesEnd`) happen; null leaves a side open.
 */
export const RecurringSchedule = z
  .strictObject(
    {
      kind: z.literal('recurring'),
      timeZone: TimeZoneName,
      days: z
        .array(IsoWeekday, { error: 'days must be a list of weekday numbers, 1 (Monday) to 7.' })
        .readonly()
        .default(everyDay),
      startTime: LocalTime,
      durationMinutes: z
        .number({ error: 'durationMinutes must be a whole number of minutes.' })
        .int('durationMinutes must be a whole number of minutes.'),
      seriesStart: Instant.nullable().default(null),
      seriesEnd: Instant.nullable().default(null),
    },
    {
      error:
        'A recurring window is an object {kind: "recurring", timeZone, days, startTime, durationMinutes, seriesStart, seriesEnd}.',
    },
  )
  .readonly();
export type RecurringSchedule = z.infer<typeof RecurringSchedule>;

/** When a window is: once, or recurring. */
export const MaintenanceSchedule = z.discriminatedUnion('kind', [OnceSchedule, RecurringSchedule], {
  error: 'A window schedule has kind "once" {start, end} or "recurring" {timeZone, days, …}.',
});
export type MaintenanceSchedule = z.infer<typeof MaintenanceSchedule>;

const name = z
  .string({ error: 'A name must be text.' })
  .trim()
  .min(1, 'A name is required.')
  .max(limits.nameChars, `A name has at most ${limits.nameChars} characters.`);

/** An alert source id, as the API writes ids. */
const sourceId = z
  .string({ error: 'An alert source id is text, e.g. "3".' })
  .regex(/^\d{1,15}$/, 'An alert source id is a string of digits, e.g. "3".');

/** What a person defines: which sources go quiet, and when. */
export const MaintenanceWindowDefinition = z.strictObject({
  name,
  alertSourceIds: z
    .array(sourceId, { error: 'alertSourceIds must be a list of alert source ids.' })
    .readonly(),
  schedule: MaintenanceSchedule,
});
export type MaintenanceWindowDefinition = z.infer<typeof MaintenanceWindowDefinition>;
