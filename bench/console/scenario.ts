import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { createAlertSource } from '../ingest/engineApi.js';
import { EngineProcess } from '../ingest/engineProcess.js';
import { applyUpdates, loadAlerts, type UpdateRun } from './ingestLoad.js';
import {
  heapAfterGc,
  percentile,
  probeScript,
  readProbe,
  startFrames,
  stopFrames,
  waitForMount,
} from './pageProbe.js';
import type { ConsoleBenchSettings } from './settings.js';
import { unwatchedMount, type UnwatchedMount } from './unwatchedMount.js';

/** The figures of one run (one number of alerts). */
export interface ConsoleRun {
  readonly alerts: number;
  readonly loadAlertsMs: number;
  /**
   * Navigation start → the first frame painting the whole snapshot, in a Chromium no debugger
   * watched while it loaded (./unwatchedMount.ts): the figure the target is for.
   */
  readonly unwatched: UnwatchedMount;
  /**
   * The same in the page Playwright drives (DevTools attached: WebSocket frames cost about
   * three times as much): the first frame with the queue's rows and every alert counted.
   */
  readonly mountMs: number;
  /** Diagnostics of the mount: the stream's socket open, the snapshot's final part received. */
  readonly socketOpenMs: number;
  readonly snapshotReceivedMs: number;
  readonly longTasksDuringMount: number;
  readonly frames: number;
  readonly frameP50Ms: number;
  readonly frameP95Ms: number;
  readonly frameMaxMs: number;
  readonly longTasksDuringUpdates: number;
  readonly longestTaskMs: number;
  readonly updates: UpdateRun;
  readonly heapUsedBytes: number;
}

const credentialsScript = (engineUrl: string, token: string) =>
  `localStorage.setItem('nocturne.credentials', ${JSON.stringify(
    JSON.stringify({ engineUrl, token }),
  )});`;

/**
 * One run: a fresh engine with `alerts` open alerts, the queue opened twice (the first load warms
 * the HTTP cache, the second is measured), then updates through ingest while frames are timed.
 */
export async function runOne(
  browser: Browser,
  settings: ConsoleBenchSettings,
  alerts: number,
  tempRoot: string,
  log: (line: string) => void,
): Promise<ConsoleRun> {
  const adminToken = `noc_bench_${randomBytes(24).toString('base64url')}`;
  const engine = await EngineProcess.start({
    dataDir: mkdtempSync(join(tempRoot, `console-${alerts}-`)),
    adminToken,
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    deviceScaleFactor: 1,
    timezoneId: 'UTC',
    locale: 'en-GB',
  });
  try {
    const integrationKey = await createAlertSource(engine.url, adminToken, 'bench-console');
    log(`  loading ${alerts} alerts…`);
    const loadStarted = performance.now();
    await loadAlerts(engine.url, integrationKey, alerts, settings.seedBatch);
    const loadAlertsMs = performance.now() - loadStarted;
    await context.addInitScript(credentialsScript(engine.url, adminToken));
    await context.addInitScript(probeScript(alerts));
    const page = await context.newPage();
    const mounted = async () => {
      await page.goto(engine.url);
      await waitForMount(page, 300_000);
    };
    log('  opening the queue (warm-up), then again (measured)…');
    await mounted();
    await mounted();
    const afterMount = await readProbe(page);
    const mountMs = afterMount.mountMs!;
    const longTasksDuringMount = afterMount.longTasks.length;
    log('  opening the queue in a Chromium no debugger watches (3 loads: 2 warm-ups, measured)…');
    const unwatched = await unwatchedMount(
      engine.url,
      adminToken,
      Math.max(1000, 2 * mountMs),
      tempRoot,
    );
    if (unwatched.alerts !== alerts) {
      throw new Error(`the unwatched console's first snapshot had ${unwatched.alerts} alerts`);
    }
    log(`  ${settings.updatesPerSecond} updates/s for ${settings.updateSeconds} s…`);
    await startFrames(page);
    const updates = await applyUpdates(
      engine.url,
      integrationKey,
      alerts,
      settings.updatesPerSecond,
      settings.updateSeconds,
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // the last deltas render
    await stopFrames(page);
    const reading = await readProbe(page);
    const since = reading.recordingSinceMs ?? Number.NEGATIVE_INFINITY;
    const updateTasks = reading.longTasks.filter(([start]) => start >= since);
    const heapUsedBytes = await heapAfterGc(page);
    return {
      alerts,
      loadAlertsMs,
      unwatched,
      mountMs,
      socketOpenMs: afterMount.socketOpenMs ?? Number.NaN,
      snapshotReceivedMs: afterMount.snapshotReceivedMs ?? Number.NaN,
      longTasksDuringMount,
      frames: reading.frames.length,
      frameP50Ms: percentile(reading.frames, 50),
      frameP95Ms: percentile(reading.frames, 95),
      frameMaxMs: reading.frames.length ? Math.max(...reading.frames) : Number.NaN,
      longTasksDuringUpdates: updateTasks.length,
      longestTaskMs: updateTasks.reduce((max, [, d]) => Math.max(max, d), 0),
      updates,
      heapUsedBytes,
    };
  } finally {
    await context.close();
    await engine.stop('SIGTERM');
  }
}
