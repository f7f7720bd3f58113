import type { AlertPriority } from '../../../shared/domain/alert.js';
import type {
  NotificationChannel,
  NotificationKind,
  NotificationState,
} from '../../../shared/api/notificationRules.js';

/** What a notification says, fixed when it enters the outbox. */
export interface OutboxMessage {
  readonly title: string;
  /** Plain text; channels format it their own way. */
  readonly body: string;
  readonly priority: AlertPriority;
  /** Where a person looks at it (the alert in the console); null: nowhere in particular. */
  readonly link: string | null;
  /** The rule that asked for it (gone rules skip on-call notices). */
  readonly ruleId: number | null;
  /** On-call notices: the schedule and the start of the shift, checked again before sending. */
  readonly scheduleId: number | null;
  readonly shiftStartsAt: number | null;
}

/**
 * One notification in the persistent outbox (docs/notifications.md, "The outbox"): written in
 * the transaction that decided it, sent after by the dispatcher, which leases it while sending
 * so that a crash mid-send retries it (at least once; `idempotencyKey` lets receivers drop a
 * repeat).
 */
export interface OutboxEntry {
  readonly id: number;
  readonly kind: NotificationKind;
  readonly channel: NotificationChannel;
  readonly userId: number;
  readonly alertId: number | null;
  /** Email address or webhook URL; null for the console. */
  readonly address: string | null;
  readonly message: OutboxMessage;
  /** Unique: a second entry with the same key is never made. */
  readonly idempotencyKey: string;
  readonly state: NotificationState;
  /** Sends begun (a claim counts, so a send that crashed the engine counts too). */
  readonly attempts: number;
  /** When it may be sent (next); null once finished. */
  readonly nextAttemptAt: number | null;
  /** Who is sending it, until when (state `sending`). */
  readonly leaseOwner: string | null;
  readonly leaseUntil: number | null;
  /** When it was meant to go out: delivery latency counts from here. */
  readonly dueAt: number;
  readonly createdAt: number;
  readonly finishedAt: number | null;
  /** The last outcome in words ("250 2.0.0 OK", "HTTP 503: …", "no console connected"). */
  readonly outcome: string | null;
}

export type NewOutboxEntry = Pick<
  OutboxEntry,
  | 'kind'
  | 'channel'
  | 'userId'
  | 'alertId'
  | 'address'
  | 'message'
  | 'idempotencyKey'
  | 'dueAt'
  | 'createdAt'
> & { readonly nextAttemptAt: number };

export interface OutboxReader {
  get(id: number): Promise<OutboxEntry | null>;
  /** A user's notifications, newest first. */
  listByUser(userId: number, limit: number): Promise<OutboxEntry[]>;
  /** An alert's notifications, oldest first. */
  listByAlert(alertId: number): Promise<OutboxEntry[]>;
  /** The earliest time something becomes sendable: a pending entry's, or a lease's end. */
  nextWakeAt(): Promise<number | null>;
  countByState(): Promise<Record<NotificationState, number>>;
}

export interface OutboxRepo extends OutboxReader {
  /** Adds an entry, unless one with its idempotency key exists: then null, nothing changes. */
  enqueue(entry: NewOutboxEntry): Promise<OutboxEntry | null>;
  /**
   * Up to `limit` entries that may be sent at `now` (pending and due, or leased by a sender whose
   * lease ran out), oldest first, leased to `owner` until `leaseUntil` and counted as an attempt.
   * (PostgreSQL: `… FOR UPDATE SKIP LOCKED`.)
   */
  claim(now: number, owner: string, leaseUntil: number, limit: number): Promise<OutboxEntry[]>;
  /** Makes every leased entry pending again, sendable at `now` (the senders are known dead). */
  releaseLeases(now: number): Promise<number>;
  /** Ends a leased entry (`delivered`, `failed`, `skipped`); false if `owner` lost the lease. */
  finish(
    id: number,
    owner: string,
    state: Extract<NotificationState, 'delivered' | 'failed' | 'skipped'>,
    at: number,
    outcome: string,
  ): Promise<boolean>;
  /** Makes a leased entry pending again, sendable at `nextAttemptAt`; false if not `owner`'s. */
  retryLater(id: number, owner: string, nextAttemptAt: number, outcome: string): Promise<boolean>;
  /** Forgets finished entries older than `before`; returns how many went. */
  prune(before: number): Promise<number>;
}
