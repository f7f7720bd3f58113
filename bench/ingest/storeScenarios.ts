import { startCpuWindow } from './cpuAccounting.js';
import { createAlertSource, fetchMetrics, metricValue } from './engineApi.js';
import { EngineProcess, type EngineSpawnOptions, type ProcessMemory } from './engineProcess.js';
import { createPool, runClosedLoop, type LoadResult } from './loadGenerator.js';
import { alertmanagerWebhook } from './payloads.js';
import type { BenchSettings } from './settings.js';

/** One start of the engine on a data directory that already holds the alerts. */
export interface RestartFigures {
  readonly readyMs: number;
  readonly engineReportedMs: number | null;
  /** How the store came back: the snapshot it loaded and the journal records it replayed. */
  readonly snapshotSeq: number | null;
  readonly replayedRecords: number | null;
  /** Resident memory a little after start-up (recovery's garbage mostly collected). */
  readonly rssBytesAfterStart: number;
}

export interface StoreFigures {
  readonly rssBytesEmpty: number;
  /** Alertmanager webhook batches that loaded the alerts. */
  readonly load: LoadResult;
  /** Engine CPU time per alert loaded. */
  readonly loadEngineUsPerAlert: number;
  readonly openAlerts: number;
  readonly memory: ProcessMemory;
  readonly metricsRssBytes: number;
  /** V8 heap in use, and memory outside it (sql.js's WebAssembly memory and database file). */
  readonly heapUsedBytes: number;
  readonly externalBytes: number;
  readonly afterSigkill: RestartFigures;
  readonly shutdownMs: number;
  readonly afterSigterm: RestartFigures;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Time for the engine to go quiet after a load (group commits, a checkpoint worker) before RSS. */
const settleMs = 3_000;
const restartSettleMs = 2_000;

/** Keys `batch-<n>` in requests of `size`, until `total` alerts were sent. */
function batches(integrationKey: string, size: number) {
  let sent = 0;
  return () => {
    const keys = Array.from({ length: size }, (_, i) => `batch-${sent + i}`);
    sent += size;
    return {
      path: `/api/v1/alertmanager/${integrationKey}`,
      body: alertmanagerWebhook(keys),
      items: size,
    };
  };
}

async function restart(spawn: EngineSpawnOptions): Promise<[EngineProcess, RestartFigures]> {
  const engine = await EngineProcess.start(spawn);
  await sleep(restartSettleMs);
  return [engine, { ...engine.startup, rssBytesAfterStart: engine.memory().rssBytes }];
}

/**
 * Memory with many open alerts, then start-up on that data: after a crash (SIGKILL: the newest
 * snapshot plus a journal replay) and after a clean stop (SIGTERM writes a final snapshot).
 */
export async function measureStore(
  settings: BenchSettings,
  spawn: EngineSpawnOptions,
  log: (line: string) => void,
): Promise<StoreFigures> {
  let engine = await EngineProcess.start(spawn);
  try {
    await sleep(500);
    const rssBytesEmpty = engine.memory().rssBytes;
    const integrationKey = await createAlertSource(engine.url, spawn.adminToken, 'bench-load');
    const pool = createPool(engine.url, settings.connections);
    log(`  loading ${settings.loadAlerts} alerts in batches of ${settings.batchSize}…`);
    const cpu = startCpuWindow(engine.pid);
    const load = await runClosedLoop(pool, {
      connections: settings.connections,
      warmupMs: 0,
      durationMs: Number.POSITIVE_INFINITY,
      maxRequests: Math.ceil(settings.loadAlerts / settings.batchSize),
      expectStatus: 202,
      next: batches(integrationKey, settings.batchSize),
    });
    const loadEngineUsPerAlert = (cpu().processMs * 1000) / load.allItems;
    await pool.close();
    await sleep(settleMs);
    const metrics = await fetchMetrics(engine.url);
    const memory = engine.memory();
    const openAlerts =
      metricValue(metrics, 'nocturne_alerts', 'state="PENDING"') +
      metricValue(metrics, 'nocturne_alerts', 'state="ACCEPTED"');
    const metricsRssBytes = metricValue(metrics, 'nocturne_process_resident_memory_bytes');
    const heapUsedBytes = metricValue(metrics, 'nocturne_nodejs_heap_size_used_bytes');
    const externalBytes = metricValue(metrics, 'nocturne_nodejs_external_memory_bytes');

    log('  SIGKILL, then start again (journal replay)…');
    await engine.stop('SIGKILL');
    let afterSigkill: RestartFigures;
    [engine, afterSigkill] = await restart(spawn);

    log('  SIGTERM, then start again (snapshot load)…');
    const { ms: shutdownMs } = await engine.stop('SIGTERM');
    let afterSigterm: RestartFigures;
    [engine, afterSigterm] = await restart(spawn);
    return {
      rssBytesEmpty,
      load,
      loadEngineUsPerAlert,
      openAlerts,
      memory,
      metricsRssBytes,
      heapUsedBytes,
      externalBytes,
      afterSigkill,
      shutdownMs,
      afterSigterm,
    };
  } finally {
    await engine.stop('SIGTERM');
  }
}
