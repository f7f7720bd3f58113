import type { z } from 'zod';
import type { ErrorIssue } from '../api/errors.js';
import { parseInstant } from '../schedule/instant.js';
import {
  maintenanceLimits,
  MaintenanceWindowDefinition,
  type MaintenanceSchedule,
} from './maintenanceModel.js';

/** Stable codes of what can be wrong with a maintenance window (docs/maintenance.md). */
export type MaintenanceProblemCode =
  /** A field has the wrong type or is missing (see the message). */
  | 'invalid_field'
  /** A field the model does not have (a typo, most likely). */
  | 'unknown_field'
  | 'unknown_time_zone'
  | 'malformed_instant'
  | 'malformed_time'
  /** A one-off window's end (or a series' end) is not after its start. */
  | 'end_not_after_start'
  /** A one-off window longer than 31 days, or an occurrence of 0 or over 10,080 minutes. */
  | 'duration_out_of_range'
  | 'duplicate_day'
  | 'no_alert_sources'
  | 'too_many_alert_sources'
  | 'duplicate_alert_source'
  | 'unknown_alert_source';

/** One thing wrong with a window; `path` is dotted like the API's error issues. */
export interface MaintenanceProblem {
  readonly path: string;
  readonly code: MaintenanceProblemCode;
  readonly message: string;
}

/** A window that cannot be saved: the engine answers it with 400 `invalid_maintenance_window`. */
export class InvalidMaintenanceWindowError extends Error {
  readonly code = 'invalid_maintenance_window';

  constructor(readonly problems: readonly MaintenanceProblem[]) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
    super(
      first
        ? `The maintenance window is not valid: ${first.path ? `${first.path}: ` : ''}${first.message}${more}`
        : 'The maintenance window is not valid.',
    );
    this.name = 'InvalidMaintenanceWindowError';
  }

  /** The problems in the API's error-issue shape. */
  get issues(): ErrorIssue[] {
    return this.problems.map((p) => ({ path: p.path || '(body)', message: p.message }));
  }
}

function codeOf(issue: z.core.$ZodIssue): MaintenanceProblemCode {
  const last = issue.path[issue.path.length - 1];
  if (last === 'timeZone') return 'unknown_time_zone';
  if (issue.code === 'invalid_format')
    return last === 'startTime' ? 'malformed_time' : 'malformed_instant';
  return 'invalid_field';
}

function problemsFromIssues(issues: readonly z.core.$ZodIssue[]): MaintenanceProblem[] {
  const dotted = (path: readonly PropertyKey[]) => path.map(String).join('.');
  return issues.flatMap((issue): MaintenanceProblem[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: dotted([...issue.path, key]),
          code: 'unknown_field',
          message: `Unknown field "${key}": remove it or correct its spelling.`,
        }))
      : [
          {
            path: dotted(issue.path),
            code: codeOf(issue),
            message:
              issue.code === 'invalid_type' && issue.input === undefined
                ? `This field is required. ${issue.message}`
                : issue.message,
          },
        ],
  );
}

const problem = (
  path: string,
  code: MaintenanceProblemCode,
  message: string,
): MaintenanceProblem => ({ path, code, message });

