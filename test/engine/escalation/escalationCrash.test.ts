import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { killAllEngines, spawnEngine, type EngineProcess } from '../../helpers/engineProcess.js';
import { client, type Client } from '../../helpers/http.js';
import { eventually } from '../../helpers/streamSocket.js';
import { tempDataDir } from '../../helpers/testEngine.js';

/**
 * SIGKILL the real engine process while alerts pour in and their first escalation steps run
 * (each due the moment its alert is created), restart it, and check that every alert took its
 * first step exactly once — overdue ones at once after the restart, none twice — with its next
 * step due. Real clock; the levels' timeouts (5 minutes) outlast the test, so only first steps
 * run. Tiny journal segments make kills land in checkpoints too.
 */
interface Progress {
  readonly keys: string[];
}

async function pour(
  url: string,
  integrationKey: string,
  round: number,
  stop: { stopped: boolean },
) {
  const progress: Progress = { keys: [] };
  const workers = Array.from({ length: 16 }, async (_, w) => {
    for (let k = 0; !stop.stopped; k += 1) {
      const key = `r${round}-w${w}-k${k}`;
      try {
        const res = await fetch(`${url}/api/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ integrationKey, eventType: 'ALERT', alertKey: key, summary: key }),
        });
        await res.text();
        if (res.status === 202) progress.keys.push(key);
      } catch {
        return; // the engine died under us
      }
    }
  });
  return { progress, done: Promise.all(workers) };
}

/** Every alert of a round, with its escalation steps from the log. */
async function observe(api: Client, round: number) {
  const alerts: Array<{ id: string; key: string; steps: any[] }> = [];
  let cursor: string | null = null;
  do {
    const page: any = await api.get(
      `/api/v1/alerts?limit=500&q=r${round}-${cursor ? `&cursor=${cursor}` : ''}`,
    );
    for (const a of page.body.items) {
      const log = await api.get(`/api/v1/alerts/${a.id}/log?limit=1000`);
      const steps = log.body.items.filter((e: any) => e.kind === 'escalated');
      alerts.push({ id: a.id, key: a.alertKey, steps });
    }
    cursor = page.body.nextCursor;
  } while (cursor);
  return alerts;
}

describe('escalation through crashes (SIGKILL)', () => {
  const dataDir = tempDataDir('nocturne-escalation-crash-');
  let engine: EngineProcess | null = null;
  const env = { NOCTURNE_SEGMENT_MB: '0.05' };
  afterAll(async () => {
    await killAllEngines();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes every due step exactly once, overdue ones right after the restart', async () => {
    engine = await spawnEngine(dataDir, [], env);
    let api = client(engine.url);
    const ada = await api.post('/api/v1/users', {
      name: 'Ada Lovelace',
      email: 'ada@example.test',
      role: 'responder',
    });
    const policy = await api.post('/api/v1/escalation-policies', {
      name: 'Ops',
      levels: [
        { targets: [{ type: 'user', id: ada.body.id }], timeoutMinutes: 5 },
        { targets: [{ type: 'user', id: ada.body.id }], timeoutMinutes: 5 },
      ],
    });
    expect(policy.status).toBe(201);
    const source = await api.post('/api/v1/alert-sources', {
      name: 'crash',
      escalationPolicyId: policy.body.id,
    });
    const integrationKey: string = source.body.integrationKey;
    let created = 0;

    for (let round = 0; round < 3; round += 1) {
      const stop = { stopped: false };
      const load = await pour(engine.url, integrationKey, round, stop);
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 900));
      engine.child.kill('SIGKILL');
      await engine.exited;
      stop.stopped = true;
      await load.done;

      engine = await spawnEngine(dataDir, [], env);
      api = client(engine.url);
      let alerts: Awaited<ReturnType<typeof observe>> = [];
      // Overdue first steps run at once after the start: wait until every alert took one.
      await eventually(async () => {
        alerts = await observe(api, round);
        return alerts.every((a) => a.steps.length > 0);
      }, 'every alert to take its first step');
      for (const alert of alerts) {
        expect(
          alert.steps.map((s) => `${s.data.level}/${s.data.round}`),
          `alert ${alert.key}`,
        ).toEqual(['0/0']);
        expect(alert.steps[0].data.recipients.map((r: any) => r.name)).toEqual(['Ada Lovelace']);
      }
      // Every event answered 202 made an alert (the rest may or may not have).
      const keys = new Set(alerts.map((a) => a.key));
      for (const key of load.progress.keys) expect(keys.has(key), key).toBe(true);
      created += alerts.length;

      // The next step of each is due once: five minutes after its first.
      const sample = alerts.slice(0, 20);
      for (const alert of sample) {
        const { escalation } = (await api.get(`/api/v1/alerts/${alert.id}/timeline`)).body;
        expect(escalation.next).toEqual({
          level: 1,
          round: 0,
          dueAt: new Date(Date.parse(alert.steps[0].at) + 5 * 60_000).toISOString(),
        });
      }
    }
    expect(created).toBeGreaterThan(50);
  }, 180_000);
});
