import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import initSqlJs from 'sql.js';
import type { StoredSchedule } from '../../shared/api/schedules.js';
import type { User } from '../../shared/domain/user.js';
import type { ConflictView, DraftView } from '../../shared/ipc/ipcViews.js';
import { removeStaleTemps, writeFileAtomic } from '../storage/atomicFile.js';

type Database = initSqlJs.Database;
type SqlValue = initSqlJs.SqlValue;

const schema = `
CREATE TABLE IF NOT EXISTS copies (engine_id TEXT PRIMARY KEY, synced_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS schedules (
  engine_id TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, json TEXT NOT NULL,
  PRIMARY KEY (engine_id, id));
CREATE TABLE IF NOT EXISTS users (
  engine_id TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (engine_id, id));
CREATE TABLE IF NOT EXISTS drafts (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL, engine_id TEXT NOT NULL, schedule_id TEXT NOT NULL,
  kind TEXT NOT NULL, base_version INTEGER NOT NULL, payload TEXT NOT NULL, created_at TEXT NOT NULL,
  state TEXT NOT NULL, problem TEXT);
CREATE TABLE IF NOT EXISTS conflicts (
  id TEXT PRIMARY KEY, draft_id TEXT NOT NULL, engine_id TEXT NOT NULL, schedule_id TEXT NOT NULL,
  mine TEXT NOT NULL, theirs TEXT NOT NULL, detected_at TEXT NOT NULL);
`;

let sqlJs: ReturnType<typeof initSqlJs> | null = null;

/**
 * The desktop's offline planning database (docs/desktop.md, "Offline planning"): a copy of each
 * engine's schedules and users, the queue of drafts and the conflicts. sql.js keeps it in
 * memory; every change is written out whole with writeFileAtomic before the call returns, so a
 * draft the operator saw accepted survives a crash or a power cut. (The file is small — a few
 * hundred schedules — so a whole export per change is cheap; the engine's journal design is for
 * a write rate this never has.)
 */
export class PlanningDb {
  private constructor(
    private readonly db: Database,
    private readonly file: string,
  ) {}

  static async open(file: string): Promise<PlanningDb> {
    const SQL = await (sqlJs ??= initSqlJs());
    if (existsSync(dirname(file))) removeStaleTemps(file);
    const db = existsSync(file) ? new SQL.Database(readFileSync(file)) : new SQL.Database();
    db.run(schema);
    return new PlanningDb(db, file);
  }

  private rows(sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
    const result = this.db.exec(sql, params)[0];
    if (!result) return [];
    return result.values.map((values) =>
      Object.fromEntries(result.columns.map((column, i) => [column, values[i] ?? null])),
    );
  }

  /** Runs `change` in a transaction and writes the file; nothing is half-applied. */
  private write(change: () => void): void {
    this.db.run('BEGIN');
    try {
      change();
      this.db.run('COMMIT');
    } catch (error) {
      this.db.run('ROLLBACK');
      throw error;
    }
    writeFileAtomic(this.file, this.db.export());
  }

  replaceCopy(
    engineId: string,
    schedules: readonly StoredSchedule[],
    users: readonly User[],
    at: string,
  ): void {
    this.write(() => {
      this.db.run('DELETE FROM schedules WHERE engine_id = ?', [engineId]);
      this.db.run('DELETE FROM users WHERE engine_id = ?', [engineId]);
      for (const s of schedules)
        this.db.run('INSERT INTO schedules VALUES (?, ?, ?, ?)', [
          engineId,
          s.id,
          s.version,
          JSON.stringify(s),
        ]);
      for (const u of users)
        this.db.run('INSERT INTO users VALUES (?, ?, ?)', [engineId, u.id, JSON.stringify(u)]);
      this.db.run('INSERT OR REPLACE INTO copies VALUES (?, ?)', [engineId, at]);
    });
  }

  putSchedule(engineId: string, schedule: StoredSchedule): void {
    this.write(() =>
      this.db.run('INSERT OR REPLACE INTO schedules VALUES (?, ?, ?, ?)', [
        engineId,
        schedule.id,
        schedule.version,
        JSON.stringify(schedule),
      ]),
    );
  }

  schedules(engineId: string): StoredSchedule[] {
    return this.rows('SELECT json FROM schedules WHERE engine_id = ? ORDER BY id', [engineId]).map(
      (r) => JSON.parse(String(r.json)) as StoredSchedule,
    );
  }

  schedule(engineId: string, id: string): StoredSchedule | null {
    const row = this.rows('SELECT json FROM schedules WHERE engine_id = ? AND id = ?', [
      engineId,
      id,
    ])[0];
    return row ? (JSON.parse(String(row.json)) as StoredSchedule) : null;
  }

