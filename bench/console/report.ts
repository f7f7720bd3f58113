import { measuredLoads } from './unwatchedMount.js';
import type { ConsoleRun } from './scenario.js';
import type { ConsoleBenchSettings } from './settings.js';

const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

export const targets = {
  mountMs: 200,
  /** One 60 Hz frame (16.7 ms) plus 0.5 ms: rAF timestamps jitter around vsync by ~0.1 ms. */
  frameP95Ms: 17.2,
  longTasks: 0,
  heapUsedBytes: 150 * 1024 * 1024,
} as const;

type Row = [string, (run: ConsoleRun) => string, string];

/**
 * Where the median load's mount went: one row per start-up mark (renderer/startupPhases.ts,
 * startupMarks.ts), in the order the first run's came, in ms from navigation start.
 */
function phaseRows(runs: readonly ConsoleRun[]): Row[] {
  const names = Object.entries(runs[0]?.unwatched.phasesMs ?? {})
    .sort((a, b) => a[1] - b[1])
    .map(([name]) => name);
  return names.map((name): Row => [
    `  ${name} at`,
    (r) => ms(r.unwatched.phasesMs[name] ?? NaN),
    '',
  ]);
}

/** The readable table: one column per run. */
export function renderTable(
  runs: readonly ConsoleRun[],
  settings: ConsoleBenchSettings,
  loadAverage: number,
): string {
  const rows: Row[] = [
    ['alerts loaded (webhook batches)', (r) => `${r.alerts} in ${ms(r.loadAlertsMs)}`, ''],
    [
      `mount time (no debugger attached, median of ${measuredLoads})`,
      (r) => `${ms(r.unwatched.mountMs)} ${mark(r.unwatched.mountMs <= targets.mountMs)}`,
      '≤ 200 ms',
    ],
    ['  each load', (r) => r.unwatched.mountsMs.map((m) => Math.round(m)).join(' '), ''],
    ['  as measured before session 5 (frame start)', (r) => ms(r.unwatched.mountFrameStartMs), ''],
    [
      '  of which: page loaded (DOMContentLoaded) at',
      (r) => ms(r.unwatched.domContentLoadedMs),
      '',
    ],
    ['  of which: stream live at', (r) => ms(r.unwatched.liveMs), ''],
    ...phaseRows(runs),
    ['mount time, DevTools attached (Playwright)', (r) => ms(r.mountMs), '—'],
    ['  of which: stream socket open at', (r) => ms(r.socketOpenMs), ''],
    ['  of which: snapshot received at', (r) => ms(r.snapshotReceivedMs), ''],
    ['long tasks during mount', (r) => String(r.longTasksDuringMount), '—'],
    ['updates sent / late ticks', (r) => `${r.updates.sent} / ${r.updates.lateTicks}`, ''],
    ['frames during updates', (r) => String(r.frames), ''],
    ['frame time p50', (r) => ms(r.frameP50Ms), ''],
    [
      'frame time p95',
      (r) => `${ms(r.frameP95Ms)} ${mark(r.frameP95Ms <= targets.frameP95Ms)}`,
      '≤ 16.7 ms (+0.5 jitter)',
    ],
    ['frame time max', (r) => ms(r.frameMaxMs), ''],
    [
      'long tasks (> 50 ms) during updates',
      (r) => `${r.longTasksDuringUpdates} ${mark(r.longTasksDuringUpdates <= targets.longTasks)}`,
      '0',
    ],
    ['longest task during updates', (r) => ms(r.longestTaskMs), ''],
    [
      'JS heap after the run (after GC)',
      (r) => `${mb(r.heapUsedBytes)} ${mark(r.heapUsedBytes <= targets.heapUsedBytes)}`,
      '≤ 150 MB',
    ],
  ];
  const header = ['figure', ...runs.map((r) => `${r.alerts} alerts`), 'target'];
  const body = rows.map(([name, cell, target]) => [name, ...runs.map(cell), target]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
  const line = (row: readonly string[]) => row.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [
    `Console: ${settings.updatesPerSecond} updates/s for ${settings.updateSeconds} s, ` +
      `Chromium headless, no GPU, 1280×720; load average at start ${loadAverage.toFixed(2)}`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
  ].join('\n');
}

const round = (n: number, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);

/** The last line: one JSON object, units in the names. */
export function figures(
  runs: readonly ConsoleRun[],
  settings: ConsoleBenchSettings,
  loadAverage: number,
): Record<string, unknown> {
  const result: Record<string, unknown> = {
    benchmark: 'console',
    updatesPerSecond: settings.updatesPerSecond,
    updateSeconds: settings.updateSeconds,
    loadAverage1m: round(loadAverage, 2),
  };
  for (const r of runs) {
    const at = `At${r.alerts}`;
    result[`mountMs${at}`] = round(r.unwatched.mountMs);
    result[`mountMinMs${at}`] = round(Math.min(...r.unwatched.mountsMs));
    result[`mountFrameStartMs${at}`] = round(r.unwatched.mountFrameStartMs);
    result[`domContentLoadedMs${at}`] = round(r.unwatched.domContentLoadedMs);
    result[`streamLiveMs${at}`] = round(r.unwatched.liveMs);
    for (const [name, phaseMs] of Object.entries(r.unwatched.phasesMs)) {
      const pascal = name.replace(/(?:^|-)(\w)/g, (_, c: string) => c.toUpperCase());
      result[`phase${pascal}Ms${at}`] = round(phaseMs);
    }
    result[`mountWithDevToolsMs${at}`] = round(r.mountMs);
    result[`socketOpenMs${at}`] = round(r.socketOpenMs);
    result[`snapshotReceivedMs${at}`] = round(r.snapshotReceivedMs);
    result[`frameP50Ms${at}`] = round(r.frameP50Ms);
    result[`frameP95Ms${at}`] = round(r.frameP95Ms);
    result[`frameMaxMs${at}`] = round(r.frameMaxMs);
    result[`longTasksDuringMount${at}`] = r.longTasksDuringMount;
    result[`longTasksDuringUpdates${at}`] = r.longTasksDuringUpdates;
    result[`longestTaskMs${at}`] = round(r.longestTaskMs);
    result[`updatesSent${at}`] = r.updates.sent;
    result[`heapUsedMB${at}`] = round(r.heapUsedBytes / 1024 / 1024);
  }
  return result;
}
