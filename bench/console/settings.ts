import { parseBenchOptions, wholeListOption, wholeOption } from '../common/benchArgs.js';

export { BenchUsageError } from '../common/benchArgs.js';

/** How big and how fast the console benchmark runs. */
export interface ConsoleBenchSettings {
  /** One run per size: alerts loaded in the queue before the page opens. */
  readonly alertCounts: readonly number[];
  /** Alert updates a second through ingest during the update phase. */
  readonly updatesPerSecond: number;
  readonly updateSeconds: number;
  /** Alerts per Alertmanager webhook batch when loading. */
  readonly seedBatch: number;
  readonly keepData: boolean;
}

export const benchUsage = `Usage: npm run bench:console [-- options]

Loads alerts into a fresh engine (a child process from dist/), opens the console's queue in
Chromium (/usr/bin/chromium, headless, no GPU), applies updates through real ingest and measures
mount time, frame times, long tasks and the JS heap. The last line printed is one JSON object.

  --quick            a smoke run: 1,000 and 2,000 alerts, 200 updates/s for 2 s
  --alerts <n,n…>    alerts per run (default 1000,10000,50000)
  --rate <n>         updates a second (default 1000)
  --duration <s>     seconds of updates (default 10)
  --keep-data        keep the temp data directory (its path is printed)
  -h, --help         this text
`;

/** Parses the benchmark's arguments; `null` means help was asked for. */
export function parseBenchArgs(argv: readonly string[]): ConsoleBenchSettings | null {
  const values = parseBenchOptions(argv, {
    quick: { type: 'boolean' },
    alerts: { type: 'string' },
    rate: { type: 'string' },
    duration: { type: 'string' },
    'keep-data': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return null;
  const quick = values.quick ?? false;
  return {
    alertCounts: wholeListOption(
      'alerts',
      values.alerts,
      // 1,000 besides the two: what a load costs before the alerts do.
      quick ? [1000, 2000] : [1000, 10000, 50000],
      500_000,
    ),
    updatesPerSecond: wholeOption('rate', values.rate, quick ? 200 : 1000, 100_000),
    updateSeconds: wholeOption('duration', values.duration, quick ? 2 : 10, 3_600),
    seedBatch: 500,
    keepData: values['keep-data'] ?? false,
  };
}
