import { parseBenchOptions, wholeOption } from '../common/benchArgs.js';

export { BenchUsageError } from '../common/benchArgs.js';

/** How much the protocol benchmark validates, and how often. */
export interface ProtocolBenchSettings {
  /** Alert summaries in the snapshot, sent as parts of `partSize`. */
  readonly alerts: number;
  readonly partSize: number;
  /** Timed runs of each validator; the table shows the median and the fastest. */
  readonly runs: number;
}

export const benchUsage = `Usage: npm run bench:protocol [-- options]

Validates a console snapshot (realistic alert summaries, in parts as the engine sends them) the
ways a console can: zod without its JIT (a browser under a CSP without 'unsafe-eval'), zod with
it (Node, Electron's main process), and the check compiled from the same schemas that
readServerMessage tries first. In this process, no engine. The last line printed is one JSON
object of the figures.

  --quick            a smoke run: 2,000 alerts, 5 runs
  --alerts <n>       alert summaries in the snapshot (default 10,000)
  --part-size <n>    alerts per snapshot part (default 2,000, as the engine)
  --runs <n>         timed runs of each validator (default 30)
  -h, --help         this text
`;

/** Parses the benchmark's arguments; `null` means help was asked for. */
export function parseBenchArgs(argv: readonly string[]): ProtocolBenchSettings | null {
  const values = parseBenchOptions(argv, {
    quick: { type: 'boolean' },
    alerts: { type: 'string' },
    'part-size': { type: 'string' },
    runs: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return null;
  const quick = values.quick ?? false;
  return {
    alerts: wholeOption('alerts', values.alerts, quick ? 2_000 : 10_000, 1_000_000),
    partSize: wholeOption('part-size', values['part-size'], 2_000, 100_000),
    runs: wholeOption('runs', values.runs, quick ? 5 : 30, 10_000),
  };
}
