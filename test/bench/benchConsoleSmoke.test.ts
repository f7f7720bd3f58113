import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../bench/ingest/engineProcess.js';
import { percentile } from '../../bench/console/pageProbe.js';
import { figures, renderTable } from '../../bench/console/report.js';
import { chromiumPath } from '../../bench/console/chromium.js';
import { runConsoleBench } from '../../bench/console/run.js';
import { BenchUsageError, parseBenchArgs } from '../../bench/console/settings.js';

// The benchmark drives the built engine and console (dist/); `npm test` builds first.
const built =
  existsSync(join(projectRoot(), 'dist', 'engine', 'cli', 'main.js')) &&
  existsSync(join(projectRoot(), 'dist', 'renderer', 'index.html'));

describe('console benchmark settings', () => {
  it('reads sizes, rate and duration, and refuses nonsense', () => {
    expect(parseBenchArgs([])).toMatchObject({
      alertCounts: [1_000, 10_000, 50_000],
      updatesPerSecond: 1_000,
      updateSeconds: 10,
    });
    expect(parseBenchArgs(['--alerts', '300, 600', '--rate', '50'])).toMatchObject({
      alertCounts: [300, 600],
      updatesPerSecond: 50,
    });
    expect(() => parseBenchArgs(['--alerts', '0'])).toThrow(BenchUsageError);
    expect(parseBenchArgs(['--help'])).toBeNull();
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
  });
});

/** `npm run bench:console` in miniature: every figure is produced; never how fast. */
describe.skipIf(!built || !existsSync(chromiumPath))('console benchmark', () => {
  it('mounts the queue, times frames under updates and reads the heap', async () => {
    const settings = {
      ...parseBenchArgs(['--alerts', '300', '--rate', '100', '--duration', '1'])!,
    };
    const runs = await runConsoleBench(settings, () => undefined);
    expect(runs).toHaveLength(1);
    const [run] = runs;
    expect(run!.mountMs).toBeGreaterThan(0);
    expect(run!.unwatched).toMatchObject({ alerts: 300 });
    expect(run!.unwatched.mountMs).toBeGreaterThan(run!.unwatched.domContentLoadedMs);
    // Where the mount went: every phase of renderer/startupPhases.ts, in the order they must come.
    const phases = run!.unwatched.phasesMs;
    expect(Object.keys(phases).sort()).toEqual([
      'bundle-ran',
      'early-script',
      'first-data-frame',
      'first-render',
      'first-stream-data',
      'snapshot-read',
      'stream-live',
    ]);
    expect(phases['early-script']).toBeLessThan(phases['bundle-ran']!);
    expect(phases['bundle-ran']).toBeLessThan(phases['first-render']!);
    expect(phases['first-stream-data']).toBeLessThanOrEqual(phases['snapshot-read']!);
    expect(phases['snapshot-read']).toBeLessThanOrEqual(phases['stream-live']!);
    // The mount is when the frame painting the snapshot is done, never before the data came.
    expect(phases['stream-live']).toBeLessThanOrEqual(phases['first-data-frame']!);
    expect(run!.unwatched.mountMs).toBe(phases['first-data-frame']);
    expect(run!.snapshotReceivedMs).toBeGreaterThan(0);
    expect(run!.frames).toBeGreaterThan(0);
    expect(run!.updates.sent).toBe(100);
    expect(run!.heapUsedBytes).toBeGreaterThan(0);
    const line = figures(runs, settings, 1);
    expect(line).toMatchObject({
      benchmark: 'console',
      updatesPerSecond: 100,
      updatesSentAt300: 100,
    });
    expect(typeof line.mountMsAt300).toBe('number');
    expect(typeof line.phaseFirstStreamDataMsAt300).toBe('number');
    expect(typeof line.frameP95MsAt300).toBe('number');
    expect(typeof line.heapUsedMBAt300).toBe('number');
    expect(renderTable(runs, settings, 1)).toContain('300 alerts');
  }, 120_000);
});
