import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createSource,
  expectIntact,
  ingestClients,
  seedBaseline,
  type Baseline,
  type IngestClients,
  type TestSource,
} from '../helpers/ingest.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';

/**
 * Bad input to `POST /api/events`, one test each: the status, the stable code, and (after each
 * test) that the engine still answers and the alerts accepted before are unchanged.
 */
describe('bad input: ilert events API', () => {
  let t: TestEngine;
  let io: IngestClients;
  let baseline: Baseline;
  let spare: TestSource;
  let key: string;
  beforeAll(async () => {
    t = await startTestEngine();
    io = ingestClients(t);
    baseline = await seedBaseline(t);
    key = baseline.source.integrationKey;
    spare = await createSource(io.admin, 'Spare');
  });
  afterEach(() => expectIntact(t, baseline));
  afterAll(() => t.dispose());

  const raw = (body: string | Buffer, contentType?: string | null) =>
    io.raw('/api/events', body, contentType);
  const event = (more: Record<string, unknown>) =>
    io.ilert({ integrationKey: key, eventType: 'ALERT', summary: 'bad', ...more });

  function expectError(res: { status: number; body: any }, status: number, code: string) {
    expect(res.status).toBe(status);
    expect(res.body).toEqual({
      error: {
        code,
        message: expect.any(String),
        ...(res.body.error?.issues ? { issues: expect.any(Array) } : {}),
      },
    });
    expect(res.body.error.message.length).toBeGreaterThan(10);
  }
  const pathsOf = (res: { body: any }) => res.body.error.issues.map((i: any) => i.path);

  it('malformed JSON → 400 invalid_json', async () => {
    expectError(
      await raw(`{"integrationKey": "${key}", "eventType": "ALERT",`),
      400,
      'invalid_json',
    );
  });

  it('an empty body → 400 invalid_json', async () => {
    expectError(await raw(''), 400, 'invalid_json');
  });

  it('a text/plain body → 415 unsupported_media_type', async () => {
    const body = JSON.stringify({ integrationKey: key, eventType: 'ALERT', summary: 'x' });
    expectError(await raw(body, 'text/plain'), 415, 'unsupported_media_type');
  });

  it('a form-encoded body → 415 unsupported_media_type', async () => {
    expectError(
      await raw(
        `integrationKey=${key}&eventType=ALERT&summary=x`,
        'application/x-www-form-urlencoded',
      ),
      415,
      'unsupported_media_type',
    );
  });

  it('no content type → 415 unsupported_media_type', async () => {
    expectError(await raw('{}', null), 415, 'unsupported_media_type');
  });

  it.each([
    ['null', 'null'],
    ['an array', '[{"integrationKey":"KEY","eventType":"ALERT","summary":"x"}]'],
    ['a string', '"ALERT"'],
    ['a number', '42'],
    ['true', 'true'],
  ])('%s as the body → 400 invalid_request', async (_name, body) => {
    const res = await raw(body.replace('KEY', key));
    expectError(res, 400, 'invalid_request');
    expect(pathsOf(res)).toEqual(['(body)']);
  });

  it('no integration key → 400 invalid_request naming integrationKey', async () => {
    const res = await io.ilert({ eventType: 'ALERT', summary: 'x' });
    expectError(res, 400, 'invalid_request');
    expect(pathsOf(res)).toEqual(['integrationKey']);
  });

  it('no eventType → 400 invalid_request naming eventType', async () => {
    const res = await io.ilert({ integrationKey: key, summary: 'x' });
    expectError(res, 400, 'invalid_request');
    expect(pathsOf(res)).toEqual(['eventType']);
  });

  it('an ALERT without summary → 400 invalid_request naming summary', async () => {
    const res = await io.ilert({ integrationKey: key, eventType: 'ALERT' });
    expectError(res, 400, 'invalid_request');
    expect(pathsOf(res)).toEqual(['summary']);
  });

  it('an ACCEPT without alertKey → 400 invalid_request naming alertKey', async () => {
    const res = await io.ilert({ integrationKey: key, eventType: 'ACCEPT' });
    expectError(res, 400, 'invalid_request');
    expect(pathsOf(res)).toEqual(['alertKey']);
  });

  it.each([
    ['eventType', { eventType: 1 }],
    ['integrationKey', { integrationKey: 123 }],
    ['summary', { summary: ['x'] }],
    ['priority', { priority: 1 }],
    ['labels', { labels: ['a=b'] }],
    ['links', { links: { href: 'x' } }],
    ['images.0.src', { images: [{ src: 5 }] }],
    ['alertKey', { alertKey: 42 }],
  ])('a wrong type for %s → 400 invalid_request naming it', async (path, more) => {
    const res = await event(more);
    expectError(res, 400, 'invalid_request');
    expect(pathsOf(res)).toContain(path);
  });

  it('an unknown integration key → 404 unknown_integration_key', async () => {
    expectError(
      await io.ilert({ integrationKey: 'no-such-key', eventType: 'ALERT', summary: 'x' }),
      404,
      'unknown_integration_key',
    );
  });

  it.each(['TRIGGER', 'ESCALATE', 'constructor', '__proto__'])(
    'the unknown event type %s → 400 unknown_event_type',
    async (eventType) => {
      const res = await event({ eventType, alertKey: 'base-1' });
      expectError(res, 400, 'unknown_event_type');
      expect(pathsOf(res)).toEqual(['eventType']);
    },
  );

  it('an alert key over 255 characters → 400 invalid_request (a cut key would merge alerts)', async () => {
    const res = await event({ alertKey: 'k'.repeat(256) });
    expectError(res, 400, 'invalid_request');
    expect(pathsOf(res)).toEqual(['alertKey']);
    const legacy = await event({ incidentKey: 'k'.repeat(256) });
    expect(pathsOf(legacy)).toEqual(['incidentKey']);
  });

  it('an alert key of exactly 255 characters is taken', async () => {
    const res = await io.ilert({
      integrationKey: spare.integrationKey,
      eventType: 'ALERT',
      summary: 'long key',
      alertKey: 'k'.repeat(255),
    });
    expect(res.status).toBe(202);
    expect(res.body.alertKey).toHaveLength(255);
  });

  it('oversized text is cut to its documented limit with an ellipsis, not refused', async () => {
    const res = await io.ilert({
      integrationKey: spare.integrationKey,
      eventType: 'ALERT',
      summary: `${'s'.repeat(1023)}🔥${'s'.repeat(5000)}`,
      details: 'd'.repeat(100_000),
      labels: { big: 'v'.repeat(5000) },
    });
    expect(res.status).toBe(202);
    const a = await io.alert(res.body.alertId);
    expect(a.summary).toHaveLength(1024);
    expect(a.summary).toBe(`${'s'.repeat(1023)}…`); // the emoji is not split in half
    expect(a.details).toHaveLength(65536);
    expect(a.labels.big).toHaveLength(1024);
    expect(a.labels.big.endsWith('…')).toBe(true);
  });

  it('custom details over 64 KB → 400 invalid_request', async () => {
    const res = await event({ customDetails: { dump: 'x'.repeat(70_000) } });
    expectError(res, 400, 'invalid_request');
    expect(pathsOf(res)).toEqual(['customDetails']);
  });

  it('101 labels → 400 invalid_request', async () => {
    const labels = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`l${i}`, 'v']));
    expectError(await event({ labels }), 400, 'invalid_request');
  });

  it('numbers and booleans as label values are taken as text', async () => {
    const res = await io.raw(
      '/api/events',
      `{"integrationKey":"${spare.integrationKey}","eventType":"ALERT","summary":"typed labels",` +
        '"labels":{"port":8080,"ratio":0.5,"tls":false,"big":12345678901234567890}}',
    );
    expect(res.status).toBe(202);
    expect((await io.alert(res.body.alertId)).labels).toEqual({
      port: '8080',
      ratio: '0.5',
      tls: 'false',
      big: '12345678901234567000',
    });
  });

  it('a number too big for a double as a label value → 400 invalid_request', async () => {
    const res = await raw(
      `{"integrationKey":"${key}","eventType":"ALERT","summary":"x","labels":{"n":1e400}}`,
    );
    expectError(res, 400, 'invalid_request');
    expect(res.body.error.issues).toEqual([
      { path: 'labels.n', message: 'a label value is a string, a finite number or a boolean' },
    ]);
  });

  it('huge numbers inside custom details are taken (stored as JSON null)', async () => {
    const res = await io.raw(
      '/api/events',
      `{"integrationKey":"${spare.integrationKey}","eventType":"ALERT","summary":"huge","customDetails":{"n":1e400,"m":-1e999,"ok":1e308}}`,
    );
    expect(res.status).toBe(202);
    expect((await io.alert(res.body.alertId)).customDetails).toEqual({
      n: null,
      m: null,
      ok: 1e308,
    });
  });

  it('__proto__ keys neither crash the engine nor change any prototype', async () => {
    const res = await io.raw(
      '/api/events',
      `{"__proto__":{"eventType":"RESOLVE","polluted":true},"integrationKey":"${spare.integrationKey}",` +
        `"eventType":"ALERT","summary":"proto","labels":{"__proto__":"x","constructor":"c","ok":"1"},` +
        `"customDetails":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}`,
    );
    expect(res.status).toBe(202);
    expect(res.body.outcome).toBe('created');
    const a = await io.alert(res.body.alertId);
    expect(a.state).toBe('PENDING');
    expect(a.labels).toEqual({ constructor: 'c', ok: '1' }); // a __proto__ label is dropped
    expect(({} as any).polluted).toBeUndefined();
    expect((Object.prototype as any).polluted).toBeUndefined();
  });

  it('a NUL character and lone surrogates in text are taken without harm', async () => {
    const res = await io.ilert({
      integrationKey: spare.integrationKey,
      eventType: 'ALERT',
      summary: 'nul \u0000 here',
      alertKey: 'nul\u0000key',
    });
    expect(res.status).toBe(202);
    expect((await io.alert(res.body.alertId)).summary).toBe('nul \u0000 here');
    const again = await io.ilert({
      integrationKey: spare.integrationKey,
      eventType: 'ALERT',
      summary: 'again',
      alertKey: 'NUL\u0000KEY',
    });
    expect(again.body).toMatchObject({ outcome: 'updated', alertId: res.body.alertId });
    // A lone surrogate cannot be stored as UTF-8: it becomes U+FFFD, and stays so.
    const lone = await io.raw(
      '/api/events',
      `{"integrationKey":"${spare.integrationKey}","eventType":"ALERT","summary":"half \\ud83d of it"}`,
    );
    expect(lone.status).toBe(202);
    expect((await io.alert(lone.body.alertId)).summary).toBe('half \uFFFD of it');
  });
});
