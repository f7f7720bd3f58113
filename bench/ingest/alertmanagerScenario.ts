import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { AlertmanagerPeer } from './alertmanagerPeer.js';
import { startCpuWindow, type CpuWindow } from './cpuAccounting.js';
import { createPool, runClosedLoop, type LoadResult } from './loadGenerator.js';
import { AlertKeyMix, alertmanagerV2Alerts } from './payloads.js';
import type { BenchSettings } from './settings.js';

export type AlertmanagerFigures =
  | {
      readonly skipped: null;
      readonly version: string;
      /** One alert per request: the shape of Nocturne's per-event load. */
      readonly single: LoadResult;
      readonly singleCpu: CpuWindow;
      /** The same batches of alerts as Nocturne's memory load, on a fresh Alertmanager. */
      readonly batch: LoadResult;
      readonly rssBytesAfterBatch: number;
    }
  | { readonly skipped: string };

export const notInstalled =
  'skipped: prometheus-alertmanager not installed (apt-get install prometheus-alertmanager)';

const path = '/api/v2/alerts';

/**
 * The same load through Alertmanager's own API (`POST /api/v2/alerts`, answered 200): one alert
 * per request for the same connections and duration as Nocturne's throughput run, then the
 * batch load of the memory figure. Each on a fresh, non-clustered Alertmanager.
 */
export async function measureAlertmanager(
  settings: BenchSettings,
  tempRoot: string,
  log: (line: string) => void,
): Promise<AlertmanagerFigures> {
  if (!settings.alertmanager) return { skipped: 'skipped: --no-alertmanager' };
  if (!AlertmanagerPeer.installed()) return { skipped: notInstalled };

  let am = await AlertmanagerPeer.start(mkdtempSync(join(tempRoot, 'am-single-')));
  const version = am.version;
  let single: LoadResult;
  let singleCpu: CpuWindow;
  try {
    log(`  Alertmanager ${version}: one alert per request…`);
    const mix = new AlertKeyMix('load', settings.repeatShare, 4);
    const pool = createPool(am.url, settings.connections);
    const cpu = startCpuWindow(am.pid);
    single = await runClosedLoop(pool, {
      connections: settings.connections,
      warmupMs: settings.warmupMs,
      durationMs: settings.durationMs,
      expectStatus: 200,
      next: () => ({ path, body: alertmanagerV2Alerts([mix.next()]), items: 1 }),
    });
    singleCpu = cpu();
    await pool.close();
  } finally {
    await am.stop();
  }

  am = await AlertmanagerPeer.start(mkdtempSync(join(tempRoot, 'am-batch-')));
  try {
    log(`  Alertmanager: ${settings.loadAlerts} alerts in batches of ${settings.batchSize}…`);
    let sent = 0;
    const pool = createPool(am.url, settings.connections);
    const batch = await runClosedLoop(pool, {
      connections: settings.connections,
      warmupMs: 0,
      durationMs: Number.POSITIVE_INFINITY,
      maxRequests: Math.ceil(settings.loadAlerts / settings.batchSize),
      expectStatus: 200,
      next: () => {
        const keys = Array.from({ length: settings.batchSize }, (_, i) => `batch-${sent + i}`);
        sent += settings.batchSize;
        return { path, body: alertmanagerV2Alerts(keys), items: keys.length };
      },
    });
    await pool.close();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    return {
      skipped: null,
      version,
      single,
      singleCpu,
      batch,
      rssBytesAfterBatch: am.memory().rssBytes,
    };
  } finally {
    await am.stop();
  }
}
