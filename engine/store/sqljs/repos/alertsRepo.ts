import type { AlertState } from '../../../../shared/domain/alert.js';
import type { AlertCursor, AlertFilter, AlertsRepo } from '../../store.js';
import type {
  AlertLogRecord,
  AlertPatch,
  AlertRecord,
  NewAlert,
  NewAlertLog,
} from '../../records.js';
import type { SqlDatabase, SqlRow, SqlValue } from '../sqlDatabase.js';
import { normalizeAlertKey } from '../../../alerts/alertKey.js';

const json = (value: unknown) => JSON.stringify(value);
const parse = <T>(text: SqlValue | undefined, fallback: T): T =>
  typeof text === 'string' ? (JSON.parse(text) as T) : fallback;
const num = (v: SqlValue | undefined) => (v === null || v === undefined ? null : Number(v));

function toAlert(row: SqlRow): AlertRecord {
  return {
    id: Number(row.id),
    sourceId: Number(row.source_id),
    alertKey: String(row.alert_key),
    state: row.state as AlertRecord['state'],
    priority: row.priority as AlertRecord['priority'],
    severity: (row.severity ?? null) as AlertRecord['severity'],
    summary: String(row.summary),
    details: (row.details ?? null) as string | null,
    origin: row.origin as AlertRecord['origin'],
    labels: parse(row.labels_json, {}),
    links: parse(row.links_json, []),
    images: parse(row.images_json, []),
    customDetails: parse(row.custom_details_json, null),
    eventCount: Number(row.event_count),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    lastEventAt: Number(row.last_event_at),
    acceptedAt: num(row.accepted_at),
    acceptedBy: num(row.accepted_by),
    resolvedAt: num(row.resolved_at),
    assigneeId: num(row.assignee_id),
    maintenanceWindowId: num(row.maintenance_window_id),
  };
}

/** Record field → column and how its value is stored; also fixes the column order of UPDATEs. */
const columns: ReadonlyArray<readonly [keyof AlertRecord, string, (v: never) => SqlValue]> = [
  ['sourceId', 'source_id', (v: number) => v],
  ['alertKey', 'alert_key', (v: string) => v],
  ['state', 'state', (v: string) => v],
  ['priority', 'priority', (v: string) => v],
  ['severity', 'severity', (v: string | null) => v],
  ['summary', 'summary', (v: string) => v],
  ['details', 'details', (v: string | null) => v],
  ['origin', 'origin', (v: string) => v],
  ['labels', 'labels_json', json],
  ['links', 'links_json', json],
  ['images', 'images_json', json],
  [
    'customDetails',
    'custom_details_json',
    (v: unknown) => (v === null || v === undefined ? null : json(v)),
  ],
  ['eventCount', 'event_count', (v: number) => v],
  ['createdAt', 'created_at', (v: number) => v],
  ['updatedAt', 'updated_at', (v: number) => v],
  ['lastEventAt', 'last_event_at', (v: number) => v],
  ['acceptedAt', 'accepted_at', (v: number | null) => v],
  ['acceptedBy', 'accepted_by', (v: number | null) => v],
  ['resolvedAt', 'resolved_at', (v: number | null) => v],
  ['assigneeId', 'assignee_id', (v: number | null) => v],
  ['maintenanceWindowId', 'maintenance_window_id', (v: number | null) => v],
];

const insertSql = `INSERT INTO alerts (key_norm, ${columns.map(([, c]) => c).join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')}) RETURNING id`;

function toLog(row: SqlRow): AlertLogRecord {
  return {
    id: Number(row.id),
    alertId: Number(row.alert_id),
    at: Number(row.at),
    kind: row.kind as AlertLogRecord['kind'],
    actor: parse(row.actor_json, { type: 'system' }),
    message: String(row.message),
    ...(typeof row.data_json === 'string'
      ? { data: JSON.parse(row.data_json) as Record<string, unknown> }
      : {}),
  };
}

