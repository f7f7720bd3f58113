import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createSource,
  expectIntact,
  ingestClients,
  pagerDutyError,
  pdTrigger,
  seedBaseline,
  type Baseline,
  type IngestClients,
  type TestSource,
} from '../helpers/ingest.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';

/**
 * Bad input to `POST /v2/enqueue`, one test each. Every refusal answers in PagerDuty's shape
 * (`{status: "invalid event", message, errors}`) with our stable `code` added; after each test
 * the engine still answers and the alerts accepted before are unchanged.
 */
describe('bad input: PagerDuty Events API v2', () => {
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

  const raw = (body: string, contentType?: string | null) =>
    io.raw('/v2/enqueue', body, contentType);
  function expectRefused(res: { status: number; body: any }, code: string, line?: string) {
    expect(res.status).toBe(400);
    expect(res.body).toEqual(pagerDutyError(code));
    if (line)
      expect(
        res.body.errors.some((e: string) => e.startsWith(line)),
        res.body.errors.join(' | '),
      ).toBe(true);
  }

  it('malformed JSON → 400 invalid event, code invalid_json', async () => {
    expectRefused(await raw(`{"routing_key":"${key}",`), 'invalid_json');
  });

  it('an empty body → 400 invalid event, code invalid_json', async () => {
    expectRefused(await raw(''), 'invalid_json');
  });

  it('a text/plain body → 415 in PagerDuty shape, code unsupported_media_type', async () => {
    const res = await raw(JSON.stringify(pdTrigger(key)), 'text/plain');
    expect(res.status).toBe(415);
    expect(res.body).toEqual(pagerDutyError('unsupported_media_type'));
  });

  it.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['a string', '"trigger"'],
  ])('%s as the body → 400 invalid event, code invalid_request', async (_name, body) => {
    expectRefused(await raw(body), 'invalid_request');
  });

  it('no routing_key → 400 invalid event naming routing_key', async () => {
    const { routing_key: _r, ...rest } = pdTrigger(key);
    expectRefused(await io.pagerDuty(rest), 'invalid_request', "'routing_key'");
  });

  it('an unknown routing_key → 400 invalid event (as PagerDuty), code unknown_integration_key', async () => {
    const res = await io.pagerDuty(pdTrigger('0123456789abcdef0123456789abcdef'));
    expectRefused(res, 'unknown_integration_key');
    expect(res.body.message).toMatch(/integration key/);
  });

  it('no event_action → 400 invalid event naming event_action', async () => {
    expectRefused(
      await io.pagerDuty({ routing_key: key, payload: pdTrigger(key).payload }),
      'invalid_request',
      "'event_action'",
    );
  });

  it.each(['Trigger', 'acknowledged', 'escalate', 'constructor', '__proto__', 'toString'])(
    'the unknown event_action %s → 400 invalid event, code unknown_event_type',
    async (event_action) => {
      expectRefused(
        await io.pagerDuty({ routing_key: key, event_action, dedup_key: 'base-2' }),
        'unknown_event_type',
        "'event_action' is invalid",
      );
    },
  );

  it('a trigger without payload → 400 invalid event', async () => {
    expectRefused(
      await io.pagerDuty({ routing_key: key, event_action: 'trigger' }),
      'invalid_request',
      "'payload' is missing or blank",
    );
  });

  it.each([
    ['summary', { summary: undefined }, "'payload.summary'"],
    ['source', { source: undefined }, "'payload.source'"],
    ['severity', { severity: undefined }, "'payload.severity'"],
  ])('a payload without %s → 400 invalid event naming it', async (_f, change, line) => {
    const body = pdTrigger(key);
    expectRefused(
      await io.pagerDuty({ ...body, payload: { ...body.payload, ...change } }),
      'invalid_request',
      line,
    );
  });

  it.each([
    ['payload.severity', { payload: { summary: 's', source: 'h', severity: 'fatal' } }],
    ['payload.summary', { payload: { summary: 42, source: 'h', severity: 'info' } }],
    ['payload', { payload: 'Disk full' }],
    ['dedup_key', { dedup_key: 7 }],
    ['links', { links: 'https://x.example' }],
    ['routing_key', { routing_key: ['k'] }],
  ])('a wrong type for %s → 400 invalid event naming it', async (path, change) => {
    expectRefused(
      await io.pagerDuty({ ...pdTrigger(key), ...change }),
      'invalid_request',
      `'${path}'`,
    );
  });

  it('an acknowledge without dedup_key → 400 invalid event', async () => {
    expectRefused(
      await io.pagerDuty({ routing_key: key, event_action: 'acknowledge' }),
      'invalid_request',
      "'dedup_key' is required for acknowledge",
    );
  });

  it('a dedup_key over 255 characters → 400 invalid event', async () => {
    expectRefused(
      await io.pagerDuty(pdTrigger(key, { dedup_key: 'd'.repeat(256) })),
      'invalid_request',
      "'dedup_key'",
    );
  });

  it('custom details over 64 KB → 400 invalid event', async () => {
    const body = pdTrigger(key);
    expectRefused(
      await io.pagerDuty({
        ...body,
        payload: { ...body.payload, custom_details: 'x'.repeat(70_000) },
      }),
      'invalid_request',
      "'payload.custom_details'",
    );
  });

  it('21 links → 400 invalid event', async () => {
    const links = Array.from({ length: 21 }, (_, i) => ({ href: `https://l.example/${i}` }));
    expectRefused(await io.pagerDuty(pdTrigger(key, { links })), 'invalid_request', "'links'");
  });

  it('a summary over 1024 characters is cut with an ellipsis, not refused', async () => {
    const body = pdTrigger(spare.integrationKey, { dedup_key: 'long-summary' });
    const res = await io.pagerDuty({
      ...body,
      payload: { ...body.payload, summary: 'x'.repeat(4000) },
    });
    expect(res.status).toBe(202);
    const [a] = await io.alertsOf(spare.id);
    expect(a.summary).toHaveLength(1024);
    expect(a.summary.endsWith('x…')).toBe(true);
  });
});
