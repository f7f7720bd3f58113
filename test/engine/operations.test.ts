import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { client, type Client } from '../helpers/http.js';
import { adminToken, startTestEngine, type TestEngine } from '../helpers/testEngine.js';

/** The value of one sample line of Prometheus text output, or undefined. */
function sample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-z_]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',');
    if (wanted.every((w) => have.includes(w))) return Number(match[3]);
  }
  return undefined;
}

describe('operating the engine: /healthz and /metrics', () => {
  let t: TestEngine;
  let api: Client;
  let key: string;
  beforeAll(async () => {
    t = await startTestEngine({ ingestRateLimit: { perSecond: 1, burst: 1 } });
    api = client(t.url);
    key = (await api.post('/api/v1/alert-sources', { name: 'ops' })).body.integrationKey;
  });
  afterAll(() => t.dispose());

  it('reports health without a token', async () => {
    const health = await client(t.url, null).get('/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', problem: null, version: expect.any(String) });
    expect(health.body.store.durableSeq).toBeGreaterThan(0);
  });

  it('exports events by format and outcome, ingest latency, alerts by state, consoles and journal flushes', async () => {
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/api/v1/stream`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    await new Promise((resolve) => ws.once('open', resolve));
    expect(
      (
        await api.post('/api/events', {
          integrationKey: key,
          eventType: 'ALERT',
          summary: 'm',
          alertKey: 'm1',
        })
      ).status,
    ).toBe(202);
    expect(
      (
        await api.post('/api/events', {
          integrationKey: key,
          eventType: 'ALERT',
          summary: 'm',
          alertKey: 'm2',
        })
      ).status,
    ).toBe(429);
    expect((await api.post('/api/events', { eventType: 'ALERT' })).status).toBe(400);

    const metrics = await client(t.url, null).get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = metrics.body as string;
    expect(
      sample(text, 'nocturne_events_received_total', { format: 'ilert', outcome: 'created' }),
    ).toBe(1);
    expect(
      sample(text, 'nocturne_events_received_total', { format: 'ilert', outcome: 'rate_limited' }),
    ).toBe(1);
    expect(
      sample(text, 'nocturne_events_received_total', { format: 'ilert', outcome: 'rejected' }),
    ).toBe(1);
    expect(sample(text, 'nocturne_ingest_duration_seconds_count', { format: 'ilert' })).toBe(3);
    expect(sample(text, 'nocturne_alerts', { state: 'PENDING' })).toBe(1);
    expect(sample(text, 'nocturne_stream_clients')).toBe(1);
    expect(sample(text, 'nocturne_journal_flush_duration_seconds_count')).toBeGreaterThan(0);
    expect(sample(text, 'nocturne_process_resident_memory_bytes')).toBeGreaterThan(0);
    ws.close();
  });
});
