import type { MaintenanceWindowsRepo } from '../../store.js';
import type { MaintenanceWindowContent, MaintenanceWindowRecord } from '../../records.js';
import type { SqlDatabase, SqlRow } from '../sqlDatabase.js';

export class SqlMaintenanceWindowsRepo implements MaintenanceWindowsRepo {
  /**
   * Every new alert asks which windows cover its source: keep the answers. Any change to any
   * window, and any rollback, forgets them all (windows change rarely).
   */
  private readonly bySource = new Map<number, MaintenanceWindowRecord[]>();

  constructor(private readonly db: SqlDatabase) {
    db.onRollback(() => this.bySource.clear());
  }

  async get(id: number): Promise<MaintenanceWindowRecord | null> {
    const row = this.db.get('SELECT * FROM maintenance_windows WHERE id = ?', [id]);
    return row ? this.withSources(row) : null;
  }

  async list(): Promise<MaintenanceWindowRecord[]> {
    // Two queries instead of one per window: a snapshot lists every window.
    const sources = new Map<number, number[]>();
    for (const row of this.db.all(
      'SELECT * FROM maintenance_window_sources ORDER BY window_id, alert_source_id',
    )) {
      const windowId = Number(row.window_id);
      let list = sources.get(windowId);
      if (!list) sources.set(windowId, (list = []));
      list.push(Number(row.alert_source_id));
    }
    return this.db
      .all('SELECT * FROM maintenance_windows ORDER BY id')
      .map((row) => toWindow(row, sources.get(Number(row.id)) ?? []));
  }

  async listBySource(alertSourceId: number): Promise<MaintenanceWindowRecord[]> {
    const cached = this.bySource.get(alertSourceId);
    if (cached) return cached;
    const windows = this.db
      .all(
        'SELECT w.* FROM maintenance_windows w JOIN maintenance_window_sources s ON s.window_id = w.id WHERE s.alert_source_id = ? ORDER BY w.id',
        [alertSourceId],
      )
      .map((row) => this.withSources(row));
    this.bySource.set(alertSourceId, windows);
    return windows;
  }

  async insert(content: MaintenanceWindowContent, at: number): Promise<MaintenanceWindowRecord> {
    this.bySource.clear();
    const row = this.db.runReturning(
      'INSERT INTO maintenance_windows (name, schedule_json, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id',
      [content.name, JSON.stringify(content.schedule), at, at],
    );
    const id = Number(row?.id);
    this.setSources(id, content.alertSourceIds);
    return this.require(id);
  }

  async update(
    id: number,
    content: MaintenanceWindowContent,
    at: number,
  ): Promise<MaintenanceWindowRecord> {
    this.bySource.clear();
    this.db.run(
      'UPDATE maintenance_windows SET name = ?, schedule_json = ?, updated_at = ? WHERE id = ?',
      [content.name, JSON.stringify(content.schedule), at, id],
    );
    this.setSources(id, content.alertSourceIds);
    return this.require(id);
  }

  async removeSourceEverywhere(
    alertSourceId: number,
    at: number,
  ): Promise<MaintenanceWindowRecord[]> {
    this.bySource.clear();
    const ids = this.db
      .all(
        'SELECT window_id FROM maintenance_window_sources WHERE alert_source_id = ? ORDER BY window_id',
        [alertSourceId],
      )
      .map((row) => Number(row.window_id));
    if (ids.length === 0) return [];
    this.db.run('DELETE FROM maintenance_window_sources WHERE alert_source_id = ?', [
      alertSourceId,
    ]);
    const changed: MaintenanceWindowRecord[] = [];
    for (const id of ids) {
      this.db.run('UPDATE maintenance_windows SET updated_at = ? WHERE id = ?', [at, id]);
      changed.push(await this.require(id));
    }
    return changed;
  }

  async remove(id: number): Promise<void> {
    this.bySource.clear();
    this.db.run('DELETE FROM maintenance_window_sources WHERE window_id = ?', [id]);
    this.db.run('DELETE FROM maintenance_windows WHERE id = ?', [id]);
  }

  private setSources(id: number, sourceIds: readonly number[]): void {
    this.db.run('DELETE FROM maintenance_window_sources WHERE window_id = ?', [id]);
    for (const sourceId of sourceIds) {
      this.db.run(
        'INSERT INTO maintenance_window_sources (window_id, alert_source_id) VALUES (?, ?)',
        [id, sourceId],
      );
    }
  }

  private async require(id: number): Promise<MaintenanceWindowRecord> {
    const window = await this.get(id);
    if (!window) throw new Error(`maintenance window ${id} does not exist`);
    return window;
  }

  private withSources(row: SqlRow): MaintenanceWindowRecord {
    const sources = this.db
      .all(
        'SELECT alert_source_id FROM maintenance_window_sources WHERE window_id = ? ORDER BY alert_source_id',
        [Number(row.id)],
      )
      .map((r) => Number(r.alert_source_id));
    return toWindow(row, sources);
  }
}

function toWindow(row: SqlRow, alertSourceIds: number[]): MaintenanceWindowRecord {
  return {
    id: Number(row.id),
    name: String(row.name),
    alertSourceIds,
    schedule: JSON.parse(String(row.schedule_json)) as MaintenanceWindowRecord['schedule'],
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
