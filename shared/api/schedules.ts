import { z } from 'zod';
import { Instant, Layer, Override, Schedule } from '../schedule/scheduleModel.js';

/**
 * Requests and answers of `/api/v1/schedules` (docs/api.md, "On-call schedules"), shared by the
 * engine, the console and the desktop's offline editor. The schedule itself is the model of
 * shared/schedule; these add what the REST API needs around it: creation times, the version a
 * write is based on, and ISO times in answers.
 */

/** A version a write is based on (optimistic concurrency): the `version` of the schedule read. */
export const BaseVersion = z
  .number({ error: 'The version must be a whole number: the version of the schedule you read.' })
  .int('The version must be a whole number: the version of the schedule you read.')
  .min(1, 'Versions start at 1.');

/**
 * A schedule as the engine stores it, in REST answers and in the stream's `schedule` changes:
 * the model (validated, `version` bumped on every change) plus when it was created and last
 * changed (RFC 3339, UTC). The outer object is open so a newer engine may add fields; layers,
 * overrides and restrictions are the model's strict objects, which the shared resolution reads.
 * The time zone is only required to be text here: a zone the engine knows and an older
 * browser's time-zone data does not must not make a console drop the whole stream frame (that
 * one schedule then fails to resolve, with InvalidScheduleError).
 */
