import type { CreateEscalationPolicyRequest } from '../../../../shared/api/escalationPolicies.js';
import { escalationLimits } from '../../../../shared/escalation/escalationPolicyModel.js';
import {
  validateEscalationPolicy,
  type KnownTargets,
} from '../../../../shared/escalation/policyValidation.js';
import { sentence, type FormErrors } from '../formErrors.js';
import type { PolicyDraft } from './policyDraft.js';

/** Text as typed → a number; `''` → missing; anything else not a whole number → NaN. */
function numberOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** What the engine stores for the draft, without `id` and `version`. */
function policyOf(draft: PolicyDraft) {
  return {
    name: draft.name,
    levels: draft.levels.map((level) => ({
      targets: level.targets.map((t) => ({ type: t.type, id: t.id })),
      timeoutMinutes: numberOf(level.timeoutMinutes),
      roundRobin: level.roundRobin,
    })),
    repeat: numberOf(draft.repeat),
  };
}

export type PolicyFormResult<T> =
  | {
      readonly ok: true;
      readonly body: T;
      /** Works, but probably not as meant (a user named twice …): by path. */
      readonly warnings: Readonly<Record<string, string>>;
    }
  | { readonly ok: false; readonly errors: FormErrors };

/**
 * Checks a draft exactly as the engine will (shared/escalation/policyValidation.ts, against the
 * users, schedules and teams this console replicates), so each problem shows next to its field
 * before anything is sent. `base`: the policy being edited (its id and the version read).
 */
export function checkPolicyDraft(
  draft: PolicyDraft,
  known: KnownTargets,
  base: { readonly id: string; readonly version: number } | null,
): PolicyFormResult<CreateEscalationPolicyRequest & { version?: number }> {
  const policy = policyOf(draft);
  const problems = validateEscalationPolicy(
    { id: base?.id ?? 'new', version: base?.version ?? 0, ...policy },
    known,
  );
  const fields: Record<string, string> = {};
  const warnings: Record<string, string> = {};
  for (const problem of problems) {
    const into = problem.severity === 'error' ? fields : warnings;
    into[problem.path] ??= sentence(problem.message);
  }
  // The shared validation checks repeat's range only once the whole policy parses; a blank
  // name must not hide it, so it is checked here too (same bounds, same sentence).
  const { repeat } = policy;
  const { maxRepeat } = escalationLimits;
  if (!fields.repeat && repeat !== undefined && (repeat < 0 || repeat > maxRepeat)) {
    fields.repeat = `Repeat must be 0 to ${maxRepeat}: how many more times the whole policy runs after its last level (${repeat} given).`;
  }
  if (Object.keys(fields).length > 0) {
    const count = Object.keys(fields).length;
    return {
      ok: false,
      errors: {
        fields,
        form: `The policy cannot be saved yet: ${count === 1 ? 'one field needs' : `${count} fields need`} attention (marked in red).`,
      },
    };
  }
  const body: CreateEscalationPolicyRequest = {
    name: policy.name.trim(),
    levels: policy.levels.map((level) => ({ ...level, timeoutMinutes: level.timeoutMinutes! })),
    repeat: policy.repeat!,
  };
  return { ok: true, body: base ? { ...body, version: base.version } : body, warnings };
}