  users(engineId: string): User[] {
    return this.rows('SELECT json FROM users WHERE engine_id = ? ORDER BY id', [engineId]).map(
      (r) => JSON.parse(String(r.json)) as User,
    );
  }

  syncedAt(engineId: string): string | null {
    const row = this.rows('SELECT synced_at FROM copies WHERE engine_id = ?', [engineId])[0];
    return row ? String(row.synced_at) : null;
  }

  addDraft(draft: DraftView): void {
    this.write(() =>
      this.db.run(
        `INSERT INTO drafts VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM drafts), ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          draft.id,
          draft.engineId,
          draft.scheduleId,
          draft.kind,
          draft.baseVersion,
          JSON.stringify(draft.payload),
          draft.createdAt,
          draft.state,
          draft.problem,
        ],
      ),
    );
  }

  /** Drafts in the order they were made (the order they are pushed in). */
  drafts(engineId?: string): DraftView[] {
    const rows = engineId
      ? this.rows('SELECT * FROM drafts WHERE engine_id = ? ORDER BY seq', [engineId])
      : this.rows('SELECT * FROM drafts ORDER BY seq');
    return rows.map((r) => ({
      id: String(r.id),
      engineId: String(r.engine_id),
      scheduleId: String(r.schedule_id),
      kind: r.kind === 'schedule' ? 'schedule' : 'override',
      baseVersion: Number(r.base_version),
      payload: JSON.parse(String(r.payload)) as unknown,
      createdAt: String(r.created_at),
      state: r.state === 'conflict' ? 'conflict' : r.state === 'rejected' ? 'rejected' : 'pending',
      problem: r.problem === null ? null : String(r.problem),
    }));
  }

  draft(id: string): DraftView | null {
    return this.drafts().find((d) => d.id === id) ?? null;
  }

  updateDraft(
    id: string,
    change: { state: DraftView['state']; problem: string | null; baseVersion?: number },
  ): void {
    this.write(() => {
      this.db.run('UPDATE drafts SET state = ?, problem = ? WHERE id = ?', [
        change.state,
        change.problem,
        id,
      ]);
      if (change.baseVersion !== undefined)
        this.db.run('UPDATE drafts SET base_version = ? WHERE id = ?', [change.baseVersion, id]);
    });
  }

  /** Deletes a draft and its conflicts (pushed, discarded, or given up for theirs). */
  deleteDraft(id: string): void {
    this.write(() => {
      this.db.run('DELETE FROM conflicts WHERE draft_id = ?', [id]);
      this.db.run('DELETE FROM drafts WHERE id = ?', [id]);
    });
  }

  /** Marks the draft in conflict and keeps both sides, in one write. */
  addConflict(conflict: ConflictView): void {
    this.write(() => {
      this.db.run('DELETE FROM conflicts WHERE draft_id = ?', [conflict.draftId]);
      this.db.run('INSERT INTO conflicts VALUES (?, ?, ?, ?, ?, ?, ?)', [
        conflict.id,
        conflict.draftId,
        conflict.engineId,
        conflict.scheduleId,
        JSON.stringify(conflict.mine),
        JSON.stringify(conflict.theirs),
        conflict.detectedAt,
      ]);
      this.db.run("UPDATE drafts SET state = 'conflict', problem = ? WHERE id = ?", [
        `Schedule ${conflict.scheduleId} changed on the engine (now version ${conflict.theirs.version}): choose which to keep.`,
        conflict.draftId,
      ]);
    });
  }

  conflicts(engineId?: string): ConflictView[] {
    const rows = engineId
      ? this.rows('SELECT * FROM conflicts WHERE engine_id = ? ORDER BY detected_at', [engineId])
      : this.rows('SELECT * FROM conflicts ORDER BY detected_at');
    return rows.map((r) => ({
      id: String(r.id),
      draftId: String(r.draft_id),
      engineId: String(r.engine_id),
      scheduleId: String(r.schedule_id),
      mine: JSON.parse(String(r.mine)) as unknown,
      theirs: JSON.parse(String(r.theirs)) as StoredSchedule,
      detectedAt: String(r.detected_at),
    }));
  }

  /** "Keep mine": the draft is queued again on top of `version`, and the conflict is done. */
  requeueDraft(conflictId: string, draftId: string, version: number): void {
    this.write(() => {
      this.db.run('DELETE FROM conflicts WHERE id = ?', [conflictId]);
      this.db.run(
        "UPDATE drafts SET state = 'pending', problem = NULL, base_version = ? WHERE id = ?",
        [version, draftId],
      );
    });
  }

  conflict(id: string): ConflictView | null {
    return this.conflicts().find((c) => c.id === id) ?? null;
  }

  close(): void {
    this.db.close();
  }
}
