/**
 * `npm run bench:escalation`: the escalation scheduler's cost with many pending alerts
 * escalating at once — due steps processed per second, and the lag from a step's due time to
 * its notifications entering the outbox (p50/p99). The engine runs in this process (see
 * docs/benchmarks.md for why) on a fresh data directory, with real durability. The last line
 * printed is one JSON object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { figures, renderTable } from './report.js';
import { runScenario } from './scenario.js';
import { BenchUsageError, benchUsage, parseBenchArgs } from './settings.js';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(argv: readonly string[]): Promise<number> {
  let settings;
  try {
    settings = parseBenchArgs(argv);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`bench:escalation: ${error.message}\n\n${benchUsage}`);
    return 2;
  }
  if (!settings) {
    process.stdout.write(benchUsage);
    return 0;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'nocturne-bench-escalation-'));
  log(`data in ${dataDir}${settings.keepData ? ' (kept)' : ''}`);
  try {
    const results = await runScenario(settings, dataDir, log);
    process.stdout.write(
      `\nNocturne ${results.engineVersion} escalation benchmark (${settings.quick ? 'quick' : 'full'}; ` +
        `${availableParallelism()} CPUs)\n\n${renderTable(results, settings)}\n\n` +
        `${JSON.stringify(figures(results, settings))}\n`,
    );
    return 0;
  } finally {
    if (!settings.keepData) rmSync(dataDir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench:escalation: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
