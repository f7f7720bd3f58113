import { parseBenchOptions, wholeOption } from '../common/benchArgs.js';

export { BenchUsageError } from '../common/benchArgs.js';

/** How big and how fast the escalation benchmark runs. */
export interface EscalationBenchSettings {
  readonly quick: boolean;
  /** Alerts escalating at once. */
  readonly alerts: number;
  /** Seconds over which the alerts are created (and so their steps fall due). */
  readonly spreadSeconds: number;
  readonly keepData: boolean;
}

export const benchUsage = `Usage: npm run bench:escalation [-- options]

Escalates many pending alerts in an engine running in this process on a fresh data directory,
with a clock that runs in real time but skips the minutes between levels. The last line printed
is one JSON object of the figures.

  --quick            a smoke run: 1,000 alerts over 2 s
  --alerts <n>       alerts escalating at once (default 10,000)
  --spread <s>       seconds over which they are created, so steps fall due spread over as long
                     (default 10)
  --keep-data        keep the temp data directory (its path is printed)
  -h, --help         this text
`;

/** Parses the benchmark's arguments; `null` means help was asked for. */
export function parseBenchArgs(argv: readonly string[]): EscalationBenchSettings | null {
  const values = parseBenchOptions(argv, {
    quick: { type: 'boolean' },
    alerts: { type: 'string' },
    spread: { type: 'string' },
    'keep-data': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return null;
  const quick = values.quick ?? false;
  return {
    quick,
    alerts: wholeOption('alerts', values.alerts, quick ? 1_000 : 10_000, 1_000_000),
    spreadSeconds: wholeOption('spread', values.spread, quick ? 2 : 10, 3600),
    keepData: values['keep-data'] ?? false,
  };
}
