import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMonitor, ping } from '../../helpers/heartbeats.js';
import { client, type Client } from '../../helpers/http.js';
import { createSource } from '../../helpers/ingest.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';
import { addUser } from '../../helpers/users.js';

/**
 * Bad input to the heartbeat routes (docs/heartbeats.md): each answers 400 or 404 with a stable
 * code and the field at fault, and changes nothing; pings take whatever body a tool sends.
 */
let t: TestEngine;
let admin: Client;
let sourceId: string;
let monitor: any;
beforeAll(async () => {
  t = await startTestEngine();
  admin = client(t.url);
  sourceId = (await createSource(admin)).id;
  monitor = await createMonitor(admin, sourceId);
});
afterAll(() => t.dispose());

const base = '/api/v1/heartbeat-monitors';
const valid = () => ({ name: 'Backup', alertSourceId: sourceId, intervalSeconds: 3600 });

describe('POST /api/v1/heartbeat-monitors', () => {
  it.each([
    ['no name', { name: undefined }, 'name'],
    ['an empty name', { name: '  ' }, 'name'],
    ['an interval under a minute', { intervalSeconds: 30 }, 'intervalSeconds'],
    ['an interval over 31 days', { intervalSeconds: 31 * 86_400 + 1 }, 'intervalSeconds'],
    ['a fractional interval', { intervalSeconds: 90.5 }, 'intervalSeconds'],
    ['a negative grace', { graceSeconds: -1 }, 'graceSeconds'],
    ['a grace over a week', { graceSeconds: 7 * 86_400 + 1 }, 'graceSeconds'],
    ['a source id that is not an id', { alertSourceId: 'prometheus' }, 'alertSourceId'],
    ['an unknown field', { intervalMinutes: 5 }, 'intervalMinutes'],
    ['a key of its own choosing', { key: 'abc' }, 'key'],
  ])('refuses %s with 400 invalid_request naming the field', async (_what, change, path) => {
    const res = await admin.post(base, { ...valid(), ...change });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.issues.map((i: any) => i.path)).toContain(path);
  });

  it('refuses an alert source that does not exist with 400 alert_source_not_found', async () => {
    const res = await admin.post(base, { ...valid(), alertSourceId: '987654' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'alert_source_not_found',
      issues: [{ path: 'alertSourceId', message: 'names no alert source' }],
    });
    expect(res.body.error.message).toMatch(/^There is no alert source 987654/);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await admin.post(base, undefined, { raw: 'name=x' });
    expect(res.status).toBe(415);
  });
});

describe('reading, changing and deleting', () => {
  it.each([
    ['GET', '987654'],
    ['PATCH', '987654'],
    ['DELETE', '987654'],
    ['GET', 'abc'],
    ['DELETE', '-1'],
  ])('%s of monitor %s answers 404 heartbeat_monitor_not_found', async (method, id) => {
    const res = await admin.request(method, `${base}/${id}`, method === 'PATCH' ? {} : undefined);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('heartbeat_monitor_not_found');
  });

  it.each([
    ['an unknown field', { interval: 5 }, 'interval', 'invalid_request'],
    ['a paused flag that is not a boolean', { paused: 'yes' }, 'paused', 'invalid_request'],
    ['a zero interval', { intervalSeconds: 0 }, 'intervalSeconds', 'invalid_request'],
    ['an unknown source', { alertSourceId: '987654' }, 'alertSourceId', 'alert_source_not_found'],
  ])('PATCH with %s answers 400 and changes nothing', async (_what, body, path, code) => {
    const res = await admin.patch(`${base}/${monitor.id}`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.issues.map((i: any) => i.path)).toContain(path);
    expect((await admin.get(`${base}/${monitor.id}`)).body).toEqual(monitor);
  });

  it('shows the ping key to responders and admins, never to viewers', async () => {
    const viewer = client(t.url, (await addUser(t, 'viewer')).token);
    const responder = client(t.url, (await addUser(t, 'responder')).token);
    expect((await viewer.get(`${base}/${monitor.id}`)).body).not.toHaveProperty('key');
    expect((await viewer.get(base)).body.items.every((m: any) => !('key' in m))).toBe(true);
    expect((await responder.get(`${base}/${monitor.id}`)).body.key).toBe(monitor.key);
  });

  it('rotating the key stops the old URL at once', async () => {
    const other = await createMonitor(admin, sourceId, { name: 'Rotated' });
    const rotated = await admin.patch(`${base}/${other.id}`, { rotateKey: true });
    expect(rotated.body.key).not.toBe(other.key);
    expect((await ping(t, other.key)).status).toBe(404);
    expect((await ping(t, rotated.body.key)).status).toBe(202);
  });
});

describe('pings', () => {
  it.each(['GET', 'POST'] as const)(
    '%s with an unknown key answers 404 unknown_heartbeat_key',
    async (method) => {
      const res = await ping(t, '0123456789abcdef0123456789abcdef', method);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('unknown_heartbeat_key');
      expect(res.body.error.message).toMatch(/Copy the ping URL/);
    },
  );

  it('take any body a tool sends (form, text, JSON, broken JSON) and ignore it', async () => {
    const anonymous = client(t.url, null);
    const path = `/api/v1/heartbeats/${monitor.key}`;
    for (const [raw, type] of [
      ['a=1&b=2', 'application/x-www-form-urlencoded'],
      ['backup done in 42 s', 'text/plain'],
      ['{"ok": true}', 'application/json'],
      ['{not json', 'application/json'],
    ] as const) {
      const res = await anonymous.post(path, undefined, {
        raw,
        headers: { 'content-type': type },
      });
      expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(202);
    }
  });

  it('refuse a body over 512 KB with 413', async () => {
    const res = await client(t.url, null).post(`/api/v1/heartbeats/${monitor.key}`, undefined, {
      raw: 'x'.repeat(600 * 1024),
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(413);
  });

  it('HEAD pings too (uptime checkers send it)', async () => {
    const res = await fetch(`${t.url}/api/v1/heartbeats/${monitor.key}`, { method: 'HEAD' });
    expect(res.status).toBe(202);
  });

  it('need no token, and ignore one', async () => {
    const res = await client(t.url, 'noc_not-a-real-token').post(
      `/api/v1/heartbeats/${monitor.key}`,
    );
    expect(res.status).toBe(202);
  });
});
