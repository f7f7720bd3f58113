import type { z } from 'zod';
import { checkScheduleParts, type ScheduleParts } from './scheduleChecks.js';
import { Layer, Override, Schedule, TimeZoneName } from './scheduleModel.js';
import {
  InvalidScheduleError,
  type ScheduleProblem,
  type ScheduleProblemCode,
} from './scheduleProblems.js';

/** What a schema issue means for a person fixing the schedule. */
function codeOf(issue: z.core.$ZodIssue): ScheduleProblemCode {
  const [first] = issue.path;
  const last = issue.path[issue.path.length - 1];
  if (first === 'timeZone') return 'unknown_time_zone';
  if (issue.code === 'too_big' && issue.origin === 'array') return 'too_many';
  if (issue.code === 'too_small' && last === 'userIds') return 'empty_rotation';
  if (issue.code === 'invalid_format') {
    return issue.path.includes('restrictions') ? 'malformed_time' : 'malformed_instant';
  }
  return 'invalid_field';
}

/** Schema issues as problems: a dotted path, a code and the schema's sentence. */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[]): ScheduleProblem[] {
  const dotted = (path: readonly PropertyKey[]) => path.map(String).join('.');
  return issues.flatMap((issue): ScheduleProblem[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: dotted([...issue.path, key]),
          code: 'unknown_field',
          severity: 'error',
          message: `Unknown field "${key}": remove it or correct its spelling.`,
        }))
      : [
          {
            path: dotted(issue.path),
            code: codeOf(issue),
            severity: 'error',
            // A missing field reads better as missing than as "received undefined".
            message:
              issue.code === 'invalid_type' && issue.input === undefined
                ? `This field is required. ${issue.message}`
                : issue.message,
          },
        ],
  );
}

/** The parts of an unparsable schedule that do parse, so their own problems are found too. */
function partsOf(input: unknown): ScheduleParts {
  const record = (typeof input === 'object' && input !== null ? input : {}) as Record<
    string,
    unknown
  >;
  const zone = TimeZoneName.safeParse(record.timeZone);
  const each = <T>(list: unknown, schema: z.ZodType<T>) =>
    (Array.isArray(list) ? list : []).flatMap((item: unknown, index) => {
      const parsed = schema.safeParse(item);
      return parsed.success ? [[index, parsed.data] as const] : [];
    });
  return {
    timeZone: zone.success ? zone.data : null,
    layers: each(record.layers, Layer),
    overrides: each(record.overrides, Override),
  };
}

function inspect(
  input: unknown,
  knownUserIds: Iterable<string>,
): { schedule: Schedule | null; problems: ScheduleProblem[] } {
  const known = new Set(knownUserIds);
  // With the input in each issue, a missing field can be told from a wrong one.
  const parsed = Schedule.safeParse(input, { reportInput: true });
  if (parsed.success) {
    const schedule = parsed.data;
    const parts: ScheduleParts = {
      timeZone: schedule.timeZone,
      layers: schedule.layers.map((layer, i) => [i, layer] as const),
      overrides: schedule.overrides.map((override, i) => [i, override] as const),
    };
    return { schedule, problems: checkScheduleParts(parts, known) };
  }
  const problems = problemsFromIssues(parsed.error.issues);
  return { schedule: null, problems: [...problems, ...checkScheduleParts(partsOf(input), known)] };
}

/**
 * Everything wrong with `input` as a schedule whose users must be among `knownUserIds`: shape
 * and format problems first, then the rules across fields (docs/schedules.md lists them all).
 * Errors make the schedule invalid; warnings (shown once there are no errors) point at
 * something that works but probably not as meant. Empty: all is well.
 */
export function validateSchedule(
  input: unknown,
  knownUserIds: Iterable<string>,
): ScheduleProblem[] {
  return inspect(input, knownUserIds).problems;
}

/**
 * `input` as a valid schedule, or InvalidScheduleError listing every error (warnings do not
 * stop it): for the engine, which answers that error with 400.
 */
export function parseSchedule(input: unknown, knownUserIds: Iterable<string>): Schedule {
  const { schedule, problems } = inspect(input, knownUserIds);
  if (schedule === null || problems.some((p) => p.severity === 'error')) {
    throw new InvalidScheduleError(problems);
  }
  return schedule;
}
