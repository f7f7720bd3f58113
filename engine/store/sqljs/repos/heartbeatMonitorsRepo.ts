import type { HeartbeatMonitorsRepo } from '../../store.js';
import type { HeartbeatMonitorRecord, NewHeartbeatMonitor } from '../../records.js';
import type { SqlDatabase, SqlRow, SqlValue } from '../sqlDatabase.js';

const num = (v: SqlValue | undefined) => (v === null || v === undefined ? null : Number(v));

function toMonitor(row: SqlRow): HeartbeatMonitorRecord {
  return {
    id: Number(row.id),
    name: String(row.name),
    alertSourceId: Number(row.alert_source_id),
    intervalSeconds: Number(row.interval_seconds),
    graceSeconds: Number(row.grace_seconds),
    key: String(row.ping_key),
    status: row.status as HeartbeatMonitorRecord['status'],
    lastPingAt: num(row.last_ping_at),
    deadlineAt: num(row.deadline_at),
    alertId: num(row.alert_id),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** Record field → column; also fixes the column order of INSERTs and UPDATEs. */
const columns: ReadonlyArray<readonly [keyof NewHeartbeatMonitor, string]> = [
  ['name', 'name'],
  ['alertSourceId', 'alert_source_id'],
  ['intervalSeconds', 'interval_seconds'],
  ['graceSeconds', 'grace_seconds'],
  ['key', 'ping_key'],
  ['status', 'status'],
  ['lastPingAt', 'last_ping_at'],
  ['deadlineAt', 'deadline_at'],
  ['alertId', 'alert_id'],
  ['createdAt', 'created_at'],
  ['updatedAt', 'updated_at'],
];

const insertSql = `INSERT INTO heartbeat_monitors (${columns.map(([, c]) => c).join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) RETURNING id`;

export class SqlHeartbeatMonitorsRepo implements HeartbeatMonitorsRepo {
  constructor(private readonly db: SqlDatabase) {}

  async get(id: number): Promise<HeartbeatMonitorRecord | null> {
    const row = this.db.get('SELECT * FROM heartbeat_monitors WHERE id = ?', [id]);
    return row ? toMonitor(row) : null;
  }

  async getByKey(key: string): Promise<HeartbeatMonitorRecord | null> {
    const row = this.db.get('SELECT * FROM heartbeat_monitors WHERE ping_key = ?', [key]);
    return row ? toMonitor(row) : null;
  }

  async list(): Promise<HeartbeatMonitorRecord[]> {
    return this.db.all('SELECT * FROM heartbeat_monitors ORDER BY id').map(toMonitor);
  }

  async listBySource(alertSourceId: number): Promise<HeartbeatMonitorRecord[]> {
    return this.db
      .all('SELECT * FROM heartbeat_monitors WHERE alert_source_id = ? ORDER BY id', [
        alertSourceId,
      ])
      .map(toMonitor);
  }

  async countByStatus(): Promise<Record<string, number>> {
    const counts: Record<string, number> = { pending: 0, up: 0, overdue: 0, paused: 0 };
    for (const row of this.db.all(
      'SELECT status, count(*) AS n FROM heartbeat_monitors GROUP BY status',
    )) {
      counts[String(row.status)] = Number(row.n);
    }
    return counts;
  }

  async insert(monitor: NewHeartbeatMonitor): Promise<HeartbeatMonitorRecord> {
    const row = this.db.runReturning(
      insertSql,
      columns.map(([field]) => monitor[field]),
    );
    return { ...monitor, id: Number(row?.id) };
  }

  async update(
    id: number,
    patch: Partial<Omit<HeartbeatMonitorRecord, 'id' | 'createdAt'>>,
  ): Promise<HeartbeatMonitorRecord> {
    const set: string[] = [];
    const params: SqlValue[] = [];
    for (const [field, column] of columns) {
      if (field in patch) {
        set.push(`${column} = ?`);
        params.push((patch as Record<string, SqlValue>)[field] ?? null);
      }
    }
    const row =
      set.length > 0
        ? this.db.runReturning(
            `UPDATE heartbeat_monitors SET ${set.join(', ')} WHERE id = ? RETURNING *`,
            [...params, id],
          )
        : this.db.get('SELECT * FROM heartbeat_monitors WHERE id = ?', [id]);
    if (!row) throw new Error(`heartbeat monitor ${id} does not exist`);
    return toMonitor(row);
  }

  async remove(id: number): Promise<void> {
    this.db.run('DELETE FROM heartbeat_monitors WHERE id = ?', [id]);
  }
}
