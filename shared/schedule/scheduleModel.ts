import { IANAZone } from 'luxon';
import { z } from 'zod';
import { limits } from '../domain/limits.js';
import { scheduleLimits } from './scheduleLimits.js';

/**
 * The on-call schedule model of issue #3 (PagerDuty's layer model, which ilert mirrors), as
 * docs/schedules.md describes it. Objects are strict: an unknown key is an error rather than
 * dropped, because a misspelt `restriction` silently dropped would put someone on call around
 * the clock.
 */

/** True when the runtime's time-zone data knows `name` as an IANA zone (not a bare offset). */
export function isKnownTimeZone(name: string): boolean {
  // Some engines' Intl also accepts offsets such as "+02:00": require the shape of an IANA name
  // so that a schedule means the same in every runtime. IANAZone.create caches zones and their
  // validity, where isValidZone builds an Intl formatter on every call (about 100 µs).
  return /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name) && IANAZone.create(name).isValid;
}

/** An IANA time-zone name the runtime knows, e.g. Europe/Berlin. */
export const TimeZoneName = z
  .string({ error: 'The time zone must be an IANA name such as Europe/Berlin.' })
  .refine(isKnownTimeZone, {
    error: (issue) =>
      `Unknown time zone ${JSON.stringify(issue.input)}: use an IANA name such as Europe/Berlin or America/New_York.`,
  });

const id = z
  .string({ error: 'An id must be text.' })
  .min(1, 'An id must not be empty.')
  .max(scheduleLimits.idChars, `An id has at most ${scheduleLimits.idChars} characters.`);

const name = z
  .string({ error: 'A name must be text.' })
  .trim()
  .min(1, 'A name is required.')
  .max(limits.nameChars, `A name has at most ${limits.nameChars} characters.`);

const instantMessage =
  'Must be an RFC 3339 instant with seconds and a UTC offset, e.g. 2024-03-31T09:00:00+02:00 or 2024-03-31T07:00:00Z.';

/** An RFC 3339 instant with an explicit offset (`Z` or `±HH:MM`); a bare local time is refused. */
export const Instant = z.iso.datetime({ offset: true, error: instantMessage });
export type Instant = z.infer<typeof Instant>;

/** A local wall-clock time `HH:mm` (00:00–23:59) in the schedule's time zone. */
export const LocalTime = z
  .string({ error: 'Must be a local time HH:mm, e.g. 09:00.' })
  .regex(
    /^([01]\d|2[0-3]):[0-5]\d$/,
    'Must be a local time HH:mm from 00:00 to 23:59, e.g. 09:00.',
  );
export type LocalTime = z.infer<typeof LocalTime>;

/** ISO weekday: Monday = 1 … Sunday = 7. */
export const IsoWeekday = z
  .number({ error: 'Must be a weekday number from 1 (Monday) to 7 (Sunday).' })
  .int('Must be a weekday number from 1 (Monday) to 7 (Sunday).')
  .min(1, 'Must be a weekday number from 1 (Monday) to 7 (Sunday).')
  .max(7, 'Must be a weekday number from 1 (Monday) to 7 (Sunday).');

/** Every day from `start` to `end` local time; an `end` before `start` wraps past midnight. */
export const DailyRestriction = z
  .strictObject(
    { kind: z.literal('daily'), start: LocalTime, end: LocalTime },
    { error: 'A daily restriction is an object {kind: "daily", start, end}.' },
  )
  .readonly();
export type DailyRestriction = z.infer<typeof DailyRestriction>;

/** Every week from `startDay start` to `endDay end` local time; wraps past Sunday. */
export const WeeklyRestriction = z
  .strictObject(
    {
      kind: z.literal('weekly'),
      startDay: IsoWeekday,
      start: LocalTime,
      endDay: IsoWeekday,
      end: LocalTime,
    },
    { error: 'A weekly restriction is an object {kind: "weekly", startDay, start, endDay, end}.' },
  )
  .readonly();
