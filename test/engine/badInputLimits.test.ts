import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../shared/domain/limits.js';
import {
  amAlert,
  amWebhook,
  createSource,
  expectIntact,
  ingestClients,
  pagerDutyError,
  pdTrigger,
  seedBaseline,
  type Baseline,
  type IngestClients,
} from '../helpers/ingest.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';

/**
 * The size and shape limits every JSON endpoint shares (docs/ingest.md, "Limits"), per
 * endpoint, and rate limiting per integration key.
 */
describe('bad input: body limits on every endpoint', () => {
  let t: TestEngine;
  let io: IngestClients;
  let baseline: Baseline;
  beforeAll(async () => {
    t = await startTestEngine();
    io = ingestClients(t);
    baseline = await seedBaseline(t);
  });
  afterEach(() => expectIntact(t, baseline));
  afterAll(() => t.dispose());

  const endpoints = () => [
    { name: 'ilert', path: '/api/events', pagerDuty: false },
    { name: 'PagerDuty', path: '/v2/enqueue', pagerDuty: true },
    {
      name: 'Alertmanager',
      path: `/api/v1/alertmanager/${baseline.source.integrationKey}`,
      pagerDuty: false,
    },
    { name: 'REST', path: '/api/v1/alert-sources', pagerDuty: false },
  ];
  const names = ['ilert', 'PagerDuty', 'Alertmanager', 'REST'];

  async function expectRefused(name: string, body: string | Buffer, status: number, code: string) {
    const endpoint = endpoints().find((e) => e.name === name)!;
    // REST needs a user; ingest endpoints ignore the token.
    const res = await io.admin.post(endpoint.path, undefined, {
      raw: body,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(status);
    if (endpoint.pagerDuty) expect(res.body).toEqual(pagerDutyError(code));
    else expect(res.body.error).toMatchObject({ code, message: expect.any(String) });
  }

  it.each(names)('%s: a body over 512 KB → 413 payload_too_large', async (name) => {
    const body = JSON.stringify({ summary: 'x'.repeat(limits.maxBodyBytes) });
    await expectRefused(name, body, 413, 'payload_too_large');
  });

  it.each(names)('%s: nesting deeper than 32 → 400 too_deeply_nested', async (name) => {
    const deep = '{"a":'.repeat(limits.maxJsonDepth) + '1' + '}'.repeat(limits.maxJsonDepth);
    await expectRefused(name, `{"customDetails":${deep}}`, 400, 'too_deeply_nested');
  });

  it.each(names)(
    '%s: 500,000-deep nesting → 400 too_deeply_nested, no stack overflow',
    async (name) => {
      await expectRefused(name, '['.repeat(500_000), 400, 'too_deeply_nested');
    },
  );

  it.each(names)('%s: an array of more than 1000 elements → 400 array_too_long', async (name) => {
    const body = `{"alerts":[${Array.from({ length: limits.maxArrayLength + 1 }, () => '0').join(',')}]}`;
    await expectRefused(name, body, 400, 'array_too_long');
  });

  it.each(names)('%s: bytes that are not UTF-8 → 400 invalid_utf8', async (name) => {
    const body = Buffer.concat([
      Buffer.from('{"summary":"caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}'),
    ]);
    await expectRefused(name, body, 400, 'invalid_utf8');
  });

  it('takes a body of exactly 512 KB', async () => {
    const source = await createSource(io.admin, 'Big');
    const base = {
      integrationKey: source.integrationKey,
      eventType: 'ALERT',
      summary: 'big',
      details: '',
    };
    const padding = limits.maxBodyBytes - Buffer.byteLength(JSON.stringify(base));
    const body = JSON.stringify({ ...base, details: 'd'.repeat(padding) });
    expect(Buffer.byteLength(body)).toBe(limits.maxBodyBytes);
    const res = await io.raw('/api/events', body);
    expect(res.status).toBe(202);
    expect((await io.alert(res.body.alertId)).details).toHaveLength(limits.detailsChars);
  });

  it('takes an Alertmanager notification of exactly 1000 alerts, in order', async () => {
    const source = await createSource(io.admin, 'Thousand');
    const alerts = Array.from({ length: limits.maxArrayLength }, (_, i) =>
      amAlert('firing', { alertname: 'Many', i: String(i) }, { fingerprint: `fp-${i}` }),
    );
    const res = await io.alertmanager(source.integrationKey, amWebhook(alerts));
    expect(res.status).toBe(202);
    expect(res.body.alerts).toHaveLength(1000);
    expect(res.body.alerts[999]).toMatchObject({ fingerprint: 'fp-999', outcome: 'created' });
    expect((await io.alertsOf(source.id)).length).toBe(500); // the page limit; all are there
  });
});

describe('bad input: floods from one integration key', () => {
  let t: TestEngine;
  let io: IngestClients;
  /** The engine's clock, moved by the tests: refills never depend on how fast the machine is. */
  let now = Date.parse('2026-11-28T09:00:00Z');
  beforeAll(async () => {
    t = await startTestEngine({
      clock: { now: () => now },
      ingestRateLimit: { perSecond: 0.5, burst: 3 },
    });
    io = ingestClients(t);
  });
  afterAll(() => t.dispose());

  const senders = {
    ilert: (key: string, i: number) =>
      io.ilert({
        integrationKey: key,
        eventType: 'ALERT',
        summary: `flood ${i}`,
        alertKey: `f${i}`,
      }),
    PagerDuty: (key: string, i: number) => io.pagerDuty(pdTrigger(key, { dedup_key: `f${i}` })),
    Alertmanager: (key: string, i: number) =>
      io.alertmanager(
        key,
        amWebhook([amAlert('firing', { alertname: 'F' }, { fingerprint: `f${i}` })]),
      ),
  };

  it.each(Object.keys(senders) as Array<keyof typeof senders>)(
    '%s: past the burst → 429 with Retry-After; nothing of the refused events is applied',
    async (format) => {
      const source = await createSource(io.admin, `Flood ${format}`);
      const send = senders[format];
      for (let i = 0; i < 3; i += 1)
        expect((await send(source.integrationKey, i)).status).toBe(202);
      const refused = await send(source.integrationKey, 3);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('2'); // one event per 2 s
      if (format === 'PagerDuty') {
        expect(refused.body).toEqual({
          status: 'throttle event',
          message: expect.any(String),
          code: 'rate_limited',
        });
      } else {
        expect(refused.body.error).toMatchObject({
          code: 'rate_limited',
          message: expect.stringMatching(/retry in 2 s/),
        });
      }
      expect(await io.alertsOf(source.id)).toHaveLength(3);

      // Other keys are not held back, and the engine still answers everyone else.
      const other = await createSource(io.admin, `Calm ${format}`);
      expect((await send(other.integrationKey, 0)).status).toBe(202);
      expect((await io.admin.get('/healthz')).status).toBe(200);

      // After the advised wait, the key may send again.
      now += 2000;
      expect((await send(source.integrationKey, 4)).status).toBe(202);
      expect((await send(source.integrationKey, 5)).status).toBe(429);
    },
  );

  it('limits unknown keys too, so guessing keys is slow', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push((await senders.ilert('not-a-key-at-all', i)).status);
    }
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
  });
});
