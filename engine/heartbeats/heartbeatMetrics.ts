import { Counter, Gauge, type Registry } from 'prom-client';

/** How a ping went: counted once it is durable (an unknown key: when it is refused). */
export type PingOutcome = 'up' | 'recovered' | 'paused' | 'unknown_key';

/**
 * Heartbeat metrics on the engine's registry (GET /metrics): pings by outcome, monitors that
 * went overdue, and monitors by status.
 */
export class HeartbeatMetrics {
  private readonly pings: Counter<'outcome'>;
  private readonly overdue: Counter;

  constructor(registry: Registry, countByStatus: () => Promise<Record<string, number>>) {
    this.pings = new Counter({
      name: 'nocturne_heartbeat_pings_total',
      help: 'Heartbeat pings by outcome: up (on time, or the first), recovered (resolved the overdue alert), paused (the monitor is paused; recorded only), unknown_key (404).',
      labelNames: ['outcome'] as const,
      registers: [registry],
    });
    this.overdue = new Counter({
      name: 'nocturne_heartbeat_overdue_total',
      help: 'Times a heartbeat monitor went overdue (no ping within its interval and grace) and opened an alert.',
      registers: [registry],
    });
    new Gauge({
      name: 'nocturne_heartbeat_monitors',
      help: 'Heartbeat monitors by status (pending, up, overdue, paused).',
      labelNames: ['status'] as const,
      registers: [registry],
      async collect() {
        // A failing store must not take /metrics down: the gauge just goes stale.
        const counts = await countByStatus().catch(() => null);
        for (const [status, n] of Object.entries(counts ?? {})) this.set({ status }, n);
      },
    });
  }

  ping(outcome: PingOutcome): void {
    this.pings.inc({ outcome });
  }

  wentOverdue(): void {
    this.overdue.inc();
  }
}