export const StoredSchedule = z.object({
  ...Schedule.unwrap().shape,
  timeZone: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredSchedule = z.infer<typeof StoredSchedule>;

/** One problem validateSchedule finds (docs/schedules.md, "Validation"). */
export const ScheduleProblemView = z.object({
  path: z.string(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

/**
 * `GET /api/v1/schedules/{id}` and every write's answer: the stored schedule and what
 * validateSchedule says about it against the users that exist now. Errors here mean something
 * changed since the schedule was saved (a user in it was deleted: `unknown_user`); warnings are
 * the model's (`layer_hidden` …). The stream carries schedules without `problems`: a console
 * runs validateSchedule itself against its own users.
 */
export const ScheduleResponse = StoredSchedule.extend({ problems: z.array(ScheduleProblemView) });
export type ScheduleResponse = z.infer<typeof ScheduleResponse>;

export const ScheduleListResponse = z.object({ items: z.array(ScheduleResponse) });
export type ScheduleListResponse = z.infer<typeof ScheduleListResponse>;

const layerShape = Layer.unwrap().shape;
const overrideShape = Override.unwrap().shape;

/** A layer in a request: as in the model, but a layer sent without `id` is named by the engine. */
export const LayerDraft = Layer.unwrap().extend({ id: layerShape.id.optional() });
export type LayerDraft = z.infer<typeof LayerDraft>;

/** An override in a request: the engine fills a missing `id` and `createdAt` (now). */
export const OverrideDraft = Override.unwrap().extend({
  id: overrideShape.id.optional(),
  createdAt: overrideShape.createdAt.optional(),
});
export type OverrideDraft = z.infer<typeof OverrideDraft>;

const scheduleShape = Schedule.unwrap().shape;

/**
 * `POST /api/v1/schedules`. The engine checks it with parseSchedule after filling the defaults,
 * so every problem comes back as `400 invalid_schedule` with the path of the field and a
 * schedule problem code; a console can check a draft with this schema before sending it.
 */
export const CreateScheduleRequest = z.strictObject({
  name: scheduleShape.name,
  timeZone: scheduleShape.timeZone,
  layers: z.array(LayerDraft),
  overrides: z.array(OverrideDraft).optional(),
});
export type CreateScheduleRequest = z.infer<typeof CreateScheduleRequest>;

/**
 * `PUT /api/v1/schedules/{id}`: the whole schedule. `overrides` left out keeps the current ones
 * (an admin editing layers does not touch shifts people took). `version` is the version the
 * change is based on (or send `If-Match`). A schedule as GET answers it can be sent back as it
 * is: `id` must then be the schedule's, and `createdAt`, `updatedAt` and `problems` are ignored.
 */
export const UpdateScheduleRequest = CreateScheduleRequest.extend({
  id: z.string().optional(),
  version: BaseVersion.optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  problems: z.array(z.unknown()).optional(),
});
export type UpdateScheduleRequest = z.infer<typeof UpdateScheduleRequest>;

/**
 * `POST /api/v1/schedules/{id}/overrides` ("take this shift"): `userId` is on call for
 * [start, end), beating every layer and every older override. `version` as for PUT.
 */
export const CreateOverrideRequest = z.strictObject({
  start: Instant,
  end: Instant,
  userId: overrideShape.userId,
  version: BaseVersion.optional(),
});
export type CreateOverrideRequest = z.infer<typeof CreateOverrideRequest>;

/**
 * The answer of `POST /api/v1/schedules/{id}/overrides`: the new override (with the id and
 * creation time the engine gave it) and the schedule at its new version.
 */
export const CreateOverrideResponse = z.object({ override: Override, schedule: ScheduleResponse });
export type CreateOverrideResponse = z.infer<typeof CreateOverrideResponse>;

/** `GET …/on-call?at=`: `at` defaults to now. */
export const OnCallQuery = z.strictObject({ at: Instant.optional() });
export type OnCallQuery = z.infer<typeof OnCallQuery>;

/** `GET …/shifts?from=&to=`: `from` defaults to now, `to` to 7 days after `from`. */
export const ShiftsQuery = z.strictObject({ from: Instant.optional(), to: Instant.optional() });
export type ShiftsQuery = z.infer<typeof ShiftsQuery>;

/** Why someone is on call: an override, or their turn in a layer. */
export const ShiftSourceView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('override'), overrideId: z.string() }),
  z.object({ kind: z.literal('layer'), layerId: z.string() }),
]);

/** Times are ISO 8601 with the schedule's offset (`2024-04-01T09:00:00.000+02:00`). */
export const ShiftView = z.object({
  kind: z.literal('shift'),
  start: z.string(),
  end: z.string(),
  userId: z.string(),
  source: ShiftSourceView,
});
export type ShiftView = z.infer<typeof ShiftView>;

export const GapView = z.object({ kind: z.literal('gap'), start: z.string(), end: z.string() });
export type GapView = z.infer<typeof GapView>;

/** A user as a schedule answer names them; `name` is null for a user deleted since. */
export const UserRef = z.object({ userId: z.string(), name: z.string().nullable() });
export type UserRef = z.infer<typeof UserRef>;

/** `GET /api/v1/schedules/{id}/on-call`. */
export const OnCallResponse = z.object({
  scheduleId: z.string(),
  version: z.number().int(),
  timeZone: z.string(),
  at: z.string(),
  /** Who is on call at `at`, and why; null: nobody (a gap). */
  onCall: UserRef.extend({ source: ShiftSourceView }).nullable(),
  /** When the person on call (or the gap) changes next; null: not within 732 days. */
  until: z.string().nullable(),
  /** Who comes on at `until`; null: nobody (a gap starts), or no change within 732 days. */
  next: UserRef.nullable(),
});
export type OnCallResponse = z.infer<typeof OnCallResponse>;

/** `GET /api/v1/schedules/{id}/shifts`: renderSchedule's lanes with ISO times. */
export const ShiftsResponse = z.object({
  scheduleId: z.string(),
  version: z.number().int(),
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  layers: z.array(z.object({ layerId: z.string(), shifts: z.array(ShiftView) })),
  overrides: z.array(ShiftView),
  final: z.array(z.discriminatedUnion('kind', [ShiftView, GapView])),
});
export type ShiftsResponse = z.infer<typeof ShiftsResponse>;

/**
 * `POST …/calendar-feed`: a secret address for calendar apps. Each call issues a new secret;
 * the caller's previous address for the same feed stops working.
 */
export const CalendarFeedResponse = z.object({
  url: z.string(),
  /** The same address with `webcal://`, which opens the subscription dialog of most apps. */
  webcalUrl: z.string(),
  createdAt: z.string(),
});
export type CalendarFeedResponse = z.infer<typeof CalendarFeedResponse>;

/** Query of the `.ics` feeds: the feed's secret, unless a bearer token is sent. */
export const CalendarFeedQuery = z.strictObject({ token: z.string().max(200).optional() });

/** Query of `DELETE /api/v1/schedules/{id}` and `…/overrides/{overrideId}`: the base version. */
export const ScheduleDeleteQuery = z.strictObject({
  version: z
    .string()
    .regex(
      /^\d{1,15}$/,
      'The version must be a whole number: the version of the schedule you read.',
    )
    .transform(Number)
    .optional(),
});
export type ScheduleDeleteQuery = z.infer<typeof ScheduleDeleteQuery>;
