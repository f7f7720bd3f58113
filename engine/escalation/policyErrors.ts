import type { EscalationPolicyResponse } from '../../shared/api/escalationPolicies.js';
import { InvalidEscalationPolicyError } from '../../shared/escalation/policyProblems.js';
import { EngineError, notFound } from '../errors.js';
import { etagOf } from '../schedules/scheduleErrors.js';

/** The errors of the escalation policy routes, as the API answers them (docs/api.md). */

export const policyNotFound = (id: number | string) =>
  notFound('escalation_policy_not_found', `Escalation policy ${id}`);

/** 409 on a write based on an older version, with the current policy to re-apply the change to. */
export function policyVersionConflict(
  current: EscalationPolicyResponse,
  baseVersion: number,
): EngineError {
  return new EngineError(
    409,
    'version_conflict',
    `Escalation policy ${current.id} was changed since version ${baseVersion} and is now at ` +
      `version ${current.version}: apply your change to the current policy (in "current") and ` +
      `send it again with version ${current.version}.`,
    undefined,
    { ETag: etagOf(current.version) },
    { current },
  );
}

export function policyVersionRequired(id: number): EngineError {
  return new EngineError(
    428,
    'version_required',
    `Say which version of escalation policy ${id} this change is based on: send the header ` +
      `If-Match: "<version>" (the ETag of GET /api/v1/escalation-policies/${id}) or "version" in the body.`,
  );
}

/** 409: alert sources route alerts to the policy; they must name another one first. */
export function policyInUse(id: number, sources: ReadonlyArray<{ id: number; name: string }>) {
  const names = sources.map((s) => `"${s.name}"`).join(', ');
  return new EngineError(
    409,
    'escalation_policy_in_use',
    `Escalation policy ${id} is used by ${sources.length === 1 ? 'alert source' : 'alert sources'} ${names}: ` +
      'give them another policy (or none) first, then delete it.',
    undefined,
    undefined,
    { alertSources: sources.map((s) => ({ id: String(s.id), name: s.name })) },
  );
}

/** Runs `fn`, answering an invalid policy with 400 `invalid_escalation_policy`. */
export function validatingPolicy<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof InvalidEscalationPolicyError)) throw error;
    const problems = error.problems.filter((p) => p.severity === 'error');
    throw new EngineError(
      400,
      'invalid_escalation_policy',
      error.message,
      error.issues.slice(0, 20),
      undefined,
      { problems },
    );
  }
}
