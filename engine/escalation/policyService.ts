import type { EscalationPolicyResponse } from '../../shared/api/escalationPolicies.js';
import {
  validateEscalationPolicy,
  type KnownTargets,
} from '../../shared/escalation/policyValidation.js';
import type { Clock } from '../clock.js';
import type { BaseVersionSpec } from '../schedules/baseVersion.js';
import type { EscalationPolicyRecord } from '../store/records.js';
import type { ReadTx, Store, WriteTx } from '../store/store.js';
import { toEscalationPolicyModel, toStoredEscalationPolicy } from '../wire.js';
import {
  policyInUse,
  policyNotFound,
  policyVersionConflict,
  policyVersionRequired,
  validatingPolicy,
} from './policyErrors.js';
import { contentOf, knownTargets, policyFromDraft } from './policyDraft.js';

/**
 * Escalation policies: create, read, change and delete, each change bumping the version and
 * refused unless based on the current one (optimistic concurrency, as for schedules). Every
 * write validates the whole policy against the users, schedules and teams that exist, and
 * publishes it to consoles. A policy alert sources use cannot be deleted.
 */
export class EscalationPolicyService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  list(): Promise<EscalationPolicyResponse[]> {
    return this.store.read(async (tx) => {
      const known = await knownTargets(tx);
      const records = await tx.escalationPolicies.list();
      return Promise.all(records.map((record) => respond(tx, record, known)));
    });
  }

  get(id: number): Promise<EscalationPolicyResponse> {
    return this.store.read(async (tx) =>
      respond(tx, await requirePolicy(tx, id), await knownTargets(tx)),
    );
  }

  create(body: unknown): Promise<EscalationPolicyResponse> {
    return this.store.write(async (tx) => {
      const known = await knownTargets(tx);
      const policy = validatingPolicy(() =>
        policyFromDraft(body, { policyId: 'new', version: 1, known }),
      );
      const record = await tx.escalationPolicies.insert(contentOf(policy), this.clock.now());
      tx.publish({ kind: 'escalationPolicy', value: toStoredEscalationPolicy(record) });
      return respond(tx, record, known);
    });
  }

  /**
   * Replaces a policy with `body` (a whole policy). A body equal to what is stored changes
   * nothing and keeps the version. Alerts escalating along the policy follow the new version
   * from their next step.
   */
  replace(id: number, body: unknown, base: BaseVersionSpec): Promise<EscalationPolicyResponse> {
    return this.store.write(async (tx) => {
      const record = await requirePolicy(tx, id);
      const known = await knownTargets(tx);
      await checkBase(tx, record, base, known);
      const policy = validatingPolicy(() =>
        policyFromDraft(body, { policyId: String(id), version: record.version + 1, known }),
      );
      const content = contentOf(policy);
      if (JSON.stringify(content) === JSON.stringify(contentOf(toEscalationPolicyModel(record)))) {
        return respond(tx, record, known);
      }
      const saved = await tx.escalationPolicies.update(
        id,
        record.version,
        content,
        this.clock.now(),
      );
      // checkBase ran in this transaction, so the version cannot have moved: a bug if it did.
      if (!saved) throw new Error(`escalation policy ${id} moved from version ${record.version}`);
      tx.publish({ kind: 'escalationPolicy', value: toStoredEscalationPolicy(saved) });
      return respond(tx, saved, known);
    });
  }

  /** Deletes a policy no alert source uses (409 `escalation_policy_in_use` names them). */
  remove(id: number, base: BaseVersionSpec): Promise<void> {
    return this.store.write(async (tx) => {
      const record = await requirePolicy(tx, id);
      await checkBase(tx, record, base, await knownTargets(tx));
      const users = await tx.alertSources.listByPolicy(String(id));
      if (users.length > 0) throw policyInUse(id, users);
      await tx.escalationPolicies.remove(id, record.version, this.clock.now());
      tx.publish({ kind: 'escalationPolicy.removed', id: String(id) });
    });
  }
}

async function requirePolicy(tx: ReadTx, id: number): Promise<EscalationPolicyRecord> {
  const record = await tx.escalationPolicies.get(id);
  if (!record) throw policyNotFound(id);
  return record;
}

/** 428 when the client did not say which version it read, 409 when that is not the current one. */
async function checkBase(
  tx: WriteTx,
  record: EscalationPolicyRecord,
  base: BaseVersionSpec,
  known: KnownTargets,
): Promise<void> {
  if (base === null) throw policyVersionRequired(record.id);
  if (base !== 'any' && base !== record.version) {
    throw policyVersionConflict(await respond(tx, record, known), base);
  }
}

/** The answer for a stored policy: what validation says about it now, and who uses it. */
async function respond(
  tx: ReadTx,
  record: EscalationPolicyRecord,
  known: KnownTargets,
): Promise<EscalationPolicyResponse> {
  const sources = await tx.alertSources.listByPolicy(String(record.id));
  return {
    ...toStoredEscalationPolicy(record),
    problems: validateEscalationPolicy(toEscalationPolicyModel(record), known),
    alertSources: sources.map((s) => ({ id: String(s.id), name: s.name })),
  };
}
