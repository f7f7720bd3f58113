import { parseBenchOptions, wholeOption } from '../common/benchArgs.js';

export { BenchUsageError } from '../common/benchArgs.js';

/** How long and how hard each part of the benchmark runs. */
export interface BenchSettings {
  readonly quick: boolean;
  /** Keep-alive connections (= concurrent requests) of the closed-loop runs. */
  readonly connections: number;
  readonly warmupMs: number;
  /** Measurement window of each closed-loop run (Nocturne and Alertmanager alike). */
  readonly durationMs: number;
  /** Fixed rate of the open-loop runs (ack latency, stream latency). */
  readonly ratePerSecond: number;
  readonly openLoopMs: number;
  readonly streamClients: number;
  /** Share of events that repeat a recent alert key (de-duplication). */
  readonly repeatShare: number;
  /** Distinct open alerts loaded for the memory and start-up figures. */
  readonly loadAlerts: number;
  readonly batchSize: number;
  readonly alertmanager: boolean;
  /** Write V8 CPU profiles of the engine children here (node --cpu-prof). */
  readonly cpuProfDir: string | null;
  readonly keepData: boolean;
}

export const benchUsage = `Usage: npm run bench:ingest [-- options]

Measures the built engine (spawned as a child process) and, where installed, Prometheus
Alertmanager under the same load. The last line printed is one JSON object of the figures.

  --quick              a smoke run: short durations, 10,000 alerts instead of 100,000
  --connections <n>    keep-alive connections for the closed-loop runs (default 64)
  --duration <s>       seconds each closed-loop run measures (default 30; quick 3)
  --no-alertmanager    skip the Alertmanager side by side
  --cpu-prof <dir>     write CPU profiles of the engine children to <dir> (node --cpu-prof)
  --keep-data          keep the temp data directories (their paths are printed)
  -h, --help           this text
`;

/** Parses the benchmark's arguments; `null` means help was asked for. */
export function parseBenchArgs(argv: readonly string[]): BenchSettings | null {
  const values = parseBenchOptions(argv, {
    quick: { type: 'boolean' },
    connections: { type: 'string' },
    duration: { type: 'string' },
    'no-alertmanager': { type: 'boolean' },
    'cpu-prof': { type: 'string' },
    'keep-data': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return null;
  const quick = values.quick ?? false;
  return {
    quick,
    connections: wholeOption('connections', values.connections, 64, 1024),
    warmupMs: quick ? 1_000 : 5_000,
    durationMs: wholeOption('duration', values.duration, quick ? 3 : 30, 3600) * 1000,
    ratePerSecond: 1_000,
    openLoopMs: quick ? 3_000 : 20_000,
    streamClients: 5,
    repeatShare: 0.1,
    loadAlerts: quick ? 10_000 : 100_000,
    batchSize: 100,
    alertmanager: !(values['no-alertmanager'] ?? false),
    cpuProfDir: values['cpu-prof'] ?? null,
    keepData: values['keep-data'] ?? false,
  };
}
