import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { NotificationChannel, NotificationState } from '../../shared/api/notificationRules.js';

/** Every outcome a send (or a decision not to send) is counted under. */
export type NotificationOutcome = 'delivered' | 'retrying' | 'failed' | 'skipped';

/**
 * Notification metrics, on the engine's registry (GET /metrics): outcomes by channel, delivery
 * latency, and the outbox by state.
 */
export class NotificationMetrics {
  private readonly outcomes: Counter<'channel' | 'outcome'>;
  private readonly latency: Histogram<'channel'>;

  constructor(registry: Registry, countOutbox: () => Promise<Record<NotificationState, number>>) {
    this.outcomes = new Counter({
      name: 'nocturne_notifications_total',
      help: 'Notifications by channel (console, email, webhook) and outcome: delivered; retrying (a send failed, another follows); failed (given up, or not retryable); skipped (not sent: the alert was no longer pending, no console connected, email not set up …).',
      labelNames: ['channel', 'outcome'] as const,
      registers: [registry],
    });
    this.latency = new Histogram({
      name: 'nocturne_notification_delivery_seconds',
      help: 'From when a notification was due (the page plus its rule delay) to its delivery, retries included.',
      labelNames: ['channel'] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
      registers: [registry],
    });
    new Gauge({
      name: 'nocturne_outbox_entries',
      help: 'Notifications in the outbox by state (finished ones are kept 14 days).',
      labelNames: ['state'] as const,
      registers: [registry],
      async collect() {
        // A failing store must not take /metrics down: the gauge just goes stale.
        const counts = await countOutbox().catch(() => null);
        for (const [state, n] of Object.entries(counts ?? {})) this.set({ state }, n);
      },
    });
  }

  count(channel: NotificationChannel, outcome: NotificationOutcome): void {
    this.outcomes.inc({ channel, outcome });
  }

  delivered(channel: NotificationChannel, seconds: number): void {
    this.latency.observe({ channel }, Math.max(0, seconds));
  }
}
