import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  amAlert,
  amWebhook,
  createSource,
  expectStatus,
  ingestClients,
  type IngestClients,
  type TestSource,
} from '../helpers/ingest.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';

/** Prometheus Alertmanager webhook v4, `POST /api/v1/alertmanager/{integrationKey}`. */
describe('Alertmanager webhook', () => {
  let t: TestEngine;
  let io: IngestClients;
  let source: TestSource;
  beforeAll(async () => {
    t = await startTestEngine();
    io = ingestClients(t);
  });
  afterAll(() => t.dispose());
  beforeEach(async () => {
    source = await createSource(io.admin);
  });

  const post = (...alerts: unknown[]) => io.alertmanager(source.integrationKey, amWebhook(alerts));
  const firing = (
    fingerprint: string,
    labels: Record<string, string> = { alertname: 'HostDown' },
    more = {},
  ) => amAlert('firing', labels, { fingerprint, ...more });
  const resolved = (
    fingerprint: string,
    labels: Record<string, string> = { alertname: 'HostDown' },
  ) => amAlert('resolved', labels, { fingerprint });

  it('creates an alert per firing fingerprint and answers 202 with each outcome', async () => {
    const res = expectStatus(
      await post(
        firing(
          'fa01',
          { alertname: 'HostDown', instance: 'web-1', severity: 'critical' },
          {
            annotations: { summary: 'web-1 is down', description: 'no scrape for 5m' },
          },
        ),
        firing('fa02', { alertname: 'HostDown', instance: 'web-2', severity: 'warning' }),
      ),
      202,
    );
    expect(res.body).toEqual({
      status: 'success',
      truncatedAlerts: 0,
      alerts: [
        { fingerprint: 'fa01', outcome: 'created', alertId: expect.any(String) },
        { fingerprint: 'fa02', outcome: 'created', alertId: expect.any(String) },
      ],
    });
    const first = await io.alert(res.body.alerts[0].alertId);
    expect(first).toMatchObject({
      alertKey: 'fa01',
      state: 'PENDING',
      summary: 'web-1 is down',
      details: 'no scrape for 5m',
      severity: 'critical',
      priority: 'HIGH',
      origin: 'alertmanager',
      labels: { alertname: 'HostDown', instance: 'web-1', severity: 'critical' },
      links: [
        { href: 'http://prometheus.example:9090/graph?g0.expr=up', text: 'Source' },
        { href: 'http://alertmanager.example:9093', text: 'Alertmanager' },
      ],
    });
    expect(first.log.items).toEqual([
      expect.objectContaining({
        kind: 'created',
        actor: { type: 'integration', sourceId: source.id, format: 'alertmanager' },
        message: 'Created by an Alertmanager event',
      }),
    ]);
    // No summary annotation: the summary is the alert name.
    expect((await io.alert(res.body.alerts[1].alertId)).summary).toBe('HostDown');
  });

  it('updates the open alert when Alertmanager repeats a firing alert', async () => {
    const first = await post(firing('rep'));
    const again = expectStatus(await post(firing('REP', { alertname: 'HostDown', n: '2' })), 202);
    expect(again.body.alerts).toEqual([
      { fingerprint: 'REP', outcome: 'updated', alertId: first.body.alerts[0].alertId },
    ]);
    expect(await io.alertsOf(source.id)).toEqual([
      expect.objectContaining({ eventCount: 2, labels: { alertname: 'HostDown', n: '2' } }),
    ]);
  });

  it('resolves the alert of a resolved fingerprint', async () => {
    const created = await post(firing('res'));
    const res = expectStatus(await post(resolved('res')), 202);
    expect(res.body.alerts).toEqual([
      { fingerprint: 'res', outcome: 'resolved', alertId: created.body.alerts[0].alertId },
    ]);
    const a = await io.alert(created.body.alerts[0].alertId);
    expect(a.state).toBe('RESOLVED');
    expect(a.log.items.at(-1)).toMatchObject({
      kind: 'resolved',
      actor: { type: 'integration', format: 'alertmanager' },
    });
  });

  it('drops a resolved alert it never saw firing', async () => {
    const res = expectStatus(await post(resolved('ghost')), 202);
    expect(res.body.alerts).toEqual([{ fingerprint: 'ghost', outcome: 'dropped', alertId: null }]);
    expect(await io.alertsOf(source.id)).toEqual([]);
  });

  it('applies a batch in order in one request', async () => {
    const res = expectStatus(
      await post(
        firing('b1'),
        firing('b2'),
        resolved('b1'),
        firing('b1'), // after its resolve: a new alert, the resolved one stays resolved
        firing('B2'),
        resolved('b3'),
      ),
      202,
    );
    const outcomes = res.body.alerts.map((a: any) => `${a.fingerprint} ${a.outcome}`);
    expect(outcomes).toEqual([
      'b1 created',
      'b2 created',
      'b1 resolved',
      'b1 created',
      'B2 updated',
      'b3 dropped',
    ]);
    const [b1, b2, , b1again, b2again] = res.body.alerts;
    expect(b1again.alertId).not.toBe(b1.alertId);
    expect(b2again.alertId).toBe(b2.alertId);
    expect((await io.alert(b1.alertId)).state).toBe('RESOLVED');
    expect((await io.alert(b1again.alertId)).state).toBe('PENDING');
    expect((await io.alert(b2.alertId)).eventCount).toBe(2);
  });

  it('applies nothing of a batch with one invalid alert', async () => {
    const res = await post(firing('ok-1'), { status: 'firing' }, firing('ok-2'));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'invalid_request',
      issues: [expect.objectContaining({ path: 'alerts.1.labels' })],
    });
    expect(await io.alertsOf(source.id)).toEqual([]);
  });

  it('derives the fingerprint from the labels when a payload has none, so resolve still matches', async () => {
    const labels = { alertname: 'DiskFull', instance: 'db-1' };
    const created = expectStatus(
      await io.alertmanager(source.integrationKey, amWebhook([amAlert('firing', labels)])),
      202,
    );
    const fingerprint = created.body.alerts[0].fingerprint;
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const reordered = { instance: 'db-1', alertname: 'DiskFull' };
    const res = await io.alertmanager(
      source.integrationKey,
      amWebhook([amAlert('resolved', reordered)]),
    );
    expect(res.body.alerts).toEqual([
      { fingerprint, outcome: 'resolved', alertId: created.body.alerts[0].alertId },
    ]);
  });

  it('reports truncatedAlerts back and takes an empty notification', async () => {
    const res = expectStatus(
      await io.alertmanager(source.integrationKey, amWebhook([], { truncatedAlerts: 12 })),
      202,
    );
    expect(res.body).toEqual({ status: 'success', truncatedAlerts: 12, alerts: [] });
  });

  it('takes the fields of a real Alertmanager 0.27 notification it does not use', async () => {
    const res = await io.alertmanager(source.integrationKey, {
      receiver: 'nocturne',
      status: 'firing',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'Watchdog', severity: 'none' },
          annotations: { description: 'always firing' },
          startsAt: '2026-11-28T09:00:00.123456789Z',
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: 'http://prometheus:9090/graph?g0.expr=vector%281%29',
          fingerprint: 'e0ba7c5fe1b2bdd4',
        },
      ],
      groupLabels: { alertname: 'Watchdog' },
      commonLabels: { alertname: 'Watchdog', severity: 'none' },
      commonAnnotations: { description: 'always firing' },
      externalURL: 'http://alertmanager:9093',
      version: '4',
      groupKey: '{}/{}:{alertname="Watchdog"}',
      truncatedAlerts: 0,
    });
    expect(res.status).toBe(202);
    expect((await io.alert(res.body.alerts[0].alertId)).priority).toBe('LOW');
  });
});
