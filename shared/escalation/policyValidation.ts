import type { z } from 'zod';
import {
  EscalationLevel,
  EscalationPolicy,
  escalationLimits,
  type EscalationTargetType,
} from './escalationPolicyModel.js';
import {
  InvalidEscalationPolicyError,
  policyError,
  policyWarning,
  type PolicyProblem,
  type PolicyProblemCode,
} from './policyProblems.js';

/** What a policy may name: the ids of the users, schedules and teams that exist. */
export interface KnownTargets {
  readonly userIds: Iterable<string>;
  readonly scheduleIds: Iterable<string>;
  readonly teamIds: Iterable<string>;
}

const dotted = (path: readonly PropertyKey[]) => path.map(String).join('.');

function problemsFromIssues(issues: readonly z.core.$ZodIssue[]): PolicyProblem[] {
  return issues.flatMap((issue): PolicyProblem[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) =>
          policyError(
            dotted([...issue.path, key]),
            'unknown_field',
            `Unknown field "${key}": remove it or correct its spelling.`,
          ),
        )
      : [
          policyError(
            dotted(issue.path),
            'invalid_field',
            issue.code === 'invalid_type' && issue.input === undefined
              ? `This field is required. ${issue.message}`
              : issue.message,
          ),
        ],
  );
}

const unknownCode: Record<EscalationTargetType, PolicyProblemCode> = {
  user: 'unknown_user',
  schedule: 'unknown_schedule',
  team: 'unknown_team',
};

/** The rules across fields, for the levels that parse (`[index, level]`). */
function checkLevels(
  levels: ReadonlyArray<readonly [number, EscalationLevel]>,
  levelCount: number | null,
  known: { readonly [K in EscalationTargetType]: ReadonlySet<string> },
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const { maxLevels, maxTargetsPerLevel, minTimeoutMinutes, maxTimeoutMinutes } = escalationLimits;
  if (levelCount === 0) {
    problems.push(
      policyError('levels', 'no_levels', 'A policy needs at least one level with a target.'),
    );
  } else if (levelCount !== null && levelCount > maxLevels) {
    problems.push(
      policyError('levels', 'too_many_levels', `A policy has at most ${maxLevels} levels.`),
    );
  }
  for (const [i, level] of levels) {
    const at = `levels.${i}`;
    if (level.targets.length === 0) {
      problems.push(
        policyError(
          `${at}.targets`,
          'no_targets',
          'A level needs at least one target: a user, a schedule or a team.',
        ),
      );
    } else if (level.targets.length > maxTargetsPerLevel) {
      problems.push(
        policyError(
          `${at}.targets`,
          'too_many_targets',
          `A level has at most ${maxTargetsPerLevel} targets; use a team or a schedule for more people.`,
        ),
      );
    }
    if (level.timeoutMinutes < minTimeoutMinutes || level.timeoutMinutes > maxTimeoutMinutes) {
      problems.push(
        policyError(
          `${at}.timeoutMinutes`,
          'timeout_out_of_range',
          `The escalation timeout must be ${minTimeoutMinutes} to ${maxTimeoutMinutes} minutes (${level.timeoutMinutes} given).`,
        ),
      );
    }
    const seen = new Set<string>();
    for (const [j, target] of level.targets.entries()) {
      const path = `${at}.targets.${j}`;
      if (!known[target.type].has(target.id)) {
        problems.push(
          policyError(
            `${path}.id`,
            unknownCode[target.type],
            `There is no ${target.type} ${JSON.stringify(target.id)}: pick one that exists (GET /api/v1/${target.type}s), or remove this target.`,
          ),
        );
      }
      const key = `${target.type}:${target.id}`;
      if (seen.has(key)) {
        problems.push(
          policyWarning(
            path,
            'duplicate_target',
            `The same ${target.type} is named twice in this level; it is notified once.`,
          ),
        );
      }
      seen.add(key);
    }
    if (level.roundRobin && level.targets.length === 1 && level.targets[0]?.type === 'user') {
      problems.push(
        policyWarning(
          `${at}.roundRobin`,
          'round_robin_single_target',
          'Round robin over a single user always notifies that user.',
        ),
      );
    }
  }
  return problems;
}

function inspect(
  input: unknown,
  knownTargets: KnownTargets,
): { policy: EscalationPolicy | null; problems: PolicyProblem[] } {
  const known = {
    user: new Set(knownTargets.userIds),
    schedule: new Set(knownTargets.scheduleIds),
    team: new Set(knownTargets.teamIds),
  };
  const parsed = EscalationPolicy.safeParse(input, { reportInput: true });
  if (parsed.success) {
    const { levels, repeat } = parsed.data;
    const problems = checkLevels(
      levels.map((level, i) => [i, level] as const),
      levels.length,
      known,
    );
    if (repeat < 0 || repeat > escalationLimits.maxRepeat) {
      problems.unshift(
        policyError(
          'repeat',
          'repeat_out_of_range',
          `repeat must be 0 to ${escalationLimits.maxRepeat}: how many more times the whole policy runs after its last level (${repeat} given).`,
        ),
      );
    }
    return { policy: parsed.data, problems };
  }
  // Check the levels that do parse too, so one pass shows every problem.
  const record = (typeof input === 'object' && input !== null ? input : {}) as Record<
    string,
    unknown
  >;
  const list = Array.isArray(record.levels) ? (record.levels as unknown[]) : null;
  const levels = (list ?? []).flatMap((item, index) => {
    const level = EscalationLevel.safeParse(item);
    return level.success ? [[index, level.data] as const] : [];
  });
  return {
    policy: null,
    problems: [
      ...problemsFromIssues(parsed.error.issues),
      ...checkLevels(levels, list ? list.length : null, known),
    ],
  };
}

/**
 * Everything wrong with `input` as an escalation policy whose targets must exist among
 * `known`: shape problems first, then ranges and references (docs/escalation.md lists them).
 * Errors make the policy invalid; warnings point at something that works but probably not as
 * meant. Empty: all is well.
 */
export function validateEscalationPolicy(input: unknown, known: KnownTargets): PolicyProblem[] {
  return inspect(input, known).problems;
}

/** `input` as a valid policy, or InvalidEscalationPolicyError listing every error. */
export function parseEscalationPolicy(input: unknown, known: KnownTargets): EscalationPolicy {
  const { policy, problems } = inspect(input, known);
  if (policy === null || problems.some((p) => p.severity === 'error')) {
    throw new InvalidEscalationPolicyError(problems);
  }
  return policy;
}
