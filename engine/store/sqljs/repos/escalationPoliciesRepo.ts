import type { EscalationLevel } from '../../../../shared/escalation/escalationPolicyModel.js';
import type { EscalationPolicyContent, EscalationPolicyRecord } from '../../records.js';
import type { EscalationPoliciesRepo } from '../../store.js';
import type { SqlDatabase, SqlRow } from '../sqlDatabase.js';

function toPolicy(row: SqlRow): EscalationPolicyRecord {
  return {
    id: Number(row.id),
    name: String(row.name),
    // Written only by this repository, from policies that passed parseEscalationPolicy.
    levels: JSON.parse(String(row.levels_json)) as EscalationLevel[],
    repeat: Number(row.repeat_count),
    version: Number(row.version),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export class SqlEscalationPoliciesRepo implements EscalationPoliciesRepo {
  /**
   * Every escalation step reads its policy: keep the parsed rows by id and version. A write
   * changes the version, a rollback forgets them all.
   */
  private readonly cache = new Map<number, EscalationPolicyRecord>();

  constructor(private readonly db: SqlDatabase) {
    db.onRollback(() => this.cache.clear());
  }

  async get(id: number): Promise<EscalationPolicyRecord | null> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const row = this.db.get(
      'SELECT * FROM escalation_policies WHERE id = ? AND deleted_at IS NULL',
      [id],
    );
    if (!row) return null;
    const policy = toPolicy(row);
    this.cache.set(id, policy);
    return policy;
  }

  async list(): Promise<EscalationPolicyRecord[]> {
    return this.db
      .all('SELECT * FROM escalation_policies WHERE deleted_at IS NULL ORDER BY id')
      .map(toPolicy);
  }

  async insert(content: EscalationPolicyContent, at: number): Promise<EscalationPolicyRecord> {
    const row = this.db.runReturning(
      `INSERT INTO escalation_policies (name, levels_json, repeat_count, version, created_at, updated_at)
       VALUES (?, ?, ?, 1, ?, ?) RETURNING id`,
      [content.name, JSON.stringify(content.levels), content.repeat, at, at],
    );
    return { ...content, id: Number(row?.id), version: 1, createdAt: at, updatedAt: at };
  }

  async update(
    id: number,
    baseVersion: number,
    content: EscalationPolicyContent,
    at: number,
  ): Promise<EscalationPolicyRecord | null> {
    const current = await this.get(id);
    // Checked before writing, so a refused write leaves nothing in the journal.
    if (!current || current.version !== baseVersion) return null;
    this.cache.delete(id);
    this.db.run(
      `UPDATE escalation_policies SET name = ?, levels_json = ?, repeat_count = ?,
              version = version + 1, updated_at = ?
        WHERE id = ? AND version = ? AND deleted_at IS NULL`,
      [content.name, JSON.stringify(content.levels), content.repeat, at, id, baseVersion],
    );
    return { ...current, ...content, version: baseVersion + 1, updatedAt: at };
  }

  async remove(id: number, baseVersion: number, at: number): Promise<boolean> {
    const current = await this.get(id);
    if (!current || current.version !== baseVersion) return false;
    this.cache.delete(id);
    this.db.run(
      'UPDATE escalation_policies SET deleted_at = ?, updated_at = ? WHERE id = ? AND version = ?',
      [at, at, id, baseVersion],
    );
    return true;
  }

  async takeRoundRobinTurn(policyId: number, level: number): Promise<number> {
    const row = this.db.runReturning(
      `INSERT INTO escalation_round_robin (policy_id, level, next_turn) VALUES (?, ?, 1)
       ON CONFLICT (policy_id, level) DO UPDATE SET next_turn = next_turn + 1
       RETURNING next_turn - 1 AS turn`,
      [policyId, level],
    );
    return Number(row?.turn ?? 0);
  }
}
