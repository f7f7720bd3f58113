import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AlertState } from '../../shared/domain/alert.js';

/** What the engine reports at `GET /metrics` (Prometheus text format). One registry per engine. */
export class EngineMetrics {
  readonly registry = new Registry();

  readonly eventsReceived = new Counter({
    name: 'nocturne_events_received_total',
    help: 'Inbound events by format (ilert, pagerduty, alertmanager) and outcome (created, updated, accepted, resolved, commented, unchanged, dropped, rejected, rate_limited).',
    labelNames: ['format', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly ingestLatency = new Histogram({
    name: 'nocturne_ingest_duration_seconds',
    help: 'From an inbound request arriving to its answer (for accepted events: once durable).',
    labelNames: ['format'] as const,
    buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly journalFlush = new Histogram({
    name: 'nocturne_journal_flush_duration_seconds',
    help: 'One group commit: write and fdatasync of the journal.',
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  readonly journalFlushRecords = new Histogram({
    name: 'nocturne_journal_flush_records',
    help: 'Transactions made durable by one group commit.',
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 1000],
    registers: [this.registry],
  });

  readonly checkpoints = new Counter({
    name: 'nocturne_snapshots_total',
    help: 'Snapshots written by the checkpoint worker.',
    registers: [this.registry],
  });

  readonly streamClients = new Gauge({
    name: 'nocturne_stream_clients',
    help: 'Consoles connected to the stream.',
    registers: [this.registry],
  });

  readonly streamDisconnects = new Counter({
    name: 'nocturne_stream_disconnects_total',
    help: 'Console connections closed by the engine, by reason (slow_consumer, hello_timeout, protocol_error, unresponsive).',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly workLag = new Histogram({
    name: 'nocturne_work_lag_seconds',
    help: 'From the due time of durable work (escalation steps, timeouts, retries) to its commit, by kind.',
    labelNames: ['kind'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 60],
    registers: [this.registry],
  });

  readonly httpRequests = new Counter({
    name: 'nocturne_http_requests_total',
    help: 'HTTP answers by route and status code.',
    labelNames: ['route', 'status'] as const,
    registers: [this.registry],
  });

  constructor(countAlerts: () => Promise<Record<AlertState, number>>) {
    new Gauge({
      name: 'nocturne_alerts',
      help: 'Alerts by state.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      async collect() {
        // A failing store must not take /metrics down with it: the gauge just goes stale.
        const counts = await countAlerts().catch(() => null);
        for (const [state, n] of Object.entries(counts ?? {})) this.set({ state }, n);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'nocturne_' });
  }
}
