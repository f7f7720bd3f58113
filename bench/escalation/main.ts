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
import { runBenchCommand } from '../common/benchMain.js';
import { benchUsage, parseBenchArgs } from './settings.js';

const log = (line: string) => process.stderr.write(`${line}\n`);

runBenchCommand('bench:escalation', benchUsage, parseBenchArgs, async (settings) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nocturne-bench-escalation-'));
  log(`data in ${dataDir}${settings.keepData ? ' (kept)' : ''}`);
  try {
    const results = await runScenario(settings, dataDir, log);
    process.stdout.write(
      `\nNocturne ${results.engineVersion} escalation benchmark (${settings.quick ? 'quick' : 'full'}; ` +
        `${availableParallelism()} CPUs)\n\n${renderTable(results, settings)}\n\n` +
        `${JSON.stringify(figures(results, settings))}\n`,
    );
  } finally {
    if (!settings.keepData) rmSync(dataDir, { recursive: true, force: true });
  }
});
