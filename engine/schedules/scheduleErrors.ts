import type { ScheduleResponse } from '../../shared/api/schedules.js';
import {
  InvalidScheduleError,
  type ScheduleProblem,
} from '../../shared/schedule/scheduleProblems.js';
import { ScheduleRangeError } from '../../shared/schedule/scheduleRange.js';
import { EngineError, notFound } from '../errors.js';

/** The errors of the schedule routes, as the API answers them (docs/api.md, "Errors"). */

export const scheduleNotFound = (id: number | string) =>
  notFound('schedule_not_found', `Schedule ${id}`);

export const overrideNotFound = (scheduleId: number, overrideId: string) =>
  new EngineError(
    404,
    'override_not_found',
    `Schedule ${scheduleId} has no override ${JSON.stringify(overrideId)} (deleted already?).`,
  );

/** The ETag of a schedule version: its number in quotes, as `If-Match` sends it back. */
export const etagOf = (version: number) => `"${version}"`;

/**
 * 409: the write was based on an older version. The answer carries the current schedule, so the
 * client can re-apply its change to it and send it with the current version.
 */
export function versionConflict(current: ScheduleResponse, baseVersion: number): EngineError {
  return new EngineError(
    409,
    'version_conflict',
    `Schedule ${current.id} was changed since version ${baseVersion} and is now at version ` +
      `${current.version}: apply your change to the current schedule (in "current") and send it ` +
      `again with version ${current.version}.`,
    undefined,
    { ETag: etagOf(current.version) },
    { current },
  );
}

export function versionRequired(id: number): EngineError {
  return new EngineError(
    428,
    'version_required',
    `Say which version of schedule ${id} this change is based on: send the header ` +
      `If-Match: "<version>" (the ETag of GET /api/v1/schedules/${id}) or "version" in the body.`,
  );
}

/**
 * 400 `invalid_schedule` with every error's path and message (`issues`) and the problems with
 * their codes (`problems`). `mapPath` rewrites paths when the body is only a part of the
 * schedule (an override).
 */
export function invalidSchedule(
  error: InvalidScheduleError,
  mapPath: (path: string) => string = (path) => path,
): EngineError {
  const problems: ScheduleProblem[] = error.problems
    .filter((p) => p.severity === 'error')
    .map((p) => ({ ...p, path: mapPath(p.path) }));
  const issues = problems
    .slice(0, 20)
    .map((p) => ({ path: p.path || '(body)', message: p.message }));
  const first = issues[0];
  const others = problems.length - 1;
  const more = others > 0 ? ` (and ${others} more problem${others === 1 ? '' : 's'})` : '';
  return new EngineError(
    400,
    'invalid_schedule',
    first
      ? `The schedule is not valid: ${first.path}: ${first.message}${more}`
      : 'The schedule is not valid.',
    issues,
    undefined,
    { problems },
  );
}

/**
 * 400 for a time or range a schedule cannot be asked about, with the resolution's own sentence:
 * `range_too_large` (ask in parts), else `invalid_request` naming the parameter.
 */
export function rangeRefused(error: ScheduleRangeError, path: string): EngineError {
  return new EngineError(
    400,
    error.code === 'range_too_large' ? 'range_too_large' : 'invalid_request',
    error.message,
    [{ path, message: error.message }],
  );
}

/** Runs `fn`, answering the schedule code's own errors as the API does. */
export function answeringScheduleErrors<T>(
  fn: () => T,
  rangePath: (error: ScheduleRangeError) => string,
): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof InvalidScheduleError) throw invalidSchedule(error);
    if (error instanceof ScheduleRangeError) throw rangeRefused(error, rangePath(error));
    throw error;
  }
}

/** Runs `fn`, answering an invalid schedule with 400 `invalid_schedule`. */
export function validating<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof InvalidScheduleError) throw invalidSchedule(error);
    throw error;
  }
}
