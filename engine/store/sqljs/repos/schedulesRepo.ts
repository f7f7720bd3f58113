import type { Layer, Override } from '../../../../shared/schedule/scheduleModel.js';
import type { ScheduleContent, ScheduleRecord } from '../../records.js';
import type { SchedulesRepo } from '../../store.js';
import type { SqlDatabase, SqlRow, SqlValue } from '../sqlDatabase.js';

function toSchedule(row: SqlRow): ScheduleRecord {
  return {
    id: Number(row.id),
    name: String(row.name),
    timeZone: String(row.time_zone),
    // Written only by this repository, from schedules that passed parseSchedule.
    layers: JSON.parse(String(row.layers_json)) as Layer[],
    overrides: JSON.parse(String(row.overrides_json)) as Override[],
    version: Number(row.version),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

const contentParams = (c: ScheduleContent): SqlValue[] => [
  c.name,
  c.timeZone,
  JSON.stringify(c.layers),
  JSON.stringify(c.overrides),
];

export class SqlSchedulesRepo implements SchedulesRepo {
  constructor(private readonly db: SqlDatabase) {}

  async get(id: number): Promise<ScheduleRecord | null> {
    const row = this.db.get('SELECT * FROM schedules WHERE id = ? AND deleted_at IS NULL', [id]);
    return row ? toSchedule(row) : null;
  }

  async list(): Promise<ScheduleRecord[]> {
    return this.db
      .all('SELECT * FROM schedules WHERE deleted_at IS NULL ORDER BY id')
      .map(toSchedule);
  }

  async insert(content: ScheduleContent, at: number): Promise<ScheduleRecord> {
    const row = this.db.runReturning(
      `INSERT INTO schedules (name, time_zone, layers_json, overrides_json, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, 1, ?, ?) RETURNING id`,
      [...contentParams(content), at, at],
    );
    return { ...content, id: Number(row?.id), version: 1, createdAt: at, updatedAt: at };
  }

  async update(
    id: number,
    baseVersion: number,
    content: ScheduleContent,
    at: number,
  ): Promise<ScheduleRecord | null> {
    const current = await this.get(id);
    // Checked before writing, so a refused write leaves nothing in the journal.
    if (!current || current.version !== baseVersion) return null;
    this.db.run(
      `UPDATE schedules SET name = ?, time_zone = ?, layers_json = ?, overrides_json = ?,
              version = version + 1, updated_at = ?
        WHERE id = ? AND version = ? AND deleted_at IS NULL`,
      [...contentParams(content), at, id, baseVersion],
    );
    return { ...current, ...content, version: baseVersion + 1, updatedAt: at };
  }

  async remove(id: number, baseVersion: number, at: number): Promise<boolean> {
    const current = await this.get(id);
    if (!current || current.version !== baseVersion) return false;
    this.db.run(
      'UPDATE schedules SET deleted_at = ?, updated_at = ? WHERE id = ? AND version = ?',
      [at, at, id, baseVersion],
    );
    return true;
  }
}
