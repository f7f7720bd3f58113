/**
 * `npm run bench:console`: the console's queue in Chromium with 1,000, 10,000 and 50,000 live alerts and
 * 1,000 updates a second through real ingest (docs/benchmarks.md). The engine runs as a child
 * process built from dist/. The last line printed is one JSON object.
 */
import { loadavg } from 'node:os';
import { killChildrenOnSignals } from '../ingest/children.js';
import { figures, renderTable } from './report.js';
import { runConsoleBench } from './run.js';
import { runBenchCommand } from '../common/benchMain.js';
import { benchUsage, parseBenchArgs } from './settings.js';

const log = (line: string) => process.stderr.write(`${line}\n`);

runBenchCommand('bench:console', benchUsage, parseBenchArgs, async (settings) => {
  killChildrenOnSignals();
  const loadAverage = loadavg()[0] ?? 0;
  const runs = await runConsoleBench(settings, log);
  process.stdout.write(`${renderTable(runs, settings, loadAverage)}\n`);
  process.stdout.write(`${JSON.stringify(figures(runs, settings, loadAverage))}\n`);
});
