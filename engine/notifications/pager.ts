import type { AlertRecord, UserRecord } from '../store/records.js';
import type { WriteTx } from '../store/store.js';

/** Why someone is paged about an alert. */
export interface PageRequest {
  readonly alert: AlertRecord;
  readonly user: UserRecord;
  /** The escalation level (0-based) and round of the policy that reached this user. */
  readonly level: number;
  readonly round: number;
  /** When the alert reached the user: notification-rule delays count from here. */
  readonly at: number;
}

/** One notification a page will send (or has sent at once), for the alert's log and timeline. */
export interface PlannedNotification {
  readonly userId: number;
  readonly channel: string;
  /** When it goes out: `at` plus the rule's delay. */
  readonly dueAt: number;
}

/**
 * The boundary between escalation (who is paged, when) and notifications (how a person is
 * reached, by their own rules). Called inside the escalation step's transaction; it writes
 * outbox entries and due work only, never I/O. Notifications not yet sent when the alert stops
 * being PENDING are not sent.
 */
export interface Pager {
  pageUser(tx: WriteTx, request: PageRequest): Promise<PlannedNotification[]>;
}