export type WeeklyRestriction = z.infer<typeof WeeklyRestriction>;

/** A window in which a layer is on call; outside all of a layer's windows it is masked. */
export const Restriction = z.discriminatedUnion('kind', [DailyRestriction, WeeklyRestriction], {
  error:
    'A restriction is {kind: "daily", start, end} or {kind: "weekly", startDay, start, endDay, end}.',
});
export type Restriction = z.infer<typeof Restriction>;

export const TurnUnit = z.enum(['hours', 'days', 'weeks'], {
  error: 'The turn unit must be "hours", "days" or "weeks".',
});
export type TurnUnit = z.infer<typeof TurnUnit>;

/** Length bounds are checked by validateSchedule, which names the largest allowed per unit. */
export const Turn = z
  .strictObject(
    {
      unit: TurnUnit,
      length: z
        .number({ error: 'The turn length must be a whole number.' })
        .int('The turn length must be a whole number.'),
    },
    { error: 'A turn is an object {unit, length}.' },
  )
  .readonly();
export type Turn = z.infer<typeof Turn>;

export const Rotation = z
  .strictObject(
    {
      /** The "virtual start": an instant at which a turn begins (the first user's turn). */
      anchor: Instant,
      turn: Turn,
    },
    { error: 'A rotation is an object {anchor, turn}.' },
  )
  .readonly();
export type Rotation = z.infer<typeof Rotation>;

export const Layer = z
  .strictObject(
    {
      id,
      name,
      start: Instant,
      /** `null`: the layer never ends. Exclusive. */
      end: Instant.nullable(),
      /** The rotation, in order; a user may appear more than once. */
      userIds: z
        .array(id, { error: 'userIds must be a list of user ids.' })
        .min(1, 'A layer needs at least one user in its rotation.')
        .max(
          scheduleLimits.maxUsersPerLayer,
          `A rotation has at most ${scheduleLimits.maxUsersPerLayer} entries.`,
        )
        .readonly(),
      rotation: Rotation,
      /** Empty: the layer covers all of its time. */
      restrictions: z
        .array(Restriction, { error: 'restrictions must be a list (empty for none).' })
        .max(
          scheduleLimits.maxRestrictionsPerLayer,
          `A layer has at most ${scheduleLimits.maxRestrictionsPerLayer} restrictions.`,
        )
        .readonly(),
    },
    {
      error: 'A layer is an object {id, name, start, end, userIds, rotation, restrictions}.',
    },
  )
  .readonly();
export type Layer = z.infer<typeof Layer>;

export const Override = z
  .strictObject(
    {
      id,
      start: Instant,
      /** Exclusive. */
      end: Instant,
      userId: id,
      /** Among overlapping overrides the newest wins; equal times: the greater id wins. */
      createdAt: Instant,
    },
    { error: 'An override is an object {id, start, end, userId, createdAt}.' },
  )
  .readonly();
export type Override = z.infer<typeof Override>;

export const Schedule = z
  .strictObject(
    {
      id,
      name,
      timeZone: TimeZoneName,
      /** In priority order: the layer added last (highest index) wins where layers overlap. */
      layers: z
        .array(Layer, { error: 'layers must be a list.' })
        .max(scheduleLimits.maxLayers, `A schedule has at most ${scheduleLimits.maxLayers} layers.`)
        .readonly(),
      overrides: z
        .array(Override, { error: 'overrides must be a list.' })
        .max(
          scheduleLimits.maxOverrides,
          `A schedule has at most ${scheduleLimits.maxOverrides} overrides; delete past ones.`,
        )
        .readonly(),
      /** Bumped on every change, for optimistic concurrency. */
      version: z
        .number({ error: 'The version must be a whole number.' })
        .int('The version must be a whole number.')
        .min(0, 'The version must not be negative.'),
    },
    {
      error: 'A schedule is an object {id, name, timeZone, layers, overrides, version}.',
    },
  )
  .readonly();
export type Schedule = z.infer<typeof Schedule>;
