import type { Override, Schedule } from '../../shared/schedule/scheduleModel.js';
import {
  error as problem,
  InvalidScheduleError,
  type ScheduleProblem,
} from '../../shared/schedule/scheduleProblems.js';
import { parseSchedule } from '../../shared/schedule/scheduleValidation.js';
import type { EngineError } from '../errors.js';
import type { ScheduleRecord } from '../store/records.js';
import { toScheduleModel } from '../wire.js';
import { newOverrideId, takenAt } from './scheduleDraft.js';
import { invalidSchedule } from './scheduleErrors.js';

/** Every user a schedule names, in its layers and overrides. */
function usersIn(record: ScheduleRecord): Set<string> {
  return new Set([
    ...record.layers.flatMap((layer) => layer.userIds),
    ...record.overrides.map((override) => override.userId),
  ]);
}

/**
 * The schedule with one more override made of `fields` (the body of `POST …/overrides` without
 * `version`), validated; or the 400 to answer, with paths relative to that body (`end`, not
 * `overrides.7.end`). The override gets a new id and a creation time after every other
 * override's, so it wins wherever it overlaps them.
 *
 * Users the rotation still names pass even if they were deleted since (the schedule's
 * `problems` show them): a stale rotation must not stop people from taking shifts. The
 * override's own user must exist.
 */
export function withNewOverride(
  record: ScheduleRecord,
  fields: Readonly<Record<string, unknown>>,
  known: readonly string[],
  now: number,
): { schedule: Schedule; override: Override } | { refused: EngineError } {
  const index = record.overrides.length;
  const prefix = `overrides.${index}`;
  const ids = new Set(record.overrides.map((o) => o.id));
  let id = newOverrideId();
  while (ids.has(id)) id = newOverrideId();
  const createdAt = new Date(takenAt(now, record.overrides)).toISOString();
  const candidate = {
    ...toScheduleModel(record),
    version: record.version + 1,
    overrides: [...record.overrides, { id, ...fields, createdAt }],
  };
  const problems: ScheduleProblem[] = ['id', 'createdAt']
    .filter((key) => key in fields)
    .map((key) =>
      problem(
        `${prefix}.${key}`,
        'unknown_field',
        `The engine assigns the ${key} of an override: leave it out.`,
      ),
    );
  const userId = fields.userId;
  const allowed = new Set([...known, ...usersIn(record)]);
  if (typeof userId === 'string') {
    allowed.add(userId); // checked here instead, with the body's path
    if (!known.includes(userId)) {
      problems.push(
        problem(
          `${prefix}.userId`,
          'unknown_user',
          `Unknown user "${userId}": a shift can only go to a user who exists.`,
        ),
      );
    }
  }
  let schedule: Schedule | null = null;
  try {
    schedule = parseSchedule(candidate, allowed);
  } catch (error) {
    if (!(error instanceof InvalidScheduleError)) throw error;
    problems.push(...error.problems);
  }
  if (problems.length > 0 || !schedule) {
    const ownPath = (path: string) =>
      path === prefix ? '' : path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path;
    return { refused: invalidSchedule(new InvalidScheduleError(problems), ownPath) };
  }
  return { schedule, override: schedule.overrides[index]! };
}
