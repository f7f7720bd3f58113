import { PerformanceObserver, performance } from 'node:perf_hooks';
import { ServerMessage } from '../../shared/protocol/messages.js';
import { isServerMessageAsIs } from '../../shared/protocol/serverMessageCheck.js';
import { compileSchemaCheck } from '../../shared/schemaCheck/compileSchemaCheck.js';
import { readServerMessage } from '../../shared/sync/readServerMessage.js';
import { makeAlertSummaries, snapshotPart } from './alertSummaries.js';
import type { ProtocolBenchSettings } from './settings.js';

/** One validator's cost over the timed runs. */
export interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  /** Garbage collection that started during its runs, per run. */
  readonly gcMs: number;
}

/** The ways a console can validate what it receives, each on part 0 and on the whole snapshot. */
export const validators = {
  /** zod without its JIT: a browser under a CSP without 'unsafe-eval' (the console). */
  zodJitless: 'zod, no JIT (browser under CSP)',
  /** zod compiling its object parsers with `new Function` (Node, Electron's main process). */
  zodJit: 'zod with JIT (Node)',
  /** The check compiled from the schemas (shared/schemaCheck), readServerMessage's fast path. */
  compiled: 'compiled check (no eval)',
  /** JSON.parse alone, which every frame needs whatever validates it. */
  jsonParse: 'JSON.parse (for scale)',
  /** The old readServerMessage: JSON.parse, then zod without its JIT. */
  readBefore: 'frame read before: JSON.parse + zod, no JIT',
  /** readServerMessage now: JSON.parse, then the compiled check. */
  readAfter: 'frame read now: readServerMessage',
} as const;
export type Validator = keyof typeof validators;

export interface ProtocolResults {
  readonly alerts: number;
  readonly parts: number;
  readonly partAlerts: number;
  readonly partBytes: number;
  readonly snapshotBytes: number;
  /** Compiling ServerMessage's check, as the console does when the module loads. */
  readonly compileMs: number;
  readonly part: Record<Validator, Timing>;
  readonly snapshot: Record<Validator, Timing>;
}

type Run = (text: string, json: unknown) => void;

function fail(what: string): never {
  throw new Error(`bench:protocol: ${what} rejected a valid snapshot part`);
}

// `jitless` per call is what `z.config({ jitless: true })` does globally (zod's object parser
// checks both), so one process measures zod both ways.
const runs: Record<Validator, Run> = {
  zodJitless: (_text, json) => {
    if (!ServerMessage.safeParse(json, { jitless: true }).success) fail('zod');
  },
  zodJit: (_text, json) => {
    if (!ServerMessage.safeParse(json).success) fail('zod');
  },
  compiled: (_text, json) => {
    if (!isServerMessageAsIs(json)) fail('the compiled check');
  },
  jsonParse: (text) => {
    JSON.parse(text);
  },
  readBefore: (text) => {
    if (!ServerMessage.safeParse(JSON.parse(text), { jitless: true }).success) fail('zod');
  },
  readAfter: (text) => {
    if (!readServerMessage(text).ok) fail('readServerMessage');
  },
};

/** Times every validator on part 0 and on all parts, runs interleaved so load hits all alike. */
export async function runProtocolBench(
  settings: ProtocolBenchSettings,
  log: (line: string) => void,
): Promise<ProtocolResults> {
  const alerts = makeAlertSummaries(settings.alerts);
  const parts = Math.max(1, Math.ceil(alerts.length / settings.partSize));
  const texts = Array.from({ length: parts }, (_, part) =>
    JSON.stringify(
      snapshotPart(
        alerts.slice(part * settings.partSize, (part + 1) * settings.partSize),
        part,
        part === parts - 1,
      ),
    ),
  );
  const jsons = texts.map((text) => JSON.parse(text) as unknown);
  log(`bench:protocol: ${alerts.length} alerts in ${parts} parts, ${settings.runs} runs each`);

  const compileStart = performance.now();
  compileSchemaCheck(ServerMessage);
  const compileMs = performance.now() - compileStart;

  const names = Object.keys(validators) as Validator[];
  const samples = new Map<string, number[]>();
  const windows: Array<{ key: string; start: number; end: number }> = [];
  const gcEntries: Array<{ start: number; duration: number }> = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcEntries.push({ start: entry.startTime, duration: entry.duration });
    }
  });
  observer.observe({ entryTypes: ['gc'] });

  const time = (key: string, run: Run, count: number, timed: boolean) => {
    const start = performance.now();
    for (let i = 0; i < count; i += 1) run(texts[i]!, jsons[i]);
    const end = performance.now();
    if (!timed) return;
    windows.push({ key, start, end });
    const list = samples.get(key) ?? [];
    list.push(end - start);
    samples.set(key, list);
  };
  const warmUps = 3;
  for (let round = 0; round < warmUps + settings.runs; round += 1) {
    for (const name of names) {
      time(`part:${name}`, runs[name], 1, round >= warmUps);
      time(`snapshot:${name}`, runs[name], parts, round >= warmUps);
    }
    await new Promise((resolve) => setImmediate(resolve)); // lets GC entries arrive
  }
  observer.disconnect();

  const timing = (key: string): Timing => {
    const list = [...(samples.get(key) ?? [])].sort((a, b) => a - b);
    let gc = 0;
    for (const w of windows) {
      if (w.key !== key) continue;
      for (const e of gcEntries) if (e.start >= w.start && e.start < w.end) gc += e.duration;
    }
    return {
      medianMs: list[Math.floor(list.length / 2)] ?? Number.NaN,
      minMs: list[0] ?? Number.NaN,
      gcMs: gc / Math.max(1, list.length),
    };
  };
  const by = (scope: string) =>
    Object.fromEntries(names.map((name) => [name, timing(`${scope}:${name}`)])) as Record<
      Validator,
      Timing
    >;
  return {
    alerts: alerts.length,
    parts,
    partAlerts: Math.min(settings.partSize, alerts.length),
    partBytes: texts[0]!.length,
    snapshotBytes: texts.reduce((sum, text) => sum + text.length, 0),
    compileMs,
    part: by('part'),
    snapshot: by('snapshot'),
  };
}
