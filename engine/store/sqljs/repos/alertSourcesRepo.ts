import type { AlertSourcesRepo } from '../../store.js';
import type { AlertSourceRecord, NewAlertSource } from '../../records.js';
import type { SqlDatabase, SqlRow } from '../sqlDatabase.js';

function toSource(row: SqlRow): AlertSourceRecord {
  return {
    id: Number(row.id),
    name: String(row.name),
    integrationKey: String(row.integration_key),
    escalationPolicyId: (row.escalation_policy_id ?? null) as string | null,
    ackTimeoutMinutes: row.ack_timeout_minutes == null ? null : Number(row.ack_timeout_minutes),
    autoResolveMinutes: row.auto_resolve_minutes == null ? null : Number(row.auto_resolve_minutes),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export class SqlAlertSourcesRepo implements AlertSourcesRepo {
  /**
   * Every inbound event looks its source up by integration key: keep the answers. Any change
   * to any source, and any rollback, forgets them all (sources change rarely).
   */
  private readonly byKey = new Map<string, AlertSourceRecord>();

  constructor(private readonly db: SqlDatabase) {
    db.onRollback(() => this.byKey.clear());
  }

  async get(id: number): Promise<AlertSourceRecord | null> {
    const row = this.db.get('SELECT * FROM alert_sources WHERE id = ? AND deleted_at IS NULL', [
      id,
    ]);
    return row ? toSource(row) : null;
  }

  async getByIntegrationKey(key: string): Promise<AlertSourceRecord | null> {
    const cached = this.byKey.get(key);
    if (cached) return cached;
    const row = this.db.get(
      'SELECT * FROM alert_sources WHERE integration_key = ? AND deleted_at IS NULL',
      [key],
    );
    if (!row) return null;
    const source = toSource(row);
    this.byKey.set(key, source);
    return source;
  }

  async list(): Promise<AlertSourceRecord[]> {
    return this.db
      .all('SELECT * FROM alert_sources WHERE deleted_at IS NULL ORDER BY id')
      .map(toSource);
  }

  async listByPolicy(policyId: string): Promise<AlertSourceRecord[]> {
    return this.db
      .all(
        'SELECT * FROM alert_sources WHERE escalation_policy_id = ? AND deleted_at IS NULL ORDER BY id',
        [policyId],
      )
      .map(toSource);
  }

  async insert(source: NewAlertSource): Promise<AlertSourceRecord> {
    this.byKey.clear();
    const record = {
      ...source,
      ackTimeoutMinutes: source.ackTimeoutMinutes ?? null,
      autoResolveMinutes: source.autoResolveMinutes ?? null,
    };
    this.db.run(
      'INSERT INTO alert_sources (name, integration_key, escalation_policy_id, ack_timeout_minutes, auto_resolve_minutes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [
        record.name,
        record.integrationKey,
        record.escalationPolicyId,
        record.ackTimeoutMinutes,
        record.autoResolveMinutes,
        record.createdAt,
        record.updatedAt,
      ],
    );
    return { ...record, id: this.db.lastInsertId() };
  }

  async update(
    id: number,
    patch: Parameters<AlertSourcesRepo['update']>[1],
  ): Promise<AlertSourceRecord> {
    this.byKey.clear();
    const current = await this.get(id);
    if (!current) throw new Error(`alert source ${id} does not exist`);
    const next = { ...current, ...patch };
    this.db.run(
      'UPDATE alert_sources SET name = ?, integration_key = ?, escalation_policy_id = ?, ack_timeout_minutes = ?, auto_resolve_minutes = ?, updated_at = ? WHERE id = ?',
      [
        next.name,
        next.integrationKey,
        next.escalationPolicyId,
        next.ackTimeoutMinutes,
        next.autoResolveMinutes,
        next.updatedAt,
        id,
      ],
    );
    return next;
  }

  async remove(id: number, at: number): Promise<void> {
    this.byKey.clear();
    // The key is freed (and can never match again) by prefixing it with the deletion mark.
    this.db.run(
      "UPDATE alert_sources SET deleted_at = ?, integration_key = 'deleted:' || id || ':' || integration_key WHERE id = ?",
      [at, id],
    );
  }
}
