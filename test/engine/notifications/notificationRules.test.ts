import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../helpers/http.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';
import { addUser } from '../../helpers/users.js';

/** Notification rules over REST: defaults, CRUD, who may do what, and clear refusals. */
describe('notification rules', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(() => t.dispose());

  it('gives every new user the documented defaults, the first admin included', async () => {
    const ada = await addUser(t, 'responder', 'Ada Lovelace');
    const api = client(t.url, ada.token);
    const rules = (await api.get('/api/v1/me/notification-rules')).body.items;
    expect(rules.map((r: any) => [r.channel, r.delayMinutes, r.priority, r.address])).toEqual([
      ['console', 0, 'HIGH', null],
      ['console', 0, 'LOW', null],
      ['email', 5, 'HIGH', null],
    ]);
    const onCall = (await api.get('/api/v1/me/on-call-notification-rules')).body.items;
    expect(onCall.map((r: any) => [r.channel, r.minutesBefore])).toEqual([['console', 15]]);
    const admin = await client(t.url).get('/api/v1/me/notification-rules');
    expect(admin.body.items).toHaveLength(3);
  });

  it('lets a user add, change and delete their own rules', async () => {
    const ada = await addUser(t, 'responder');
    const api = client(t.url, ada.token);
    const created = await api.post('/api/v1/me/notification-rules', {
      channel: 'webhook',
      delayMinutes: 2,
      priority: 'HIGH',
      address: 'https://hooks.slack.com/services/T0/B0/secret',
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(
      `/api/v1/users/${ada.user.id}/notification-rules/${created.body.id}`,
    );
    expect(created.body).toMatchObject({
      userId: ada.user.id,
      channel: 'webhook',
      delayMinutes: 2,
      priority: 'HIGH',
      address: 'https://hooks.slack.com/services/T0/B0/secret',
    });

    const changed = await api.patch(
      `/api/v1/users/${ada.user.id}/notification-rules/${created.body.id}`,
      {
        delayMinutes: 10,
        priority: 'LOW',
      },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ delayMinutes: 10, priority: 'LOW', channel: 'webhook' });

    // A new channel without a new address drops the old one: a console rule has none.
    const toConsole = await api.patch(`/api/v1/me/notification-rules/${created.body.id}`, {
      channel: 'console',
    });
    expect(toConsole.body).toMatchObject({ channel: 'console', address: null });

    const email = await api.post('/api/v1/me/notification-rules', {
      channel: 'email',
      delayMinutes: 1,
      priority: 'LOW',
      address: ' pager@example.com ',
    });
    expect(email.body.address).toBe('pager@example.com');

    expect((await api.delete(`/api/v1/me/notification-rules/${created.body.id}`)).body).toEqual({
      deleted: true,
    });
    const left = (await api.get('/api/v1/me/notification-rules')).body.items;
    expect(left.map((r: any) => r.id)).not.toContain(created.body.id);
    expect(left).toHaveLength(4);
  });

  it('lets admins manage anyone’s rules, and nobody else', async () => {
    const ada = await addUser(t, 'responder');
    const bob = await addUser(t, 'responder');
    const base = `/api/v1/users/${ada.user.id}/notification-rules`;
    const byAdmin = await client(t.url).post(base, {
      channel: 'console',
      delayMinutes: 3,
      priority: 'HIGH',
    });
    expect(byAdmin.status).toBe(201);

    const asBob = client(t.url, bob.token);
    expect((await asBob.get(base)).body.error.code).toBe('forbidden');
    const refused = await asBob.post(base, {
      channel: 'console',
      priority: 'LOW',
      delayMinutes: 9,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/Only an admin/);
    expect((await asBob.delete(`${base}/${byAdmin.body.id}`)).status).toBe(403);

    // A wall-screen token (capped to viewer) reads its user's rules but changes nothing.
    const capped = await addUser(t, 'responder', undefined, { tokenRole: 'viewer' });
    const wall = client(t.url, capped.token);
    expect((await wall.get('/api/v1/me/notification-rules')).status).toBe(200);
    const change = await wall.post('/api/v1/me/notification-rules', {
      channel: 'console',
      priority: 'LOW',
      delayMinutes: 9,
    });
    expect(change.status).toBe(403);
    expect(change.body.error.message).toMatch(/limited to viewer/);
  });

  it.each([
    [{ channel: 'sms', priority: 'HIGH' }, 'channel'],
    [{ channel: 'console', priority: 'URGENT' }, 'priority'],
    [{ channel: 'console', priority: 'HIGH', delayMinutes: -1 }, 'delayMinutes'],
    [{ channel: 'console', priority: 'HIGH', delayMinutes: 1.5 }, 'delayMinutes'],
    [{ channel: 'console', priority: 'HIGH', delayMinutes: 1441 }, 'delayMinutes'],
    [{ channel: 'console', priority: 'HIGH', address: 'x@example.com' }, 'address'],
    [{ channel: 'email', priority: 'HIGH', address: 'not an address' }, 'address'],
    [{ channel: 'webhook', priority: 'HIGH' }, 'address'],
    [{ channel: 'webhook', priority: 'HIGH', address: 'ftp://example.com/hook' }, 'address'],
    [{ channel: 'console', priority: 'HIGH', sound: true }, 'sound'],
  ])('refuses %j, naming %s', async (body, field) => {
    const res = await client(t.url).post('/api/v1/me/notification-rules', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.issues.map((i: any) => i.path)).toContain(field);
    expect(res.body.error.message).toMatch(/^The notification rule is not valid: /);
  });

  it('refuses webhooks to loopback, private and metadata addresses, saying how to allow them', async () => {
    for (const address of [
      'http://127.0.0.1:9000/hook',
      'http://localhost/hook',
      'http://10.1.2.3/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/hook',
      'http://[::ffff:192.168.0.1]/hook',
    ]) {
      const res = await client(t.url).post('/api/v1/me/notification-rules', {
        channel: 'webhook',
        priority: 'HIGH',
        address,
      });
      expect(res.status, address).toBe(400);
      expect(res.body.error.code).toBe('webhook_target_not_allowed');
      expect(res.body.error.message).toMatch(/--webhook-allow/);
    }
  });

  it('refuses a second identical rule and more than 20', async () => {
    const ada = await addUser(t, 'responder');
    const api = client(t.url, ada.token);
    const twin = await api.post('/api/v1/me/notification-rules', {
      channel: 'console',
      priority: 'HIGH',
    });
    expect(twin.status).toBe(409);
    expect(twin.body.error.code).toBe('duplicate_notification_rule');
    for (let minutes = 1; minutes <= 17; minutes += 1) {
      const res = await api.post('/api/v1/me/notification-rules', {
        channel: 'console',
        priority: 'LOW',
        delayMinutes: minutes,
      });
      expect(res.status).toBe(201);
    }
    const over = await api.post('/api/v1/me/notification-rules', {
      channel: 'console',
      priority: 'LOW',
      delayMinutes: 100,
    });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('too_many_notification_rules');
  });

  it('answers 404 for rules of another user, unknown rules and unknown users', async () => {
    const ada = await addUser(t, 'responder');
    const bob = await addUser(t, 'responder');
    const bobs = (await client(t.url, bob.token).get('/api/v1/me/notification-rules')).body.items;
    const api = client(t.url);
    const wrongUser = await api.delete(
      `/api/v1/users/${ada.user.id}/notification-rules/${bobs[0].id}`,
    );
    expect(wrongUser.status).toBe(404);
    expect(wrongUser.body.error.code).toBe('notification_rule_not_found');
    expect((await api.patch(`/api/v1/me/notification-rules/abc`, {})).status).toBe(404);
    expect((await api.get('/api/v1/users/987654/notification-rules')).body.error.code).toBe(
      'user_not_found',
    );
  });

  it('manages on-call notification rules the same way', async () => {
    const ada = await addUser(t, 'responder');
    const api = client(t.url, ada.token);
    const created = await api.post('/api/v1/me/on-call-notification-rules', {
      channel: 'email',
      minutesBefore: 60,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ channel: 'email', minutesBefore: 60, address: null });
    const changed = await api.patch(`/api/v1/me/on-call-notification-rules/${created.body.id}`, {
      minutesBefore: 30,
    });
    expect(changed.body.minutesBefore).toBe(30);
    const bad = await api.post('/api/v1/me/on-call-notification-rules', {
      channel: 'console',
      minutesBefore: 2000,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('minutesBefore');
    expect(
      (await api.delete(`/api/v1/me/on-call-notification-rules/${created.body.id}`)).status,
    ).toBe(200);
    expect((await api.get('/api/v1/me/on-call-notification-rules')).body.items).toHaveLength(1);
  });

  it('forgets the rules of a deleted user', async () => {
    const ada = await addUser(t, 'responder');
    const api = client(t.url);
    expect((await api.delete(`/api/v1/users/${ada.user.id}`)).status).toBe(200);
    const rows = await t.engine.store.read((tx) =>
      tx.notificationRules.listByUser(Number(ada.user.id)),
    );
    expect(rows).toEqual([]);
  });
});
