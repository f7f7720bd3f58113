import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertSource } from '../../bench/ingest/engineApi.js';
import { EngineProcess, projectRoot } from '../../bench/ingest/engineProcess.js';
import {
  measureAckLatency,
  measureStreamLatency,
  measureThroughput,
  type IngestTarget,
} from '../../bench/ingest/engineScenarios.js';
import { figures, type BenchResults } from '../../bench/ingest/figures.js';
import { percentile } from '../../bench/ingest/latency.js';
import { createPool, type LoadResult } from '../../bench/ingest/loadGenerator.js';
import { AlertKeyMix } from '../../bench/ingest/payloads.js';
import { renderTable } from '../../bench/ingest/report.js';
import { parseBenchArgs, type BenchSettings } from '../../bench/ingest/settings.js';
import { notInstalled } from '../../bench/ingest/alertmanagerScenario.js';

// The benchmark drives the built engine (bin/nocturne.js runs dist/); `npm test` builds first.
const built = existsSync(join(projectRoot(), 'dist', 'engine', 'cli', 'main.js'));
const adminToken = 'noc_bench-smoke-token-0123456789abcdef';

/** Tiny runs: these tests check that every figure is produced, never how fast anything was. */
const tiny: BenchSettings = {
  ...parseBenchArgs(['--quick', '--no-alertmanager'])!,
  connections: 4,
  warmupMs: 100,
  durationMs: 400,
  ratePerSecond: 200,
  openLoopMs: 500,
  streamClients: 2,
};

describe('benchmark helpers', () => {
  it('reports a percentile some sample really had (nearest rank)', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile(new Float64Array(0), 50)).toBeNaN();
  });

  it('mixes new alert keys with repeats of recent ones, the same way every run', () => {
    const keys = (mix: AlertKeyMix) => Array.from({ length: 1000 }, () => mix.next());
    const first = keys(new AlertKeyMix('k', 0.1, 7));
    expect(keys(new AlertKeyMix('k', 0.1, 7))).toEqual(first);
    const repeats = first.length - new Set(first).size;
    expect(repeats).toBeGreaterThan(50);
    expect(repeats).toBeLessThan(150);
  });
});

describe.skipIf(!built)('benchmark against a real engine', () => {
  let engine: EngineProcess;
  let target: IngestTarget;
  const dataDir = mkdtempSync(join(tmpdir(), 'nocturne-bench-smoke-'));

  beforeAll(async () => {
    engine = await EngineProcess.start({ dataDir, adminToken });
    target = {
      url: engine.url,
      pid: engine.pid,
      pool: createPool(engine.url, tiny.connections),
      integrationKey: await createAlertSource(engine.url, adminToken, 'smoke'),
      adminToken,
    };
  });

  afterAll(async () => {
    await target?.pool.close();
    await engine?.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('produces every figure, and the JSON line parses', async () => {
    const stream = await measureStreamLatency(target, tiny);
    expect(stream.stream.missed).toBe(0);
    expect(stream.stream.latency.count).toBeGreaterThan(0);
    const ack = await measureAckLatency(target, tiny);
    expect(ack.failures).toBe(0);
    const throughput = await measureThroughput(target, tiny);
    expect(throughput.failures).toBe(0);
    expect(throughput.requests).toBeGreaterThan(0);
    expect(throughput.created).toBeGreaterThan(0);

    const load: LoadResult = { ...throughput };
    const restart = {
      readyMs: 1,
      engineReportedMs: 1,
      snapshotSeq: 1,
      replayedRecords: 0,
      rssBytesAfterStart: 1,
    };
    const results: BenchResults = {
      engineVersion: 'test',
      settings: tiny,
      cpus: 2,
      loadAverageAtStart: 0,
      throughput,
      ack,
      stream,
      store: {
        rssBytesEmpty: 1,
        load,
        loadEngineUsPerAlert: 1,
        openAlerts: 1,
        memory: engine.memory(),
        metricsRssBytes: 1,
        heapUsedBytes: 1,
        externalBytes: 1,
        afterSigkill: restart,
        shutdownMs: 1,
        afterSigterm: restart,
      },
      alertmanager: { skipped: notInstalled },
    };
    const line = JSON.stringify(figures(results));
    expect(line).not.toContain('\n');
    const parsed = JSON.parse(line) as Record<string, unknown>;
    for (const name of [
      'durableEventsPerSecond',
      'ackLatencyP50Ms',
      'ackLatencyP99Ms',
      'streamLatencyP50Ms',
      'streamLatencyP99Ms',
      'rssMbWithOpenAlerts',
      'metricsRssMbWithOpenAlerts',
      'startupMsAfterSigterm',
      'startupMsAfterSigkill',
      'engineCpuUsPerEvent',
    ]) {
      expect(typeof parsed[name], name).toBe('number');
    }
    expect(parsed.alertmanagerEventsPerSecond).toBeNull();
    expect(renderTable(results)).toContain(notInstalled);
  });
});
