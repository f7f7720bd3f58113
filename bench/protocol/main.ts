/**
 * `npm run bench:protocol`: what validating the console stream costs — a snapshot of realistic
 * alert summaries in the engine's parts, checked by zod without its JIT (a browser under a strict
 * CSP), zod with it, and the check readServerMessage compiles from the same schemas. In this
 * process, no engine. The last line printed is one JSON object.
 */
import { loadavg } from 'node:os';
import { figures, renderTable } from './report.js';
import { runProtocolBench } from './scenario.js';
import { BenchUsageError, benchUsage, parseBenchArgs } from './settings.js';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(argv: readonly string[]): Promise<number> {
  let settings;
  try {
    settings = parseBenchArgs(argv);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`bench:protocol: ${error.message}\n\n${benchUsage}`);
    return 2;
  }
  if (!settings) {
    process.stdout.write(benchUsage);
    return 0;
  }
  const loadAverage = loadavg()[0] ?? 0;
  const results = await runProtocolBench(settings, log);
  process.stdout.write(`${renderTable(results, settings, loadAverage)}\n`);
  process.stdout.write(`${JSON.stringify(figures(results, settings, loadAverage))}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exit(1);
  },
);
