import type { ScheduleResponse } from '../../shared/api/schedules.js';
import type { Clock } from '../clock.js';
import { EngineError } from '../errors.js';
import type { Store } from '../store/store.js';
import { toStoredSchedule } from '../wire.js';
import type { BaseVersionSpec } from './baseVersion.js';
import { contentOf, sameContent, scheduleFromDraft } from './scheduleDraft.js';
import { validating } from './scheduleErrors.js';
import {
  checkBase,
  knownUserIds,
  requireSchedule,
  saveChange,
  toScheduleResponse,
} from './scheduleTx.js';

/** Fields of a GET answer a PUT may send back unchanged; the engine owns them. */
const readOnlyFields = ['createdAt', 'updatedAt', 'problems'] as const;

/**
 * On-call schedules: create, read, change and delete, each change bumping the schedule's
 * version and refused unless based on the current one (optimistic concurrency, docs/api.md).
 * Every write validates the whole schedule against the users that exist, and publishes the
 * schedule to consoles.
 */
export class ScheduleService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  list(): Promise<ScheduleResponse[]> {
    return this.store.read(async (tx) => {
      const known = await knownUserIds(tx);
      return (await tx.schedules.list()).map((record) => toScheduleResponse(record, known));
    });
  }

  get(id: number): Promise<ScheduleResponse> {
    return this.store.read(async (tx) =>
      toScheduleResponse(await requireSchedule(tx, id), await knownUserIds(tx)),
    );
  }

  create(body: unknown): Promise<ScheduleResponse> {
    return this.store.write(async (tx) => {
      const now = this.clock.now();
      const known = await knownUserIds(tx);
      const schedule = validating(() =>
        scheduleFromDraft(body, { scheduleId: 'new', version: 1, now, knownUserIds: known }),
      );
      const record = await tx.schedules.insert(contentOf(schedule), now);
      tx.publish({ kind: 'schedule', value: toStoredSchedule(record) });
      return toScheduleResponse(record, known);
    });
  }

  /**
   * Replaces a schedule with `body` (a whole schedule; without `overrides` the current ones
   * stay). A body equal to what is stored changes nothing and keeps the version, so a repeated
   * PUT (configuration as code) is harmless.
   */
  replace(id: number, body: unknown, base: BaseVersionSpec): Promise<ScheduleResponse> {
    return this.store.write(async (tx) => {
      const record = await requireSchedule(tx, id);
      const known = await knownUserIds(tx);
      checkBase(record, base, known);
      const draft = withoutEngineFields(body, id);
      const now = this.clock.now();
      const schedule = validating(() =>
        scheduleFromDraft(draft, {
          scheduleId: String(id),
          version: record.version + 1,
          now,
          knownUserIds: known,
          currentOverrides: record.overrides,
        }),
      );
      const content = contentOf(schedule);
      if (sameContent(record, content)) return toScheduleResponse(record, known);
      return saveChange(tx, record, content, now, known);
    });
  }

  /** Deletes a schedule and revokes its calendar feeds. */
  remove(id: number, base: BaseVersionSpec): Promise<void> {
    return this.store.write(async (tx) => {
      const record = await requireSchedule(tx, id);
      checkBase(record, base, await knownUserIds(tx));
      await tx.schedules.remove(id, record.version, this.clock.now());
      await tx.calendarFeeds.removeSubject('schedule', id);
      tx.publish({ kind: 'schedule.removed', id: String(id) });
    });
  }
}

/**
 * A PUT body without what the engine owns: `version` (read by the route), the read-only fields
 * of a GET answer, and `id`, which must be this schedule's if sent.
 */
function withoutEngineFields(body: unknown, id: number): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const rest: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  if ('id' in rest && rest.id !== String(id)) {
    throw new EngineError(
      400,
      'invalid_request',
      `The body is schedule ${JSON.stringify(rest.id)} but the address is schedule ${id}: send it to /api/v1/schedules/${JSON.stringify(rest.id)}, or leave "id" out.`,
      [{ path: 'id', message: `must be "${id}" (or left out)` }],
    );
  }
  delete rest.id;
  delete rest.version;
  for (const field of readOnlyFields) delete rest[field];
  return rest;
}
