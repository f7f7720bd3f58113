/**
 * `npm run bench:console`: the console's queue in Chromium with 10,000 and 50,000 live alerts and
 * 1,000 updates a second through real ingest (docs/benchmarks.md). The engine runs as a child
 * process built from dist/. The last line printed is one JSON object.
 */
import { loadavg } from 'node:os';
import { killChildrenOnSignals } from '../ingest/children.js';
import { figures, renderTable } from './report.js';
import { runConsoleBench } from './run.js';
import { BenchUsageError, benchUsage, parseBenchArgs } from './settings.js';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  let settings;
  try {
    settings = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${benchUsage}`);
    process.exitCode = 2;
    return;
  }
  if (!settings) {
    process.stdout.write(benchUsage);
    return;
  }
  killChildrenOnSignals();
  const loadAverage = loadavg()[0] ?? 0;
  const runs = await runConsoleBench(settings, log);
  process.stdout.write(`${renderTable(runs, settings, loadAverage)}\n`);
  process.stdout.write(`${JSON.stringify(figures(runs, settings, loadAverage))}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exit(1);
});
