import { z } from 'zod';
import {
  EscalationPolicyListResponse,
  EscalationPolicyResponse,
  LevelDraft,
} from '../../../shared/api/escalationPolicies.js';
import type { EscalationTargetType } from '../../../shared/escalation/escalationPolicyModel.js';
import { validateEscalationPolicy } from '../../../shared/escalation/policyValidation.js';
import { normalKey, type ConfigKind, type ConfigNames, type EntryProblem } from '../configKind.js';
import { defined, missing, nameRef, unless, userRef } from './entryFields.js';

/**
 * `escalationPolicies:` — levels whose targets name a user by email, a schedule (whoever is on
 * call in it) or a team by name: `- schedule: Ops primary` (docs/escalation.md has the rules).
 */

const Target = z.union(
  [
    z.strictObject({ user: userRef }),
    z.strictObject({ schedule: nameRef }),
    z.strictObject({ team: nameRef }),
  ],
  { error: 'a target is one of {user: <email>}, {schedule: <name>}, {team: <name>}' },
);
type Target = z.output<typeof Target>;

const PolicyEntry = z.strictObject({
  name: nameRef,
  levels: z.array(
    z.strictObject({
      targets: z.array(Target),
      timeoutMinutes: LevelDraft.shape.timeoutMinutes,
      roundRobin: z.boolean({ error: 'roundRobin is true or false' }).default(false),
    }),
  ),
  repeat: z.number({ error: 'repeat is a whole number, 0 to 9' }).int().default(0),
});
type PolicyEntry = z.output<typeof PolicyEntry>;

/** The section each target type names. */
const sectionOf: Record<EscalationTargetType, string> = {
  user: 'users',
  schedule: 'schedules',
  team: 'teams',
};

function targetParts(target: Target): { type: EscalationTargetType; key: string } {
  if ('user' in target) return { type: 'user', key: target.user };
  if ('schedule' in target) return { type: 'schedule', key: target.schedule };
  return { type: 'team', key: target.team };
}

const base = '/api/v1/escalation-policies';

/** The policy as the API takes it, targets resolved by `id`. */
const policyBody = (
  entry: PolicyEntry,
  id: (type: EscalationTargetType, key: string) => string,
) => ({
  name: entry.name,
  repeat: entry.repeat,
  levels: entry.levels.map((level) => ({
    targets: level.targets.map(targetParts).map(({ type, key }) => ({ type, id: id(type, key) })),
    timeoutMinutes: level.timeoutMinutes,
    roundRobin: level.roundRobin,
  })),
});

const resolved = (names: ConfigNames) => (type: EscalationTargetType, key: string) =>
  names.idOf(sectionOf[type], key);

/** The shared validation (levels, timeouts, repeat) with stand-ins for the targets. */
function checkPolicy(entry: PolicyEntry): EntryProblem[] {
  const standIns = new Map<string, string>();
  const standIn = (type: EscalationTargetType, key: string) => {
    const k = `${type}:${normalKey(key)}`;
    if (!standIns.has(k)) standIns.set(k, String(standIns.size + 1));
    return standIns.get(k)!;
  };
  const model = { id: 'config', version: 1, ...policyBody(entry, standIn) };
  const known = [...standIns.values()];
  const problems = validateEscalationPolicy(model, {
    userIds: known,
    scheduleIds: known,
    teamIds: known,
  });
  return problems.map((problem) => ({
    path: problem.path
      .split('.')
      .filter((part) => part !== '' && part !== 'id')
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    severity: problem.severity,
    message: problem.message,
  }));
}

export const escalationPoliciesKind: ConfigKind<PolicyEntry, EscalationPolicyResponse> = {
  section: 'escalationPolicies',
  noun: 'escalation policy',
  entry: PolicyEntry,

  keyOf: (entry) => entry.name,
  references: (entry) =>
    entry.levels.flatMap((level, i) =>
      level.targets.map((target, j) => {
        const { type, key } = targetParts(target);
        return { kind: sectionOf[type], key, path: ['levels', i, 'targets', j, type] };
      }),
    ),
  withReferences: (entry, spell) => ({
    ...entry,
    levels: entry.levels.map((level) => ({
      ...level,
      targets: level.targets.map((target) => {
        const { type, key } = targetParts(target);
        return { [type]: spell(sectionOf[type], key) } as Target;
      }),
    })),
  }),
  check: checkPolicy,

  async list(api) {
    const { items } = await api.get(base, EscalationPolicyListResponse);
    return items.map((policy) => ({ id: policy.id, key: policy.name, value: policy }));
  },

  toConfig: (policy, names) =>
    defined({
      name: policy.name,
      levels: policy.levels.map((level) =>
        defined({
          targets: level.targets.map((t) => ({
            [t.type]: names.keyOf(sectionOf[t.type], t.id) ?? missing(t.type, t.id),
          })),
          timeoutMinutes: level.timeoutMinutes,
          roundRobin: unless(level.roundRobin, false),
        }),
      ),
      repeat: unless(policy.repeat, 0),
    }),

  async create(api, desired, names) {
    const body = policyBody(desired, resolved(names));
    return (await api.post(base, body, EscalationPolicyResponse)).id;
  },

  async update(api, current, desired, _before, names) {
    const body = { ...policyBody(desired, resolved(names)), version: current.value.version };
    await api.put(`${base}/${current.id}`, body, EscalationPolicyResponse);
  },

  remove: (api, current) => api.remove(`${base}/${current.id}?version=${current.value.version}`),
};
