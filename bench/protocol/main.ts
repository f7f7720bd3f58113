/**
 * `npm run bench:protocol`: what validating the console stream costs — a snapshot of realistic
 * alert summaries in the engine's parts, checked by zod without its JIT (a browser under a strict
 * CSP), zod with it, and the check readServerMessage compiles from the same schemas. In this
 * process, no engine. The last line printed is one JSON object.
 */
import { loadavg } from 'node:os';
import { figures, renderTable } from './report.js';
import { runProtocolBench } from './scenario.js';
import { runBenchCommand } from '../common/benchMain.js';
import { benchUsage, parseBenchArgs } from './settings.js';

const log = (line: string) => process.stderr.write(`${line}\n`);

runBenchCommand('bench:protocol', benchUsage, parseBenchArgs, async (settings) => {
  const loadAverage = loadavg()[0] ?? 0;
  const results = await runProtocolBench(settings, log);
  process.stdout.write(`${renderTable(results, settings, loadAverage)}\n`);
  process.stdout.write(`${JSON.stringify(figures(results, settings, loadAverage))}\n`);
});
