/**
 * `npm run bench:ingest`: the engine's ingest figures (durable events/s, ack latency, event to
 * console latency, memory and start-up with many open alerts), and Prometheus Alertmanager
 * under the same load where it is installed. The engine runs as a child process built from
 * dist/, exactly as `nocturne serve` runs. The last line printed is one JSON object.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureAlertmanager } from './alertmanagerScenario.js';
import { killChildrenOnSignals } from './children.js';
import { createAlertSource } from './engineApi.js';
import { EngineProcess, type EngineSpawnOptions } from './engineProcess.js';
import {
  measureAckLatency,
  measureStreamLatency,
  measureThroughput,
  warmUp,
  type IngestTarget,
} from './engineScenarios.js';
import { createPool } from './loadGenerator.js';
import { figures, type BenchResults } from './figures.js';
import { renderTable } from './report.js';
import { benchUsage, parseBenchArgs, type BenchSettings } from './settings.js';
import { runBenchCommand } from '../common/benchMain.js';
import { measureStore } from './storeScenarios.js';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function run(settings: BenchSettings): Promise<BenchResults> {
  const tempRoot = mkdtempSync(join(tmpdir(), 'nocturne-bench-'));
  const adminToken = `noc_bench_${randomBytes(24).toString('base64url')}`;
  const spawnIn = (name: string): EngineSpawnOptions => ({
    dataDir: mkdtempSync(join(tempRoot, `${name}-`)),
    adminToken,
    ...(settings.cpuProfDir ? { cpuProfDir: settings.cpuProfDir } : {}),
  });
  const loadAverageAtStart = loadavg()[0] ?? 0;
  log(`data in ${tempRoot}${settings.keepData ? ' (kept)' : ''}`);
  try {
    log('ingest engine: starting…');
    const engine = await EngineProcess.start(spawnIn('ingest'));
    const engineVersion = /Nocturne engine (\S+)/.exec(engine.banner)?.[1] ?? 'unknown';
    let throughput, ack, stream;
    try {
      const target: IngestTarget = {
        url: engine.url,
        pid: engine.pid,
        pool: createPool(engine.url, settings.connections),
        integrationKey: await createAlertSource(engine.url, adminToken, 'bench'),
        adminToken,
      };
      log('  warming up…');
      await warmUp(target, settings);
      log(`  event -> WebSocket latency, ${settings.streamClients} clients…`);
      stream = await measureStreamLatency(target, settings);
      log(`  ack latency at ${settings.ratePerSecond}/s…`);
      ack = await measureAckLatency(target, settings);
      log(`  durable events/s, ${settings.connections} connections…`);
      throughput = await measureThroughput(target, settings);
      await target.pool.close();
    } finally {
      await engine.stop('SIGTERM');
    }
    if (engine.stderr.trim()) log(`engine stderr:\n${engine.stderr.trim()}`);

    log('store engine: memory and start-up…');
    const store = await measureStore(settings, spawnIn('store'), log);
    log('alertmanager…');
    const alertmanager = await measureAlertmanager(settings, tempRoot, log);
    return {
      engineVersion,
      settings,
      cpus: availableParallelism(),
      loadAverageAtStart,
      throughput,
      ack,
      stream,
      store,
      alertmanager,
    };
  } finally {
    if (!settings.keepData) rmSync(tempRoot, { recursive: true, force: true });
  }
}

killChildrenOnSignals();
runBenchCommand('bench:ingest', benchUsage, parseBenchArgs, async (settings) => {
  const results = await run(settings);
  const r = figures(results);
  process.stdout.write(
    `\nNocturne ${results.engineVersion} ingest benchmark (${settings.quick ? 'quick' : 'full'}; ` +
      `${results.cpus} CPUs; load average ${r.loadAverage1mAtStart} at start)\n\n` +
      `${renderTable(results)}\n\n${JSON.stringify(r)}\n`,
  );
});