/** Escapes LIKE wildcards so a search for `50%` finds "50%". */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class SqlAlertsRepo implements AlertsRepo {
  constructor(private readonly db: SqlDatabase) {}

  async get(id: number): Promise<AlertRecord | null> {
    const row = this.db.get('SELECT * FROM alerts WHERE id = ?', [id]);
    return row ? toAlert(row) : null;
  }

  async findOpen(sourceId: number, keyNorm: string): Promise<AlertRecord | null> {
    const row = this.db.get(
      "SELECT * FROM alerts WHERE source_id = ? AND key_norm = ? AND state <> 'RESOLVED'",
      [sourceId, keyNorm],
    );
    return row ? toAlert(row) : null;
  }

  async list(
    filter: AlertFilter,
    limit: number,
    cursor: AlertCursor | null,
  ): Promise<AlertRecord[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    const inList = (column: string, values: readonly SqlValue[]) => {
      where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    };
    if (filter.states?.length) inList('state', filter.states);
    if (filter.priorities?.length) inList('priority', filter.priorities);
    if (filter.sourceIds?.length) inList('source_id', filter.sourceIds);
    if (filter.text) {
      where.push(
        "(summary LIKE ? ESCAPE '\\' OR alert_key LIKE ? ESCAPE '\\' OR details LIKE ? ESCAPE '\\')",
      );
      const pattern = likePattern(filter.text);
      params.push(pattern, pattern, pattern);
    }
    if (filter.from !== undefined) {
      where.push('created_at >= ?');
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      where.push('created_at < ?');
      params.push(filter.to);
    }
    if (cursor) {
      where.push('(created_at < ? OR (created_at = ? AND id < ?))');
      params.push(cursor.createdAt, cursor.createdAt, cursor.id);
    }
    const sql =
      `SELECT * FROM alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ` +
      'ORDER BY created_at DESC, id DESC LIMIT ?';
    return this.db.all(sql, [...params, limit]).map(toAlert);
  }

  async listLive(resolvedLimit: number): Promise<AlertRecord[]> {
    const open = this.db.all(
      "SELECT * FROM alerts WHERE state IN ('PENDING', 'ACCEPTED') ORDER BY id",
    );
    const resolved = this.db.all(
      'SELECT * FROM alerts WHERE resolved_at IS NOT NULL ORDER BY resolved_at DESC LIMIT ?',
      [resolvedLimit],
    );
    return [...open, ...resolved].map(toAlert);
  }

  async listOpenBySource(sourceId: number): Promise<AlertRecord[]> {
    return this.db
      .all("SELECT * FROM alerts WHERE source_id = ? AND state <> 'RESOLVED' ORDER BY id", [
        sourceId,
      ])
      .map(toAlert);
  }

  async listOpenByAssignee(userId: number): Promise<AlertRecord[]> {
    return this.db
      .all("SELECT * FROM alerts WHERE assignee_id = ? AND state <> 'RESOLVED' ORDER BY id", [
        userId,
      ])
      .map(toAlert);
  }

  async countByState(): Promise<Record<AlertState, number>> {
    const counts: Record<AlertState, number> = { PENDING: 0, ACCEPTED: 0, RESOLVED: 0 };
    for (const row of this.db.all('SELECT state, count(*) AS n FROM alerts GROUP BY state')) {
      counts[row.state as AlertState] = Number(row.n);
    }
    return counts;
  }

  async listLog(alertId: number, limit: number, afterId: number): Promise<AlertLogRecord[]> {
    return this.db
      .all('SELECT * FROM alert_log WHERE alert_id = ? AND id > ? ORDER BY id LIMIT ?', [
        alertId,
        afterId,
        limit,
      ])
      .map(toLog);
  }

  async listLogTail(
    alertId: number,
    limit: number,
    exceptKinds: readonly string[],
  ): Promise<{ entries: AlertLogRecord[]; omitted: number }> {
    const except = exceptKinds.length
      ? ` AND kind NOT IN (${exceptKinds.map(() => '?').join(', ')})`
      : '';
    const rows = this.db.all(
      `SELECT * FROM alert_log WHERE alert_id = ?${except} ORDER BY id DESC LIMIT ?`,
      [alertId, ...exceptKinds, limit],
    );
    const total = Number(
      this.db.get(`SELECT count(*) AS n FROM alert_log WHERE alert_id = ?${except}`, [
        alertId,
        ...exceptKinds,
      ])?.n ?? 0,
    );
    return { entries: rows.reverse().map(toLog), omitted: Math.max(0, total - rows.length) };
  }

  async insert(alert: NewAlert): Promise<AlertRecord> {
    const values = columns.map(([field, , store]) =>
      store(alert[field as keyof NewAlert] as never),
    );
    const row = this.db.runReturning(insertSql, [normalizeAlertKey(alert.alertKey), ...values]);
    return { ...alert, id: Number(row?.id) };
  }

  async update(id: number, patch: AlertPatch): Promise<AlertRecord> {
    const set: string[] = [];
    const params: SqlValue[] = [];
    for (const [field, column, store] of columns) {
      if (field in patch) {
        set.push(`${column} = ?`);
        params.push(store(patch[field as keyof AlertPatch] as never));
      }
    }
    const row =
      set.length > 0
        ? this.db.runReturning(`UPDATE alerts SET ${set.join(', ')} WHERE id = ? RETURNING *`, [
            ...params,
            id,
          ])
        : this.db.get('SELECT * FROM alerts WHERE id = ?', [id]);
    if (!row) throw new Error(`alert ${id} does not exist`);
    return toAlert(row);
  }

  async completeLogEntry(
    id: number,
    message: string,
    data: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    this.db.run('UPDATE alert_log SET message = ?, data_json = ? WHERE id = ?', [
      message,
      json(data),
      id,
    ]);
  }

  async appendLog(entry: NewAlertLog): Promise<void> {
    await this.appendLogReturningId(entry);
  }

  async appendLogReturningId(entry: NewAlertLog): Promise<number> {
    const row = this.db.runReturning(
      'INSERT INTO alert_log (alert_id, at, kind, actor_json, message, data_json) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
      [
        entry.alertId,
        entry.at,
        entry.kind,
        json(entry.actor),
        entry.message,
        entry.data === undefined ? null : json(entry.data),
      ],
    );
    return Number(row?.id);
  }
}
