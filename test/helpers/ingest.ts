import { expect } from 'vitest';
import { client, type Client, type JsonResponse } from './http.js';
import type { TestEngine } from './testEngine.js';

/** An alert source as the REST API returns it to an admin (with its integration key). */
export interface TestSource {
  readonly id: string;
  readonly integrationKey: string;
}

/** Creates an alert source through the REST API as the admin. */
export async function createSource(api: Client, name = 'Test source'): Promise<TestSource> {
  const res = await api.post('/api/v1/alert-sources', { name });
  if (res.status !== 201) throw new Error(`creating a source answered ${res.status}`);
  return res.body;
}

/** A firing or resolved Alertmanager v4 alert, with what Alertmanager always sends. */
export function amAlert(
  status: 'firing' | 'resolved',
  labels: Record<string, unknown>,
  more: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    status,
    labels,
    annotations: {},
    startsAt: '2026-11-28T09:00:00Z',
    endsAt: status === 'resolved' ? '2026-11-28T09:05:00Z' : '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus.example:9090/graph?g0.expr=up',
    ...more,
  };
}

/** An Alertmanager v4 webhook body around `alerts`. */
export function amWebhook(alerts: unknown[], more: Record<string, unknown> = {}) {
  return {
    version: '4',
    groupKey: '{}:{alertname="HostDown"}',
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'nocturne',
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example:9093',
    alerts,
    ...more,
  };
}

/** A PagerDuty v2 trigger with the required payload fields. */
export function pdTrigger(routingKey: string, more: Record<string, unknown> = {}) {
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    payload: { summary: 'Disk full on db-1', source: 'db-1', severity: 'critical' },
    ...more,
  };
}

/**
 * Senders of the three inbound formats, without a user token (integrations authenticate by
 * integration key), and a reader of alerts with the admin token.
 */
export function ingestClients(t: TestEngine) {
  const anonymous = client(t.url, null);
  const admin = client(t.url);
  return {
    admin,
    ilert: (body: unknown) => anonymous.post('/api/events', body),
    pagerDuty: (body: unknown) => anonymous.post('/v2/enqueue', body),
    alertmanager: (integrationKey: string, body: unknown) =>
      anonymous.post(`/api/v1/alertmanager/${encodeURIComponent(integrationKey)}`, body),
    /** Sends `raw` bytes with a content type (JSON unless told otherwise). */
    raw: (path: string, raw: string | Buffer, contentType: string | null = 'application/json') =>
      anonymous.post(path, undefined, {
        raw,
        headers: contentType ? { 'content-type': contentType } : {},
      }),
    /** The alert with its log (as an admin reads it). */
    alert: async (id: string): Promise<any> => (await admin.get(`/api/v1/alerts/${id}`)).body,
    /** Every alert of a source, newest first. */
    alertsOf: async (sourceId: string): Promise<any[]> =>
      (await admin.get(`/api/v1/alerts?source=${sourceId}&limit=500`)).body.items,
  };
}

export type IngestClients = ReturnType<typeof ingestClients>;

/** Fails with the answer's body when the status is not the expected one (clearer than toBe). */
export function expectStatus<T>(res: JsonResponse<T>, status: number): JsonResponse<T> {
  if (res.status !== status) {
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res;
}

/** Alerts accepted before a bad input arrives, as an admin read them then. */
export interface Baseline {
  readonly source: TestSource;
  readonly alerts: readonly any[];
}

/**
 * Seeds one alert per format on a new source (one of them accepted, so the log has several
 * entries) and records them, for {@link expectIntact} after a bad input.
 */
export async function seedBaseline(t: TestEngine): Promise<Baseline> {
  const io = ingestClients(t);
  const source = await createSource(io.admin, 'Baseline');
  const key = source.integrationKey;
  const sent = [
    await io.ilert({
      integrationKey: key,
      eventType: 'ALERT',
      summary: 'base ilert',
      alertKey: 'base-1',
    }),
    await io.ilert({ integrationKey: key, eventType: 'ACCEPT', alertKey: 'base-1' }),
    await io.pagerDuty(pdTrigger(key, { dedup_key: 'base-2' })),
    await io.alertmanager(
      key,
      amWebhook([amAlert('firing', { alertname: 'Base' }, { fingerprint: 'base-3' })]),
    ),
  ];
  for (const res of sent) expectStatus(res, 202);
  const ids = (await io.alertsOf(source.id)).map((a) => a.id as string);
  const alerts = await Promise.all(ids.map((id) => io.alert(id)));
  return { source, alerts };
}

/** The engine still answers, and every alert of the baseline (with its log) is as it was. */
export async function expectIntact(t: TestEngine, baseline: Baseline): Promise<void> {
  const io = ingestClients(t);
  expect((await io.admin.get('/healthz')).status).toBe(200);
  const now = await Promise.all(baseline.alerts.map((a) => io.alert(a.id)));
  expect(now).toEqual(baseline.alerts);
  expect(await io.alertsOf(baseline.source.id)).toHaveLength(baseline.alerts.length);
}

/** PagerDuty's error shape: `{status: "invalid event", message, errors: [...]}` plus our code. */
export function pagerDutyError(code: string) {
  return {
    status: 'invalid event',
    message: expect.any(String),
    errors: expect.arrayContaining([expect.any(String)]),
    code,
  };
}