/** The rules across fields of a schedule that has the right shape. */
function checkSchedule(schedule: MaintenanceSchedule): MaintenanceProblem[] {
  const found: MaintenanceProblem[] = [];
  if (schedule.kind === 'once') {
    const minutes = (parseInstant(schedule.end) - parseInstant(schedule.start)) / 60_000;
    if (minutes <= 0) {
      found.push(
        problem('schedule.end', 'end_not_after_start', 'The window must end after it starts.'),
      );
    } else if (minutes > maintenanceLimits.onceMaxMinutes) {
      found.push(
        problem(
          'schedule.end',
          'duration_out_of_range',
          'A one-off window lasts at most 31 days; use a recurring window for regular maintenance.',
        ),
      );
    }
    return found;
  }
  const { durationMinutes, days, seriesStart, seriesEnd } = schedule;
  if (durationMinutes < 1 || durationMinutes > maintenanceLimits.occurrenceMaxMinutes) {
    found.push(
      problem(
        'schedule.durationMinutes',
        'duration_out_of_range',
        `Each occurrence lasts 1 to ${maintenanceLimits.occurrenceMaxMinutes.toLocaleString('en-US')} minutes (a week).`,
      ),
    );
  }
  if (days.length === 0) {
    found.push(
      problem(
        'schedule.days',
        'invalid_field',
        'Name at least one weekday (1 = Monday … 7 = Sunday), or leave days out for every day.',
      ),
    );
  }
  days.forEach((day, index) => {
    if (days.indexOf(day) !== index) {
      found.push(
        problem(`schedule.days.${index}`, 'duplicate_day', `Weekday ${day} is listed twice.`),
      );
    }
  });
  if (
    seriesStart !== null &&
    seriesEnd !== null &&
    parseInstant(seriesEnd) <= parseInstant(seriesStart)
  ) {
    found.push(
      problem(
        'schedule.seriesEnd',
        'end_not_after_start',
        'The series must end after it starts (or leave seriesEnd null: no end).',
      ),
    );
  }
  return found;
}

function checkSources(ids: readonly string[], known: ReadonlySet<string>): MaintenanceProblem[] {
  const found: MaintenanceProblem[] = [];
  if (ids.length === 0) {
    found.push(
      problem('alertSourceIds', 'no_alert_sources', 'Name at least one alert source to quieten.'),
    );
  }
  if (ids.length > maintenanceLimits.alertSourcesMax) {
    found.push(
      problem(
        'alertSourceIds',
        'too_many_alert_sources',
        `A window covers at most ${maintenanceLimits.alertSourcesMax} alert sources.`,
      ),
    );
  }
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) {
      found.push(
        problem(
          `alertSourceIds.${index}`,
          'duplicate_alert_source',
          `Alert source ${id} is listed twice.`,
        ),
      );
    } else if (!known.has(id)) {
      found.push(
        problem(
          `alertSourceIds.${index}`,
          'unknown_alert_source',
          `There is no alert source ${id} (deleted?): pick one from GET /api/v1/alert-sources.`,
        ),
      );
    }
  });
  return found;
}

function inspect(
  input: unknown,
  knownSourceIds: Iterable<string>,
): { window: MaintenanceWindowDefinition | null; problems: MaintenanceProblem[] } {
  const known = new Set(knownSourceIds);
  const parsed = MaintenanceWindowDefinition.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    // The sources are still checked when they parse, so one answer names every problem.
    const ids = MaintenanceWindowDefinition.shape.alertSourceIds.safeParse(
      (input as { alertSourceIds?: unknown } | null)?.alertSourceIds,
    );
    const problems = problemsFromIssues(parsed.error.issues);
    return {
      window: null,
      problems: ids.success ? [...problems, ...checkSources(ids.data, known)] : problems,
    };
  }
  const window = parsed.data;
  return {
    window,
    problems: [...checkSources(window.alertSourceIds, known), ...checkSchedule(window.schedule)],
  };
}

/**
 * Everything wrong with `input` as a maintenance window over the alert sources `knownSourceIds`
 * (shape and format first, then the rules across fields). Empty: all is well. A console checks
 * a draft with it before sending; the engine runs the same check.
 */
export function validateMaintenanceWindow(
  input: unknown,
  knownSourceIds: Iterable<string>,
): MaintenanceProblem[] {
  return inspect(input, knownSourceIds).problems;
}

/** `input` as a valid window, or InvalidMaintenanceWindowError listing every problem. */
export function parseMaintenanceWindow(
  input: unknown,
  knownSourceIds: Iterable<string>,
): MaintenanceWindowDefinition {
  const { window, problems } = inspect(input, knownSourceIds);
  if (window === null || problems.length > 0) throw new InvalidMaintenanceWindowError(problems);
  return window;
}
