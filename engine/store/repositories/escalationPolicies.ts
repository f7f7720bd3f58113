import type { EscalationPolicyContent, EscalationPolicyRecord } from '../records.js';

/**
 * Escalation policies. Like schedules, each write names the version it is based on and succeeds
 * only if the stored policy is still at that version (PostgreSQL: `UPDATE … WHERE id = $1 AND
 * version = $2 RETURNING *`).
 */
export interface EscalationPoliciesReader {
  /** The policy, unless it does not exist or was deleted. */
  get(id: number): Promise<EscalationPolicyRecord | null>;
  /** Every policy that is not deleted, by id. */
  list(): Promise<EscalationPolicyRecord[]>;
}

export interface EscalationPoliciesRepo extends EscalationPoliciesReader {
  /** Stores a new policy at version 1. */
  insert(content: EscalationPolicyContent, at: number): Promise<EscalationPolicyRecord>;
  /** Replaces the content and bumps the version if still at `baseVersion`; else null. */
  update(
    id: number,
    baseVersion: number,
    content: EscalationPolicyContent,
    at: number,
  ): Promise<EscalationPolicyRecord | null>;
  /** Deletes the policy (soft: old timelines can still name it) if still at `baseVersion`. */
  remove(id: number, baseVersion: number, at: number): Promise<boolean>;
  /**
   * Round robin: the turn of a policy's level that is due now (0, 1, 2, … across every alert
   * that reaches the level), counted up in the same transaction so no turn is given twice.
   */
  takeRoundRobinTurn(policyId: number, level: number): Promise<number>;
}
