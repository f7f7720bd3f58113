import type { NotificationState } from '../../../../shared/api/notificationRules.js';
import type {
  NewOutboxEntry,
  OutboxEntry,
  OutboxMessage,
  OutboxRepo,
} from '../../repositories/outbox.js';
import type { SqlDatabase, SqlRow, SqlValue } from '../sqlDatabase.js';

const num = (v: SqlValue | undefined) => (v === null || v === undefined ? null : Number(v));
const str = (v: SqlValue | undefined) => (v === null || v === undefined ? null : String(v));

function toEntry(row: SqlRow): OutboxEntry {
  return {
    id: Number(row.id),
    kind: row.kind as OutboxEntry['kind'],
    channel: row.channel as OutboxEntry['channel'],
    userId: Number(row.user_id),
    alertId: num(row.alert_id),
    address: str(row.address),
    message: JSON.parse(String(row.message_json)) as OutboxMessage,
    idempotencyKey: String(row.idempotency_key),
    state: row.state as NotificationState,
    attempts: Number(row.attempts),
    nextAttemptAt: num(row.next_attempt_at),
    leaseOwner: str(row.lease_owner),
    leaseUntil: num(row.lease_until),
    dueAt: Number(row.due_at),
    createdAt: Number(row.created_at),
    finishedAt: num(row.finished_at),
    outcome: str(row.outcome),
  };
}

/** Finished rows keep their outcome; only what a sender needs is reset. */
const outcomeChars = 2000;

export class SqlOutboxRepo implements OutboxRepo {
  /** `onReady` wakes the dispatcher when an entry becomes sendable sooner than it planned. */
  constructor(
    private readonly db: SqlDatabase,
    private readonly onReady: (at: number) => void,
  ) {}

  async get(id: number): Promise<OutboxEntry | null> {
    const row = this.db.get('SELECT * FROM outbox WHERE id = ?', [id]);
    return row ? toEntry(row) : null;
  }

  async listByUser(userId: number, limit: number): Promise<OutboxEntry[]> {
    return this.db
      .all('SELECT * FROM outbox WHERE user_id = ? ORDER BY id DESC LIMIT ?', [userId, limit])
      .map(toEntry);
  }

  async listByAlert(alertId: number): Promise<OutboxEntry[]> {
    return this.db
      .all('SELECT * FROM outbox WHERE alert_id = ? ORDER BY id', [alertId])
      .map(toEntry);
  }

  async nextWakeAt(): Promise<number | null> {
    const row = this.db.get(
      `SELECT min(t) AS t FROM (
         SELECT min(next_attempt_at) AS t FROM outbox WHERE state = 'pending'
         UNION ALL SELECT min(lease_until) AS t FROM outbox WHERE state = 'sending')`,
    );
    return num(row?.t);
  }

  async countByState(): Promise<Record<NotificationState, number>> {
    const counts: Record<NotificationState, number> = {
      pending: 0,
      sending: 0,
      delivered: 0,
      failed: 0,
      skipped: 0,
    };
    for (const row of this.db.all('SELECT state, count(*) AS n FROM outbox GROUP BY state')) {
      counts[row.state as NotificationState] = Number(row.n);
    }
    return counts;
  }

  async enqueue(entry: NewOutboxEntry): Promise<OutboxEntry | null> {
    const row = this.db.runReturning(
      `INSERT INTO outbox (kind, channel, user_id, alert_id, address, message_json, idempotency_key,
         state, attempts, next_attempt_at, due_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING *`,
      [
        entry.kind,
        entry.channel,
        entry.userId,
        entry.alertId,
        entry.address,
        JSON.stringify(entry.message),
        entry.idempotencyKey,
        entry.nextAttemptAt,
        entry.dueAt,
        entry.createdAt,
      ],
    );
    if (!row) return null;
    this.onReady(entry.nextAttemptAt);
    return toEntry(row);
  }

  async claim(
    now: number,
    owner: string,
    leaseUntil: number,
    limit: number,
  ): Promise<OutboxEntry[]> {
    // Two index range scans (pending by time, leases by end) rather than one OR over both.
    const ids = this.db
      .all(
        `SELECT id, t FROM (
           SELECT id, next_attempt_at AS t FROM outbox
             WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?)
         UNION ALL SELECT id, t FROM (
           SELECT id, lease_until AS t FROM outbox
             WHERE state = 'sending' AND lease_until <= ? ORDER BY lease_until, id LIMIT ?)
         ORDER BY t, id LIMIT ?`,
        [now, limit, now, limit, limit],
      )
      .map((row) => Number(row.id));
    const claimed: OutboxEntry[] = [];
    for (const id of ids) {
      const row = this.db.runReturning(
        `UPDATE outbox SET state = 'sending', attempts = attempts + 1, lease_owner = ?,
           lease_until = ?, next_attempt_at = NULL WHERE id = ? RETURNING *`,
        [owner, leaseUntil, id],
      );
      if (row) claimed.push(toEntry(row));
    }
    return claimed;
  }

  async releaseLeases(now: number): Promise<number> {
    this.db.run(
      `UPDATE outbox SET state = 'pending', next_attempt_at = ?, lease_owner = NULL,
         lease_until = NULL WHERE state = 'sending'`,
      [now],
    );
    return this.db.changes();
  }

  async finish(
    id: number,
    owner: string,
    state: Extract<NotificationState, 'delivered' | 'failed' | 'skipped'>,
    at: number,
    outcome: string,
  ): Promise<boolean> {
    this.db.run(
      `UPDATE outbox SET state = ?, finished_at = ?, outcome = ?, lease_owner = NULL,
         lease_until = NULL, next_attempt_at = NULL
       WHERE id = ? AND state = 'sending' AND lease_owner = ?`,
      [state, at, outcome.slice(0, outcomeChars), id, owner],
    );
    return this.db.changes() > 0;
  }

  async retryLater(
    id: number,
    owner: string,
    nextAttemptAt: number,
    outcome: string,
  ): Promise<boolean> {
    this.db.run(
      `UPDATE outbox SET state = 'pending', next_attempt_at = ?, outcome = ?, lease_owner = NULL,
         lease_until = NULL WHERE id = ? AND state = 'sending' AND lease_owner = ?`,
      [nextAttemptAt, outcome.slice(0, outcomeChars), id, owner],
    );
    const changed = this.db.changes() > 0;
    if (changed) this.onReady(nextAttemptAt);
    return changed;
  }

  async prune(before: number): Promise<number> {
    this.db.run('DELETE FROM outbox WHERE finished_at IS NOT NULL AND finished_at < ?', [before]);
    return this.db.changes();
  }
}
