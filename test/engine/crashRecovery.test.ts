import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { killAllEngines, spawnEngine, type EngineProcess } from '../helpers/engineProcess.js';
import { client } from '../helpers/http.js';
import { tempDataDir } from '../helpers/testEngine.js';

/**
 * SIGKILL the engine process while clients send events, restart it, and check that every event
 * answered 202 is there and nothing is half-applied — several times over on one data directory,
 * with tiny journal segments so kills also land in the middle of checkpoints.
 *
 * Each key goes through the same five events, each sent only after the previous one was
 * answered, so what a key must look like follows from how many of its events were answered:
 * that prefix, or one more if an event was in flight when the process died.
 */
const ops = ['ALERT', 'ALERT', 'ACCEPT', 'RESOLVE', 'ALERT'] as const;
type Observed = Array<{ state: string; eventCount: number }>;
const expectedAfter: Observed[] = [
  [],
  [{ state: 'PENDING', eventCount: 1 }],
  [{ state: 'PENDING', eventCount: 2 }],
  [{ state: 'ACCEPTED', eventCount: 2 }],
  [{ state: 'RESOLVED', eventCount: 2 }],
  [
    { state: 'RESOLVED', eventCount: 2 },
    { state: 'PENDING', eventCount: 1 },
  ],
];

interface KeyProgress {
  answered: number;
  inFlight: boolean;
}

async function runLoad(
  url: string,
  integrationKey: string,
  round: number,
  stop: { stopped: boolean },
) {
  const progress = new Map<string, KeyProgress>();
  const workers = Array.from({ length: 24 }, async (_, w) => {
    for (let k = 0; !stop.stopped; k += 1) {
      const key = `r${round}-w${w}-k${k}`;
      const p: KeyProgress = { answered: 0, inFlight: false };
      progress.set(key, p);
      for (const eventType of ops) {
        if (stop.stopped) return;
        p.inFlight = true;
        try {
          const res = await fetch(`${url}/api/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              integrationKey,
              eventType,
              alertKey: key,
              summary: `crash test ${key}`,
            }),
          });
          await res.text();
          if (res.status !== 202) throw new Error(`unexpected ${res.status}`);
          p.answered += 1;
          p.inFlight = false;
        } catch {
          return; // the engine died under us: this event may or may not have been applied
        }
      }
    }
  });
  return { progress, done: Promise.all(workers) };
}

async function observe(url: string, round: number): Promise<Map<string, Observed>> {
  const api = client(url);
  const byKey = new Map<string, Array<{ id: number; state: string; eventCount: number }>>();
  let cursor: string | null = null;
  do {
    const page: any = await api.get(
      `/api/v1/alerts?limit=500&q=r${round}-${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(page.status).toBe(200);
    for (const a of page.body.items) {
      const list = byKey.get(a.alertKey) ?? [];
      list.push({ id: Number(a.id), state: a.state, eventCount: a.eventCount });
      byKey.set(a.alertKey, list);
      // Nothing half-applied: the alert row and its log entries come from one transaction.
      const detail = await api.get(`/api/v1/alerts/${a.id}`);
      const kinds: string[] = detail.body.log.items.map((e: any) => e.kind);
      expect(kinds.filter((k) => k === 'created' || k === 'event')).toHaveLength(a.eventCount);
      if (a.state === 'RESOLVED') expect(kinds).toContain('resolved');
      if (a.state === 'ACCEPTED') expect(kinds).toContain('accepted');
    }
    cursor = page.body.nextCursor;
  } while (cursor);
  return new Map(
    [...byKey].map(([key, list]) => [
      key,
      list.sort((a, b) => a.id - b.id).map(({ state, eventCount }) => ({ state, eventCount })),
    ]),
  );
}

describe('crash recovery (SIGKILL during load)', () => {
  const dataDir = tempDataDir('nocturne-crash-');
  let engine: EngineProcess | null = null;
  const env = { NOCTURNE_SEGMENT_MB: '0.05' };
  afterAll(async () => {
    await killAllEngines();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every answered event and applies nothing by halves, round after round', async () => {
    engine = await spawnEngine(dataDir, [], env);
    const created = await client(engine.url).post('/api/v1/alert-sources', { name: 'crash test' });
    expect(created.status).toBe(201);
    const integrationKey: string = created.body.integrationKey;
    const earlierRounds: Array<Map<string, Observed>> = [];
    let answeredInAll = 0;

    for (let round = 0; round < 5; round += 1) {
      const stop = { stopped: false };
      const load = await runLoad(engine.url, integrationKey, round, stop);
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 1200));
      engine.child.kill('SIGKILL');
      await engine.exited;
      stop.stopped = true;
      await load.done;

      engine = await spawnEngine(dataDir, [], env);
      const observed = await observe(engine.url, round);
      let answered = 0;
      for (const [key, p] of load.progress) {
        answered += p.answered;
        const seen = observed.get(key) ?? [];
        const allowed = [expectedAfter[p.answered]!];
        if (p.inFlight && p.answered < ops.length) allowed.push(expectedAfter[p.answered + 1]!);
        expect(
          allowed,
          `key ${key}: ${p.answered} answered, in flight: ${p.inFlight}`,
        ).toContainEqual(seen);
      }
      for (const key of observed.keys()) expect(load.progress.has(key)).toBe(true);
      expect(answered).toBeGreaterThan(0);
      answeredInAll += answered;

      // What earlier rounds left is still exactly there.
      for (const [i, before] of earlierRounds.entries())
        expect(await observe(engine.url, i)).toEqual(before);
      earlierRounds.push(observed);
    }

    // A clean stop and start keeps it all too.
    engine.child.kill('SIGTERM');
    expect(await engine.exited).toBe(0);
    engine = await spawnEngine(dataDir, [], env);
    for (const [i, before] of earlierRounds.entries())
      expect(await observe(engine.url, i)).toEqual(before);
    expect(answeredInAll).toBeGreaterThan(100);
  }, 180_000);
});
