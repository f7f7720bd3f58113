import type { NotificationChannel } from '../../shared/api/notificationRules.js';
import type { OutboxEntry } from '../store/repositories/outbox.js';

/** What one send of a notification came to. `detail` is for people (the alert's log). */
export type DeliveryResult =
  | { readonly outcome: 'delivered'; readonly detail: string }
  /** Nothing to send it to, and no point trying again (no console connected, no SMTP server). */
  | { readonly outcome: 'skipped'; readonly detail: string }
  | {
      readonly outcome: 'failed';
      readonly detail: string;
      /** False for errors a retry cannot fix (HTTP 4xx other than 408/429, SMTP 5xx). */
      readonly retry: boolean;
      /** What the receiver asked for (HTTP Retry-After), in ms. */
      readonly retryAfterMs?: number | null;
    };

/**
 * One way of reaching people. `send` does the I/O of one notification, outside any
 * transaction, and reports the outcome instead of throwing; it stops early when `signal`
 * aborts (the engine is stopping).
 */
export interface Channel {
  readonly name: NotificationChannel;
  send(entry: OutboxEntry, signal: AbortSignal): Promise<DeliveryResult>;
}
