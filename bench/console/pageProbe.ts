import type { Page } from 'playwright';

/**
 * What the benchmark measures inside the page, installed before any of the console's scripts
 * (`page.addInitScript`). Times are `performance.now()`: milliseconds since navigation start.
 *
 * - mount: the start of the first animation frame in which the queue's table holds rows and the
 *   header's open count (pending + accepted) reads the number of alerts loaded — the frame that
 *   paints the full queue for the first time.
 * - frames: requestAnimationFrame deltas between `startFrames()` and `stopFrames()`.
 * - long tasks: PerformanceObserver 'longtask' entries (over 50 ms), with their start time;
 *   `recordingSinceMs` says when `startFrames()` was called, so that the update phase counts only
 *   its own (not, say, the view chunks the page fetches and compiles a moment after its mount).
 */
export const probeScript = (expectedOpen: number) => `
(() => {
  const probe = {
    mountMs: null, socketOpenMs: null, snapshotReceivedMs: null, frames: [], recording: false,
    recordingSinceMs: null, longTasks: [],
  };
  globalThis.__consoleBench = probe;
  // Where the time before mount goes: the stream's socket opening, the snapshot's last part.
  const NativeWebSocket = globalThis.WebSocket;
  globalThis.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('open', () => { probe.socketOpenMs ??= performance.now(); });
      this.addEventListener('message', (e) => {
        if (probe.snapshotReceivedMs === null && typeof e.data === 'string' &&
            e.data.startsWith('{"type":"snapshot"') && e.data.includes('"final":true')) {
          probe.snapshotReceivedMs = performance.now();
        }
      });
    }
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const count = (id) => Number(document.querySelector('[data-testid="' + id + '"]')?.textContent);
  const watchMount = (t) => {
    if (probe.mountMs !== null) return;
    const rows = document.querySelector('.queue-table__canvas [data-alert-id]');
    if (rows && count('count-pending') + count('count-accepted') >= ${expectedOpen}) {
      probe.mountMs = t;
      return;
    }
    requestAnimationFrame(watchMount);
  };
  requestAnimationFrame(watchMount);
  let last = null;
  const frame = (t) => {
    if (!probe.recording) return;
    if (last !== null) probe.frames.push(t - last);
    last = t;
    requestAnimationFrame(frame);
  };
  probe.startFrames = () => {
    probe.frames = []; last = null; probe.recording = true; probe.recordingSinceMs = performance.now();
    requestAnimationFrame(frame);
  };
  probe.stopFrames = () => { probe.recording = false; };
})();
`;

export interface ProbeReading {
  readonly mountMs: number | null;
  /** When the stream's WebSocket opened, and when the snapshot's final part arrived. */
  readonly socketOpenMs: number | null;
  readonly snapshotReceivedMs: number | null;
  readonly frames: number[];
  /** When `startFrames()` was called (null before). */
  readonly recordingSinceMs: number | null;
  readonly longTasks: Array<[start: number, duration: number]>;
}

interface ProbeGlobal {
  readonly __consoleBench: ProbeReading & { startFrames(): void; stopFrames(): void };
}

// Functions, not strings: the console's CSP forbids eval, which string predicates use.
export function readProbe(page: Page): Promise<ProbeReading> {
  return page.evaluate(() => {
    const p = (globalThis as unknown as ProbeGlobal).__consoleBench;
    return {
      mountMs: p.mountMs,
      socketOpenMs: p.socketOpenMs,
      snapshotReceivedMs: p.snapshotReceivedMs,
      frames: p.frames,
      recordingSinceMs: p.recordingSinceMs,
      longTasks: p.longTasks,
    };
  });
}

export async function waitForMount(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    () => (globalThis as unknown as ProbeGlobal).__consoleBench.mountMs !== null,
    undefined,
    { timeout: timeoutMs, polling: 100 },
  );
}

export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__consoleBench.startFrames());
}

export async function stopFrames(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__consoleBench.stopFrames());
}

/** JSHeapUsedSize after a full garbage collection, through the DevTools protocol. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  } finally {
    await cdp.detach();
  }
}

/** The p-th percentile (0–100) of `values`, nearest rank; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}
