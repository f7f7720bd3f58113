import type { Pool } from 'undici';
import { startCpuWindow, type CpuWindow } from './cpuAccounting.js';
import { fetchMetrics, metricValue } from './engineApi.js';
import {
  runClosedLoop,
  runOpenLoop,
  type BenchRequest,
  type LoadResult,
  type OpenLoopResult,
} from './loadGenerator.js';
import { AlertKeyMix, ilertAlertEvent } from './payloads.js';
import type { BenchSettings } from './settings.js';
import { StreamProbe, type StreamLatencyResult } from './streamClients.js';

/** A running engine with an alert source to send to. */
export interface IngestTarget {
  readonly url: string;
  /** The engine's process, for its CPU time. */
  readonly pid: number;
  readonly pool: Pool;
  readonly integrationKey: string;
  readonly adminToken: string;
}

/** What the engine's CPU did during a run. */
export interface EngineCpu extends CpuWindow {
  /** Engine CPU time per accepted event (user + system, all its threads). */
  readonly engineUsPerEvent: number;
}

function engineCpu(window: CpuWindow, events: number): EngineCpu {
  return { ...window, engineUsPerEvent: (window.processMs * 1000) / events };
}

/** ilert `ALERT` events, one per request, with alert keys from `mix`. */
function ilertRequests(target: IngestTarget, mix: AlertKeyMix): () => BenchRequest {
  return () => {
    const key = mix.next();
    return {
      path: '/api/events',
      body: ilertAlertEvent(target.integrationKey, key),
      items: 1,
      key,
    };
  };
}

export interface AckLatencyResult extends OpenLoopResult {
  readonly cpu: EngineCpu;
}

/**
 * A fresh engine runs its first requests on cold code (V8 has not optimised it yet, sql.js's
 * WebAssembly is still on its baseline tier): a closed-loop burst first, so that no figure
 * measures the JIT.
 */
export async function warmUp(target: IngestTarget, settings: BenchSettings): Promise<void> {
  const run = await runClosedLoop(target.pool, {
    connections: settings.connections,
    warmupMs: 0,
    durationMs: settings.warmupMs,
    expectStatus: 202,
    next: ilertRequests(target, new AlertKeyMix('warm', settings.repeatShare, 5)),
  });
  if (run.failures > 0) throw new Error(`warm-up requests failed: ${run.failureSample}`);
}

/** Ack latency: open loop at the fixed rate, each event answered 202 once fdatasync'd. */
export async function measureAckLatency(
  target: IngestTarget,
  settings: BenchSettings,
): Promise<AckLatencyResult> {
  const cpu = startCpuWindow(target.pid);
  const run = await runOpenLoop(target.pool, {
    ratePerSecond: settings.ratePerSecond,
    warmupMs: settings.warmupMs / 2,
    durationMs: settings.openLoopMs,
    expectStatus: 202,
    next: ilertRequests(target, new AlertKeyMix('ack', settings.repeatShare, 2)),
  });
  return { ...run, cpu: engineCpu(cpu(), run.allItems) };
}

export interface StreamScenarioResult {
  readonly stream: StreamLatencyResult;
  /** The senders' side of the same run. */
  readonly ack: OpenLoopResult;
  readonly cpu: EngineCpu;
}

/**
 * Event to console: consoles connected to the stream while events arrive at the fixed rate;
 * every event opens a new alert, and each client times the delta that carries it.
 */
export async function measureStreamLatency(
  target: IngestTarget,
  settings: BenchSettings,
): Promise<StreamScenarioResult> {
  const probe = await StreamProbe.connect(target.url, target.adminToken, settings.streamClients);
  try {
    const cpu = startCpuWindow(target.pid);
    const ack = await runOpenLoop(target.pool, {
      ratePerSecond: settings.ratePerSecond,
      warmupMs: settings.warmupMs / 2,
      durationMs: settings.openLoopMs,
      expectStatus: 202,
      next: ilertRequests(target, new AlertKeyMix('stream', 0, 3)),
      onSend: (req, scheduledAt, measured) => {
        if (measured && req.key) probe.expect(req.key, scheduledAt);
      },
    });
    await probe.settle(5_000);
    return { stream: probe.result(), ack, cpu: engineCpu(cpu(), ack.allItems) };
  } finally {
    await probe.close();
  }
}

export interface ThroughputResult extends LoadResult {
  /** Events that updated an open alert (de-duplicated) during the whole run, from /metrics. */
  readonly deduplicated: number;
  readonly created: number;
  /** Group commits: transactions made durable per journal flush, and a flush's mean time. */
  readonly recordsPerFlush: number;
  readonly flushMeanMs: number;
  /** Snapshots the checkpoint worker wrote meanwhile (a worker thread: its CPU counts too). */
  readonly checkpoints: number;
  readonly cpu: EngineCpu;
}

/** Durable events/s: closed loop over keep-alive connections, unique keys plus repeats. */
export async function measureThroughput(
  target: IngestTarget,
  settings: BenchSettings,
): Promise<ThroughputResult> {
  const outcome = (metrics: string, name: string) =>
    metricValue(metrics, 'nocturne_events_received_total', `format="ilert",outcome="${name}"`) || 0;
  const delta = (after: string, before: string, name: string) =>
    metricValue(after, name) - metricValue(before, name);
  const before = await fetchMetrics(target.url);
  const cpu = startCpuWindow(target.pid);
  const load = await runClosedLoop(target.pool, {
    connections: settings.connections,
    warmupMs: settings.warmupMs,
    durationMs: settings.durationMs,
    expectStatus: 202,
    next: ilertRequests(target, new AlertKeyMix('load', settings.repeatShare, 4)),
  });
  const window = cpu();
  const after = await fetchMetrics(target.url);
  const flushes = delta(after, before, 'nocturne_journal_flush_records_count');
  return {
    ...load,
    created: outcome(after, 'created') - outcome(before, 'created'),
    deduplicated: outcome(after, 'updated') - outcome(before, 'updated'),
    recordsPerFlush: delta(after, before, 'nocturne_journal_flush_records_sum') / flushes,
    flushMeanMs:
      (delta(after, before, 'nocturne_journal_flush_duration_seconds_sum') * 1000) / flushes,
    checkpoints: delta(after, before, 'nocturne_snapshots_total'),
    cpu: engineCpu(window, load.allItems),
  };
}
