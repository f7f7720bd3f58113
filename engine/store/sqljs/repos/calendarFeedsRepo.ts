import type { CalendarFeedKind, CalendarFeedRecord } from '../../records.js';
import type { CalendarFeedsRepo } from '../../store.js';
import type { SqlDatabase, SqlRow } from '../sqlDatabase.js';

function toFeed(row: SqlRow): CalendarFeedRecord {
  return {
    id: Number(row.id),
    kind: row.kind as CalendarFeedKind,
    subjectId: Number(row.subject_id),
    ownerId: Number(row.owner_id),
    createdAt: Number(row.created_at),
  };
}

export class SqlCalendarFeedsRepo implements CalendarFeedsRepo {
  constructor(private readonly db: SqlDatabase) {}

  async findByHash(hash: string): Promise<CalendarFeedRecord | null> {
    const row = this.db.get('SELECT * FROM calendar_feeds WHERE secret_hash = ?', [hash]);
    return row ? toFeed(row) : null;
  }

  async upsert(
    feed: Omit<CalendarFeedRecord, 'id'> & { readonly secretHash: string },
  ): Promise<CalendarFeedRecord> {
    const row = this.db.runReturning(
      `INSERT INTO calendar_feeds (kind, subject_id, owner_id, secret_hash, created_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (kind, subject_id, owner_id)
       DO UPDATE SET secret_hash = excluded.secret_hash, created_at = excluded.created_at
       RETURNING id`,
      [feed.kind, feed.subjectId, feed.ownerId, feed.secretHash, feed.createdAt],
    );
    return {
      id: Number(row?.id),
      kind: feed.kind,
      subjectId: feed.subjectId,
      ownerId: feed.ownerId,
      createdAt: feed.createdAt,
    };
  }

  async remove(kind: CalendarFeedKind, subjectId: number, ownerId: number): Promise<boolean> {
    const found = this.db.get(
      'SELECT id FROM calendar_feeds WHERE kind = ? AND subject_id = ? AND owner_id = ?',
      [kind, subjectId, ownerId],
    );
    if (!found) return false;
    this.db.run('DELETE FROM calendar_feeds WHERE id = ?', [Number(found.id)]);
    return true;
  }

  async removeSubject(kind: CalendarFeedKind, subjectId: number): Promise<void> {
    if (
      !this.db.get('SELECT 1 AS x FROM calendar_feeds WHERE kind = ? AND subject_id = ?', [
        kind,
        subjectId,
      ])
    )
      return;
    this.db.run('DELETE FROM calendar_feeds WHERE kind = ? AND subject_id = ?', [kind, subjectId]);
  }
}
