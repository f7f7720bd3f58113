import type { ErrorIssue } from '../api/errors.js';

/** Stable codes of schedule problems: the console branches on them, people read the message. */
export type ScheduleProblemCode =
  /** A field has the wrong type or is missing (see the message). */
  | 'invalid_field'
  /** A field the model does not have (a typo, most likely). */
  | 'unknown_field'
  | 'too_many'
  | 'unknown_time_zone'
  | 'malformed_instant'
  | 'malformed_time'
  | 'instant_out_of_range'
  | 'duplicate_id'
  | 'empty_rotation'
  | 'unknown_user'
  | 'end_not_after_start'
  | 'turn_length_out_of_range'
  | 'restriction_empty'
  | 'restrictions_overlap'
  // Warnings: the schedule works, but probably not as meant.
  | 'fixed_turn_drifts'
  | 'layer_hidden'
  | 'layer_never_on_call';

/**
 * One thing wrong with a schedule. `path` is dotted like the API's error issues
 * (`layers.1.restrictions.0.end`; empty for the schedule as a whole). Errors make a schedule
 * invalid; warnings point at something that works but is probably not what was meant.
 */
export interface ScheduleProblem {
  readonly path: string;
  readonly code: ScheduleProblemCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/**
 * A schedule that cannot be accepted or resolved. The engine answers it as 400 with
 * `issues` (the API's `{path, message}` shape); `problems` keep codes and severities.
 */
export class InvalidScheduleError extends Error {
  readonly code = 'invalid_schedule';
  readonly problems: readonly ScheduleProblem[];

  constructor(problems: readonly ScheduleProblem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    const first = errors[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problems)` : '';
    super(
      first
        ? `The schedule is not valid: ${first.path ? `${first.path}: ` : ''}${first.message}${more}`
        : 'The schedule is not valid.',
    );
    this.name = 'InvalidScheduleError';
    this.problems = problems;
  }

  /** The errors in the API's error-issue shape. */
  get issues(): ErrorIssue[] {
    return this.problems
      .filter((p) => p.severity === 'error')
      .map((p) => ({ path: p.path || '(body)', message: p.message }));
  }
}

/** An error problem, for the checks. */
export function error(path: string, code: ScheduleProblemCode, message: string): ScheduleProblem {
  return { path, code, severity: 'error', message };
}

/** A warning problem, for the checks. */
export function warning(path: string, code: ScheduleProblemCode, message: string): ScheduleProblem {
  return { path, code, severity: 'warning', message };
}
