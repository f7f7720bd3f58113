import type { ScheduleResponse } from '../../shared/api/schedules.js';
import { validateSchedule } from '../../shared/schedule/scheduleValidation.js';
import type { ScheduleContent, ScheduleRecord } from '../store/records.js';
import type { ReadTx, WriteTx } from '../store/store.js';
import { toScheduleModel, toStoredSchedule } from '../wire.js';
import type { BaseVersionSpec } from './baseVersion.js';
import { scheduleNotFound, versionConflict, versionRequired } from './scheduleErrors.js';

/** Steps every schedule write shares, inside its store transaction. */

/** The ids of the users that exist, as schedules name them. */
export async function knownUserIds(tx: ReadTx): Promise<string[]> {
  return (await tx.users.list()).map((user) => String(user.id));
}

/**
 * The answer for a stored schedule, with what validateSchedule says about it now: a user deleted
 * since the schedule was saved shows as an `unknown_user` error (docs/api.md).
 */
export function toScheduleResponse(
  record: ScheduleRecord,
  known: readonly string[],
): ScheduleResponse {
  const problems = validateSchedule(toScheduleModel(record), known);
  return { ...toStoredSchedule(record), problems };
}

export async function requireSchedule(tx: ReadTx, id: number): Promise<ScheduleRecord> {
  const record = await tx.schedules.get(id);
  if (!record) throw scheduleNotFound(id);
  return record;
}

/** 428 when the client did not say which version it read, 409 when that is not the current one. */
export function checkBase(
  record: ScheduleRecord,
  base: BaseVersionSpec,
  known: readonly string[],
): void {
  if (base === null) throw versionRequired(record.id);
  if (base !== 'any' && base !== record.version) {
    throw versionConflict(toScheduleResponse(record, known), base);
  }
}

/** Stores a change (version + 1) and tells consoles; answers the changed schedule. */
export async function saveChange(
  tx: WriteTx,
  record: ScheduleRecord,
  content: ScheduleContent,
  now: number,
  known: readonly string[],
): Promise<ScheduleResponse> {
  const saved = await tx.schedules.update(record.id, record.version, content, now);
  // checkBase ran in this transaction, so the version cannot have moved: a bug if it did.
  if (!saved) throw new Error(`schedule ${record.id} moved from version ${record.version}`);
  tx.publish({ kind: 'schedule', value: toStoredSchedule(saved) });
  return toScheduleResponse(saved, known);
}
