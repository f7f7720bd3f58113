import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  amAlert,
  amWebhook,
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
 * Bad input to `POST /api/v1/alertmanager/{integrationKey}`, one test each; after each test
 * the engine still answers and the alerts accepted before are unchanged.
 */
describe('bad input: Alertmanager webhook', () => {
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

  const path = () => `/api/v1/alertmanager/${key}`;
  const firing = (labels: Record<string, unknown>, more: Record<string, unknown> = {}) =>
    amAlert('firing', labels, { fingerprint: 'bad-1', ...more });
  function expectError(
    res: { status: number; body: any },
    status: number,
    code: string,
    issue?: string,
  ) {
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code, message: expect.any(String) });
    if (issue) expect(res.body.error.issues.map((i: any) => i.path)).toContain(issue);
  }

  it('malformed JSON → 400 invalid_json', async () => {
    expectError(await io.raw(path(), '{"version":"4","alerts":[{'), 400, 'invalid_json');
  });

  it('a text/plain body → 415 unsupported_media_type', async () => {
    expectError(
      await io.raw(path(), JSON.stringify(amWebhook([])), 'text/plain'),
      415,
      'unsupported_media_type',
    );
  });

  it('null as the body → 400 invalid_request', async () => {
    expectError(await io.raw(path(), 'null'), 400, 'invalid_request', '(body)');
  });

  it('an unknown integration key in the URL → 404 unknown_integration_key', async () => {
    const res = await io.alertmanager(
      '0123456789abcdef0123456789abcdef',
      amWebhook([firing({ a: '1' })]),
    );
    expectError(res, 404, 'unknown_integration_key');
  });

  it('a key with URL-escaped slashes and dots → 404 unknown_integration_key', async () => {
    expectError(
      await io.raw('/api/v1/alertmanager/..%2F..%2Fapi%2Fevents', JSON.stringify(amWebhook([]))),
      404,
      'unknown_integration_key',
    );
  });

  it('a broken %-escape in the URL → 400 invalid_request in our error shape', async () => {
    expectError(
      await io.raw('/api/v1/alertmanager/%ZZ', JSON.stringify(amWebhook([]))),
      400,
      'invalid_request',
    );
  });

  it('a key longer than any key → 414 in our error shape', async () => {
    expectError(await io.alertmanager('k'.repeat(5000), amWebhook([])), 414, 'invalid_request');
  });

  it('webhook version 3 → 400 invalid_request naming version', async () => {
    expectError(
      await io.alertmanager(key, amWebhook([firing({ a: '1' })], { version: '3' })),
      400,
      'invalid_request',
      'version',
    );
  });

  it('no alerts list → 400 invalid_request naming alerts', async () => {
    const { alerts: _a, ...rest } = amWebhook([]);
    expectError(await io.alertmanager(key, rest), 400, 'invalid_request', 'alerts');
  });

  it('alerts that is an object → 400 invalid_request naming alerts', async () => {
    expectError(
      await io.alertmanager(key, amWebhook([], { alerts: { 0: firing({ a: '1' }) } })),
      400,
      'invalid_request',
      'alerts',
    );
  });

  it('an alert status other than firing or resolved → 400 invalid_request', async () => {
    expectError(
      await io.alertmanager(key, amWebhook([firing({ a: '1' }, { status: 'pending' })])),
      400,
      'invalid_request',
      'alerts.0.status',
    );
  });

  it('an annotation that is not text → 400 invalid_request naming it', async () => {
    expectError(
      await io.alertmanager(key, amWebhook([firing({ a: '1' }, { annotations: { summary: 42 } })])),
      400,
      'invalid_request',
      'alerts.0.annotations.summary',
    );
  });

  it('a fingerprint over 255 characters → 400 invalid_request', async () => {
    expectError(
      await io.alertmanager(key, amWebhook([firing({ a: '1' }, { fingerprint: 'f'.repeat(256) })])),
      400,
      'invalid_request',
      'alerts.0.fingerprint',
    );
  });

  it('a label value too big for a double → 400 invalid_request', async () => {
    const body = `{"version":"4","alerts":[{"status":"firing","labels":{"n":1e400},"fingerprint":"x"}]}`;
    expectError(await io.raw(path(), body), 400, 'invalid_request', 'alerts.0.labels.n');
  });

  it('a batch with one bad alert → 400, and none of its good alerts applied', async () => {
    const res = await io.alertmanager(
      spare.integrationKey,
      amWebhook([firing({ a: '1' }, { fingerprint: 'good' }), firing({ a: {} })]),
    );
    expectError(res, 400, 'invalid_request', 'alerts.1.labels.a');
    expect(await io.alertsOf(spare.id)).toEqual([]);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'a severity label "%s" is an unknown severity, not a crash',
    async (severity) => {
      const res = await io.alertmanager(
        spare.integrationKey,
        amWebhook([firing({ alertname: 'odd', severity }, { fingerprint: `sev-${severity}` })]),
      );
      expect(res.status).toBe(202);
      expect(await io.alert(res.body.alerts[0].alertId)).toMatchObject({
        severity: null,
        priority: 'HIGH',
      });
    },
  );

  it('numbers and booleans as label values are taken as text', async () => {
    const res = await io.alertmanager(
      spare.integrationKey,
      amWebhook([firing({ alertname: 'typed', port: 9100, up: false }, { fingerprint: 'typed' })]),
    );
    expect(res.status).toBe(202);
    expect((await io.alert(res.body.alerts[0].alertId)).labels).toEqual({
      alertname: 'typed',
      port: '9100',
      up: 'false',
    });
  });

  it('__proto__ labels and annotations neither crash nor pollute', async () => {
    const body =
      `{"version":"4","alerts":[{"status":"firing","fingerprint":"proto",` +
      `"labels":{"__proto__":{"severity":"critical"},"alertname":"proto"},` +
      `"annotations":{"__proto__":"s","summary":"proto alert"}}]}`;
    const res = await io.raw(`/api/v1/alertmanager/${spare.integrationKey}`, body);
    expect(res.status).toBe(202);
    const a = await io.alert(res.body.alerts[0].alertId);
    expect(a).toMatchObject({
      summary: 'proto alert',
      labels: { alertname: 'proto' },
      severity: null,
    });
    expect(({} as any).severity).toBeUndefined();
  });

  it('a summary annotation over 1024 characters is cut, not refused', async () => {
    const res = await io.alertmanager(
      spare.integrationKey,
      amWebhook([
        firing(
          { alertname: 'long' },
          { fingerprint: 'long', annotations: { summary: 'y'.repeat(3000) } },
        ),
      ]),
    );
    expect(res.status).toBe(202);
    const a = await io.alert(res.body.alerts[0].alertId);
    expect(a.summary).toHaveLength(1024);
    expect(a.summary.endsWith('y…')).toBe(true);
  });
});
