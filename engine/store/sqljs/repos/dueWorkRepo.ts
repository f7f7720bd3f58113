import type { DueWork, DueWorkRepo, NewDueWork } from '../../repositories/dueWork.js';
import type { SqlDatabase, SqlRow } from '../sqlDatabase.js';

function toWork(row: SqlRow): DueWork {
  return {
    id: Number(row.id),
    kind: String(row.kind),
    subject: String(row.subject),
    dueAt: Number(row.due_at),
    payload: JSON.parse(String(row.payload_json)) as unknown,
    attempts: Number(row.attempts),
    createdAt: Number(row.created_at),
  };
}

export class SqlDueWorkRepo implements DueWorkRepo {
  /** `onScheduled` wakes the work runner when new work is due sooner than it planned. */
  constructor(
    private readonly db: SqlDatabase,
    private readonly onScheduled: (dueAt: number) => void,
  ) {}

  async nextDueAt(): Promise<number | null> {
    const row = this.db.get("SELECT min(due_at) AS due FROM due_work WHERE state = 'pending'");
    return row?.due === null || row?.due === undefined ? null : Number(row.due);
  }

  async listPending(subject: string): Promise<DueWork[]> {
    return this.db
      .all("SELECT * FROM due_work WHERE subject = ? AND state = 'pending' ORDER BY due_at, id", [
        subject,
      ])
      .map(toWork);
  }

  async countPending(): Promise<number> {
    return Number(
      this.db.get("SELECT count(*) AS n FROM due_work WHERE state = 'pending'")?.n ?? 0,
    );
  }

  async schedule(work: NewDueWork, at: number): Promise<DueWork> {
    const row = this.db.runReturning(
      "INSERT INTO due_work (kind, subject, due_at, payload_json, state, attempts, created_at) VALUES (?, ?, ?, ?, 'pending', 0, ?) RETURNING id",
      [work.kind, work.subject, work.dueAt, JSON.stringify(work.payload ?? null), at],
    );
    this.onScheduled(work.dueAt);
    return { ...work, id: Number(row?.id), attempts: 0, createdAt: at };
  }

  async claimNext(now: number): Promise<DueWork | null> {
    const row = this.db.get(
      "SELECT * FROM due_work WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT 1",
      [now],
    );
    return row ? toWork(row) : null;
  }

  async complete(id: number, at: number): Promise<void> {
    this.db.run("UPDATE due_work SET state = 'done', finished_at = ? WHERE id = ?", [at, id]);
  }

  async cancel(subject: string, kinds: readonly string[] | null, at: number): Promise<number> {
    const kindFilter = kinds ? ` AND kind IN (${kinds.map(() => '?').join(', ')})` : '';
    this.db.run(
      `UPDATE due_work SET state = 'cancelled', finished_at = ? WHERE subject = ? AND state = 'pending'${kindFilter}`,
      [at, subject, ...(kinds ?? [])],
    );
    return this.db.changes();
  }

  async retry(id: number, dueAt: number, error: string): Promise<void> {
    this.db.run(
      'UPDATE due_work SET attempts = attempts + 1, due_at = ?, last_error = ? WHERE id = ?',
      [dueAt, error.slice(0, 2000), id],
    );
    this.onScheduled(dueAt);
  }

  async fail(id: number, error: string, at: number): Promise<void> {
    this.db.run(
      "UPDATE due_work SET state = 'failed', attempts = attempts + 1, finished_at = ?, last_error = ? WHERE id = ?",
      [at, error.slice(0, 2000), id],
    );
  }

  async prune(before: number): Promise<number> {
    this.db.run("DELETE FROM due_work WHERE state <> 'pending' AND finished_at < ?", [before]);
    return this.db.changes();
  }
}
