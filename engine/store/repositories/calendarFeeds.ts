import type { CalendarFeedKind, CalendarFeedRecord } from '../records.js';

/**
 * Secret calendar addresses (`…/calendar.ics?token=`). Only a SHA-256 hash of each secret is
 * kept; one feed per kind, subject and owner, so issuing a new secret replaces the old one
 * (PostgreSQL: `INSERT … ON CONFLICT (kind, subject_id, owner_id) DO UPDATE`).
 */
export interface CalendarFeedsReader {
  /** The feed whose secret has this hash. */
  findByHash(hash: string): Promise<CalendarFeedRecord | null>;
}

export interface CalendarFeedsRepo extends CalendarFeedsReader {
  /** Stores the secret's hash for this feed, replacing the owner's previous one. */
  upsert(
    feed: Omit<CalendarFeedRecord, 'id'> & { readonly secretHash: string },
  ): Promise<CalendarFeedRecord>;
  /** Revokes the owner's feed; false when there was none. */
  remove(kind: CalendarFeedKind, subjectId: number, ownerId: number): Promise<boolean>;
  /** Revokes every feed of a subject (the schedule was deleted). */
  removeSubject(kind: CalendarFeedKind, subjectId: number): Promise<void>;
}
