import type { ScenarioResults } from './scenario.js';
import type { EscalationBenchSettings } from './settings.js';
import type { PhaseResult } from './stepLag.js';

/** The target the scheduler is held to (issue #3): due → notifications in the outbox. */
export const targets = { lagP99Ms: 1_000 } as const;

export type Figures = Record<string, number | string | boolean | null>;

const round = (n: number, digits = 0) =>
  Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : null;
const stepsPerSecond = (phase: PhaseResult) =>
  phase.spanMs > 0 ? (phase.steps * 1000) / phase.spanMs : Number.NaN;

/**
 * The figures as one flat JSON object, units in the names, so runs can be compared across
 * versions by a script.
 */
export function figures(r: ScenarioResults, settings: EscalationBenchSettings): Figures {
  const phase = (name: string, p: PhaseResult): Figures => ({
    [`${name}Steps`]: p.steps,
    [`${name}StepsPerSecond`]: round(stepsPerSecond(p)),
    [`${name}LagP50Ms`]: round(p.latency.p50Ms, 1),
    [`${name}LagP99Ms`]: round(p.latency.p99Ms, 1),
    [`${name}LagMaxMs`]: round(p.latency.maxMs, 1),
  });
  return {
    benchmark: 'escalation',
    engineVersion: r.engineVersion,
    alerts: settings.alerts,
    spreadSeconds: settings.spreadSeconds,
    createSeconds: round(r.create.createSeconds, 2),
    ...phase('create', r.create),
    ...phase('steady', r.steady),
    ...phase('burst', r.burst),
    burstSeconds: round(r.burstSeconds, 2),
    dueStepsPerSecond: round(r.burst.steps / r.burstSeconds),
    dueWorkPerSecond: round(sumOf(r.burstWork) / r.burstSeconds),
    lagP50Ms: round(r.steady.latency.p50Ms, 1),
    lagP99Ms: round(r.steady.latency.p99Ms, 1),
    lagTargetMet:
      r.steady.latency.p99Ms <= targets.lagP99Ms && r.create.latency.p99Ms <= targets.lagP99Ms,
    outboxEntries: r.outboxEntries,
    pendingDueWork: r.pendingDueWork,
    rssMb: round(r.rssBytes / (1024 * 1024), 1),
  };
}

const sumOf = (counts: Readonly<Record<string, number>>) =>
  Object.values(counts).reduce((a, b) => a + b, 0);

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 2 : 0)} ms` : 'n/a');

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]?.length ?? 0)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The readable table: one row per phase, and the target. */
export function renderTable(r: ScenarioResults, settings: EscalationBenchSettings): string {
  const verdict = (p: PhaseResult) =>
    p.latency.p99Ms <= targets.lagP99Ms ? 'p99 <= 1 s met' : 'p99 <= 1 s MISSED';
  const row = (name: string, p: PhaseResult, target: string) => [
    name,
    int(p.steps),
    int(stepsPerSecond(p)),
    ms(p.latency.p50Ms),
    ms(p.latency.p99Ms),
    ms(p.latency.maxMs),
    target,
  ];
  const n = int(settings.alerts);
  return [
    table([
      [
        'phase (due step -> notifications in the outbox)',
        'steps',
        'steps/s',
        'lag p50',
        'lag p99',
        'max',
        'target',
      ],
      row(`level 1, due as ${n} alerts are created`, r.create, verdict(r.create)),
      row(`level 2, due spread over ${settings.spreadSeconds} s`, r.steady, verdict(r.steady)),
      row(`level 3, all ${n} due at one instant`, r.burst, 'drain rate'),
    ]),
    '',
    `burst: ${int(r.burst.steps)} escalation steps in ${r.burstSeconds.toFixed(2)} s = ` +
      `${int(r.burst.steps / r.burstSeconds)} steps/s; with the other due work of that instant ` +
      `(${Object.entries(r.burstWork)
        .filter(([, n]) => n > 0)
        .map(([kind, n]) => `${int(n)} ${kind}`)
        .join(', ')}) ${int(sumOf(r.burstWork) / r.burstSeconds)} items/s`,
    `alerts created in ${r.create.createSeconds.toFixed(2)} s; ${int(r.outboxEntries)} notifications in the outbox; ` +
      `${int(r.pendingDueWork)} due work items pending at the end; RSS ${(r.rssBytes / 2 ** 20).toFixed(0)} MB`,
    'Lag: from the moment a step fell due (real time) to the moment the transaction that took it —',
    'pages, log, next step — was durable (fdatasync), which is when its notifications entered the outbox.',
    'The burst row is the worst case: every alert due at one instant; its lag is mostly queueing.',
  ].join('\n');
}
