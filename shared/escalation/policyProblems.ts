import type { ErrorIssue } from '../api/errors.js';

/** Stable codes of escalation policy problems: consoles branch on them, people read the message. */
export type PolicyProblemCode =
  /** A field has the wrong type or is missing (see the message). */
  | 'invalid_field'
  /** A field the model does not have (a typo, most likely). */
  | 'unknown_field'
  | 'no_levels'
  | 'too_many_levels'
  | 'no_targets'
  | 'too_many_targets'
  | 'timeout_out_of_range'
  | 'repeat_out_of_range'
  | 'unknown_user'
  | 'unknown_schedule'
  | 'unknown_team'
  // Warnings: the policy works, but probably not as meant.
  | 'duplicate_target'
  | 'round_robin_single_target';

/**
 * One thing wrong with a policy. `path` is dotted like the API's error issues
 * (`levels.1.targets.0.id`; empty for the policy as a whole).
 */
export interface PolicyProblem {
  readonly path: string;
  readonly code: PolicyProblemCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/**
 * A policy that cannot be accepted. The engine answers it as `400 invalid_escalation_policy`
 * with `issues` (the API's `{path, message}` shape) and `problems` (with codes).
 */
export class InvalidEscalationPolicyError extends Error {
  readonly code = 'invalid_escalation_policy';
  readonly problems: readonly PolicyProblem[];

  constructor(problems: readonly PolicyProblem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    const first = errors[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problems)` : '';
    super(
      first
        ? `The escalation policy is not valid: ${first.path ? `${first.path}: ` : ''}${first.message}${more}`
        : 'The escalation policy is not valid.',
    );
    this.name = 'InvalidEscalationPolicyError';
    this.problems = problems;
  }

  /** The errors in the API's error-issue shape. */
  get issues(): ErrorIssue[] {
    return this.problems
      .filter((p) => p.severity === 'error')
      .map((p) => ({ path: p.path || '(body)', message: p.message }));
  }
}

export const policyError = (
  path: string,
  code: PolicyProblemCode,
  message: string,
): PolicyProblem => ({ path, code, severity: 'error', message });

export const policyWarning = (
  path: string,
  code: PolicyProblemCode,
  message: string,
): PolicyProblem => ({ path, code, severity: 'warning', message });
