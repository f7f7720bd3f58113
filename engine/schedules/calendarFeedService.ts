import { randomBytes } from 'node:crypto';
import { hashToken } from '../auth/apiTokens.js';
import type { Clock } from '../clock.js';
import { EngineError, notFound } from '../errors.js';
import type { CalendarFeedKind, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { requireSchedule } from './scheduleTx.js';

/** Feed secrets: `ncal_` + 43 base64url characters (256 random bits). */
export const generateFeedSecret = () => `ncal_${randomBytes(32).toString('base64url')}`;

const invalidFeedSecret = () =>
  new EngineError(
    401,
    'unauthorized',
    'This calendar address is not valid: a newer address replaced it, it was revoked, or its ' +
      'owner no longer exists. Ask Nocturne for a new one (POST …/calendar-feed) and subscribe again.',
  );

/**
 * Secret calendar addresses. Calendar apps (Google Calendar, Outlook, Thunderbird) subscribe to
 * a URL and cannot send a bearer token, so the URL carries a secret instead: one per user and
 * feed, stored only as a SHA-256 hash, replaced when the user asks again and revoked on request.
 * A feed reads as its owner would; it stops working when the owner is gone.
 */
export class CalendarFeedService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** A new secret for `owner`'s feed of this schedule or user; the previous one stops working. */
  issue(
    kind: CalendarFeedKind,
    subjectId: number,
    owner: UserRecord,
  ): Promise<{ secret: string; createdAt: number }> {
    return this.store.write(async (tx) => {
      if (kind === 'schedule') await requireSchedule(tx, subjectId);
      else if (!(await tx.users.get(subjectId)))
        throw notFound('user_not_found', `User ${subjectId}`);
      const secret = generateFeedSecret();
      const createdAt = this.clock.now();
      await tx.calendarFeeds.upsert({
        kind,
        subjectId,
        ownerId: owner.id,
        secretHash: hashToken(secret),
        createdAt,
      });
      return { secret, createdAt };
    });
  }

  /** Revokes `ownerId`'s feed of this schedule or user; false when there was none. */
  revoke(kind: CalendarFeedKind, subjectId: number, ownerId: number): Promise<boolean> {
    return this.store.write((tx) => tx.calendarFeeds.remove(kind, subjectId, ownerId));
  }

  /** Checks that `secret` opens this feed; 401 when it does not (any more). */
  async verify(kind: CalendarFeedKind, subjectId: number, secret: string): Promise<void> {
    const valid = await this.store.read(async (tx) => {
      const feed = await tx.calendarFeeds.findByHash(hashToken(secret));
      if (!feed || feed.kind !== kind || feed.subjectId !== subjectId) return false;
      return (await tx.users.get(feed.ownerId)) !== null;
    });
    if (!valid) throw invalidFeedSecret();
  }
}
