import { expect } from 'vitest';
import { client, type Client, type JsonResponse } from './http.js';
import type { TestEngine } from './testEngine.js';

/**
 * Calls for the heartbeat and maintenance tests (docs/heartbeats.md, docs/maintenance.md):
 * monitors, pings without a token, windows, and reading what an alert source holds.
 */

/** Creates a heartbeat monitor as admin; answers its body (201 asserted). */
export async function createMonitor(
  api: Client,
  alertSourceId: string,
  more: Record<string, unknown> = {},
): Promise<any> {
  const res = await api.post('/api/v1/heartbeat-monitors', {
    name: 'Nightly backup',
    alertSourceId,
    intervalSeconds: 3600,
    graceSeconds: 300,
    ...more,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** A ping as a cron job sends it: no token, the key in the path. */
export function ping(
  t: TestEngine,
  key: string,
  method: 'GET' | 'POST' = 'POST',
): Promise<JsonResponse> {
  return client(t.url, null).request(method, `/api/v1/heartbeats/${encodeURIComponent(key)}`);
}

export async function monitorOf(api: Client, id: string): Promise<any> {
  const res = await api.get(`/api/v1/heartbeat-monitors/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

/** Creates a maintenance window as admin; answers its body (201 asserted). */
export async function createWindow(
  api: Client,
  alertSourceIds: string[],
  schedule: Record<string, unknown>,
  name = 'Planned maintenance',
): Promise<any> {
  const res = await api.post('/api/v1/maintenance-windows', { name, alertSourceIds, schedule });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Every alert of a source, oldest first. */
export async function alertsOfSource(api: Client, sourceId: string): Promise<any[]> {
  const res = await api.get(`/api/v1/alerts?source=${sourceId}&limit=500`);
  expect(res.status).toBe(200);
  return [...res.body.items].reverse();
}

/** Whether anything was put in the outbox (anyone paged) about an alert. */
export async function pagesAbout(t: TestEngine, alertId: string): Promise<number> {
  return (await t.engine.store.read((tx) => tx.outbox.listByAlert(Number(alertId)))).length;
}
