import type { ScheduleContent, ScheduleRecord } from '../records.js';

/**
 * On-call schedules. Each write names the version it is based on and succeeds only if the
 * stored schedule is still at that version (PostgreSQL: `UPDATE … WHERE id = $1 AND version =
 * $2 RETURNING *`), so two engines, or two people, cannot overwrite each other unnoticed.
 */
export interface SchedulesReader {
  /** The schedule, unless it does not exist or was deleted. */
  get(id: number): Promise<ScheduleRecord | null>;
  /** Every schedule that is not deleted, by id. */
  list(): Promise<ScheduleRecord[]>;
}

export interface SchedulesRepo extends SchedulesReader {
  /** Stores a new schedule at version 1. */
  insert(content: ScheduleContent, at: number): Promise<ScheduleRecord>;
  /**
   * Replaces the content and bumps the version, if the schedule is still at `baseVersion`;
   * null when it is not (changed meanwhile, or deleted).
   */
  update(
    id: number,
    baseVersion: number,
    content: ScheduleContent,
    at: number,
  ): Promise<ScheduleRecord | null>;
  /**
   * Deletes the schedule if it is still at `baseVersion` (soft: the row stays, so an old
   * alert's timeline can still name it); false when it is not.
   */
  remove(id: number, baseVersion: number, at: number): Promise<boolean>;
}
