import { validators, type ProtocolResults, type Timing, type Validator } from './scenario.js';
import type { ProtocolBenchSettings } from './settings.js';

export type Figures = Record<string, number | string | null>;

const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 2 : 1)} ms` : '—');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const round = (n: number, digits = 2) =>
  Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : null;
const cell = (t: Timing) => `${ms(t.medianMs)} (min ${ms(t.minMs)}, GC ${ms(t.gcMs)})`;

/** The readable table: one row per validator, part 0 and the whole snapshot side by side. */
export function renderTable(
  r: ProtocolResults,
  settings: ProtocolBenchSettings,
  loadAverage: number,
): string {
  const header = [
    'validator',
    `part 0: ${r.partAlerts} alerts, ${mb(r.partBytes)}`,
    `snapshot: ${r.alerts} alerts in ${r.parts} parts, ${mb(r.snapshotBytes)}`,
  ];
  const names = Object.keys(validators) as Validator[];
  const body = names.map((name) => [validators[name], cell(r.part[name]), cell(r.snapshot[name])]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
  const line = (row: readonly string[]) => row.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  const ratio = r.snapshot.zodJitless.medianMs / r.snapshot.compiled.medianMs;
  return [
    `Protocol validation: median of ${settings.runs} runs (fastest, GC during the runs per run); ` +
      `compiling the check took ${ms(r.compileMs)}; load average at start ${loadAverage.toFixed(2)}`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    `The compiled check is ${ratio.toFixed(1)}× cheaper than zod without its JIT on the snapshot.`,
  ].join('\n');
}

/** The last line: one JSON object, units in the names. */
export function figures(
  r: ProtocolResults,
  settings: ProtocolBenchSettings,
  loadAverage: number,
): Figures {
  const result: Figures = {
    benchmark: 'protocol',
    alerts: r.alerts,
    parts: r.parts,
    partAlerts: r.partAlerts,
    runs: settings.runs,
    loadAverage1m: round(loadAverage),
    partBytes: r.partBytes,
    snapshotBytes: r.snapshotBytes,
    compileMs: round(r.compileMs),
  };
  for (const name of Object.keys(validators) as Validator[]) {
    result[`${name}PartMedianMs`] = round(r.part[name].medianMs);
    result[`${name}PartMinMs`] = round(r.part[name].minMs);
    result[`${name}SnapshotMedianMs`] = round(r.snapshot[name].medianMs);
    result[`${name}SnapshotMinMs`] = round(r.snapshot[name].minMs);
    result[`${name}SnapshotGcMs`] = round(r.snapshot[name].gcMs);
  }
  result.zodJitlessOverCompiledSnapshotRatio = round(
    r.snapshot.zodJitless.medianMs / r.snapshot.compiled.medianMs,
    1,
  );
  return result;
}
