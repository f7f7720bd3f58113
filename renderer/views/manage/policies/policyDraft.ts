import type { StoredEscalationPolicy } from '../../../../shared/api/escalationPolicies.js';
import type { EscalationTargetType } from '../../../../shared/escalation/escalationPolicyModel.js';

/**
 * The escalation policy editor's state, as typed: numbers stay text until they are checked
 * (./policyForm.ts), so a half-typed timeout is never lost. The edits are pure functions.
 */
export interface TargetDraft {
  readonly type: EscalationTargetType;
  readonly id: string;
}

export interface LevelDraftState {
  readonly targets: readonly TargetDraft[];
  readonly timeoutMinutes: string;
  readonly roundRobin: boolean;
}

export interface PolicyDraft {
  readonly name: string;
  readonly levels: readonly LevelDraftState[];
  readonly repeat: string;
}

export const newLevel = (): LevelDraftState => ({
  targets: [],
  timeoutMinutes: '15',
  roundRobin: false,
});

export const emptyPolicyDraft: PolicyDraft = { name: '', levels: [newLevel()], repeat: '0' };

export function draftOfPolicy(policy: StoredEscalationPolicy): PolicyDraft {
  return {
    name: policy.name,
    repeat: String(policy.repeat),
    levels: policy.levels.map((level) => ({
      targets: level.targets.map((t) => ({ type: t.type, id: t.id })),
      timeoutMinutes: String(level.timeoutMinutes),
      roundRobin: level.roundRobin,
    })),
  };
}

const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] =>
  list.map((old, i) => (i === index ? item : old));

export function addLevel(draft: PolicyDraft): PolicyDraft {
  return { ...draft, levels: [...draft.levels, newLevel()] };
}

export function removeLevel(draft: PolicyDraft, index: number): PolicyDraft {
  return { ...draft, levels: draft.levels.filter((_, i) => i !== index) };
}

/** Moves level `index` one place up (-1) or down (+1); out of range changes nothing. */
export function moveLevel(draft: PolicyDraft, index: number, by: -1 | 1): PolicyDraft {
  const to = index + by;
  const moved = draft.levels[index];
  const other = draft.levels[to];
  if (!moved || !other) return draft;
  const levels = replaceAt(replaceAt(draft.levels, index, other), to, moved);
  return { ...draft, levels };
}

export function changeLevel(
  draft: PolicyDraft,
  index: number,
  change: Partial<LevelDraftState>,
): PolicyDraft {
  const level = draft.levels[index];
  if (!level) return draft;
  return { ...draft, levels: replaceAt(draft.levels, index, { ...level, ...change }) };
}

/** Adds a target to a level, unless the level names it already. */
export function addTarget(draft: PolicyDraft, index: number, target: TargetDraft): PolicyDraft {
  const level = draft.levels[index];
  if (!level || level.targets.some((t) => t.type === target.type && t.id === target.id)) {
    return draft;
  }
  return changeLevel(draft, index, { targets: [...level.targets, target] });
}

export function removeTarget(draft: PolicyDraft, index: number, targetIndex: number): PolicyDraft {
  const level = draft.levels[index];
  if (!level) return draft;
  return changeLevel(draft, index, { targets: level.targets.filter((_, i) => i !== targetIndex) });
}
