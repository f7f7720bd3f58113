import {
  parseEscalationPolicy,
  type KnownTargets,
} from '../../shared/escalation/policyValidation.js';
import type { EscalationPolicy } from '../../shared/escalation/escalationPolicyModel.js';
import { EngineError } from '../errors.js';
import type { EscalationPolicyContent } from '../store/records.js';
import type { ReadTx } from '../store/store.js';

/**
 * Request bodies (shared/api/escalationPolicies.ts) into validated policies: the defaults are
 * filled (`repeat` 0, `roundRobin` false), the engine's fields set, and the whole checked with
 * parseEscalationPolicy, so every problem names the field the client sent.
 */

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields of a GET answer a PUT may send back unchanged; the engine owns them. */
const readOnlyFields = ['id', 'version', 'createdAt', 'updatedAt', 'problems', 'alertSources'];

export function policyFromDraft(
  body: unknown,
  context: { policyId: string; version: number; known: KnownTargets },
): EscalationPolicy {
  if (!isRecord(body)) {
    throw new EngineError(
      400,
      'invalid_request',
      'The body must be an escalation policy object: {"name", "levels", "repeat"}.',
    );
  }
  if ('id' in body && context.policyId !== 'new' && body.id !== context.policyId) {
    throw new EngineError(
      400,
      'invalid_request',
      `The body is escalation policy ${JSON.stringify(body.id)} but the address is policy ${context.policyId}: leave "id" out, or send it to its own address.`,
      [{ path: 'id', message: `must be "${context.policyId}" (or left out)` }],
    );
  }
  const draft: Record<string, unknown> = { ...body };
  for (const field of readOnlyFields) delete draft[field];
  const levels = Array.isArray(draft.levels)
    ? draft.levels.map((level: unknown) =>
        isRecord(level) && !('roundRobin' in level) ? { ...level, roundRobin: false } : level,
      )
    : draft.levels;
  return parseEscalationPolicy(
    {
      repeat: 0,
      ...draft,
      levels,
      id: context.policyId,
      version: context.version,
    },
    context.known,
  );
}

export const contentOf = (policy: EscalationPolicy): EscalationPolicyContent => ({
  name: policy.name,
  levels: policy.levels,
  repeat: policy.repeat,
});

/** The ids of everything a policy may name, as they exist now. */
export async function knownTargets(tx: ReadTx): Promise<KnownTargets> {
  return {
    userIds: (await tx.users.list()).map((u) => String(u.id)),
    scheduleIds: (await tx.schedules.list()).map((s) => String(s.id)),
    teamIds: (await tx.teams.list()).map((t) => String(t.id)),
  };
}
