/**
 * Where an engine's CPU went, by component, from a V8 CPU profile written by
 * `npm run bench:ingest -- --cpu-prof <dir>` (node --cpu-prof on the engine children):
 *
 *   node dist/bench/ingest/profileSummary.js <dir>/CPU.….cpuprofile
 *
 * Each sample is charged to the innermost frame that belongs to a known component, so time in
 * sql.js called from a repository counts as sql.js. Under CPU contention, samples taken while
 * the thread was descheduled land on whatever ran last (often a syscall such as writev or
 * fdatasync): read those rows with that in mind.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const components: ReadonlyArray<readonly [RegExp, string]> = [
  [/sql-wasm|wasm-function|wasm-to-js|js-to-wasm|JSToWasm/, 'sql.js (SQLite in WebAssembly)'],
  [/journalFormat/, 'journal encode (JSON + CRC)'],
  [/journalWriter|fdatasync|writeBuffer/, 'journal write + fdatasync'],
  [/\/zod\//, 'zod validation'],
  [/prom-client/, 'prom-client metrics'],
  [/engine\/stream\/|\/ws\//, 'stream hub (WebSocket)'],
  [/wire\.js/, 'wire shapes (toAlertSummary)'],
  [/jsonBody\.js/, 'JSON body check + parse'],
  [/alertsRepo|alertSourcesRepo|usersRepo|sqlDatabase/, 'repositories (JS side)'],
  [/fastify|find-my-way|avvio|light-my-request|fast-json/, 'Fastify'],
  [/node:_http|node:net|_http_|stream_base|writable|readable|writev|parserOn/, 'Node HTTP + net'],
];

const special = new Set(['(idle)', '(garbage collector)', '(program)']);

/** Milliseconds per component, busiest first; `(idle)` is the event loop waiting. */
export function summarizeProfile(profile: CpuProfile): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );

  const totals = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const leaf = byId.get(id)!.callFrame;
    let component = special.has(leaf.functionName) ? leaf.functionName : null;
    for (let at: number | undefined = id; !component && at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      component =
        components.find(([pattern]) => pattern.test(`${frame.url} ${frame.functionName}`))?.[1] ??
        null;
    }
    component ??= `other: ${leaf.url.replace(/.*\//, '') || leaf.functionName}`;
    totals.set(component, (totals.get(component) ?? 0) + us / 1000);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

function main(file: string | undefined): void {
  if (!file) {
    process.stderr.write('usage: node dist/bench/ingest/profileSummary.js <file.cpuprofile>\n');
    process.exitCode = 2;
    return;
  }
  const rows = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  const busy = rows.reduce((sum, [name, ms]) => (name === '(idle)' ? sum : sum + ms), 0);
  process.stdout.write(`busy ${(busy / 1000).toFixed(1)} s (idle excluded)\n`);
  for (const [name, ms] of rows.slice(0, 20)) {
    const share = name === '(idle)' ? '' : `${((100 * ms) / busy).toFixed(1)}%`;
    process.stdout.write(`${ms.toFixed(0).padStart(8)} ms ${share.padStart(6)}  ${name}\n`);
  }
}

main(process.argv[2]);
