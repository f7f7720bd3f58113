import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Client } from '../helpers/http.js';
import {
  createSource,
  ingestClients,
  type IngestClients,
  type TestSource,
} from '../helpers/ingest.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { addUser, type TestUser } from '../helpers/users.js';

/** What people do to alerts over REST: accept, resolve, comment, assign, and who may. */
describe('alert actions over REST', () => {
  let t: TestEngine;
  let io: IngestClients;
  let source: TestSource;
  let responder: TestUser;
  let viewer: TestUser;
  let asResponder: Client;
  let asViewer: Client;
  let serial = 0;
  beforeAll(async () => {
    t = await startTestEngine();
    io = ingestClients(t);
    source = await createSource(io.admin);
    responder = await addUser(t, 'responder', 'Rita Responder');
    viewer = await addUser(t, 'viewer', 'Wall Screen');
    asResponder = client(t.url, responder.token);
    asViewer = client(t.url, viewer.token);
  });
  afterAll(() => t.dispose());

  /** A new PENDING alert; returns its id. */
  async function newAlert(): Promise<string> {
    const res = await io.ilert({
      integrationKey: source.integrationKey,
      eventType: 'ALERT',
      summary: 'Something broke',
      alertKey: `k${++serial}`,
    });
    return res.body.alertId;
  }

  it('a responder accepts with a comment; the log says who and when', async () => {
    const id = await newAlert();
    const res = await asResponder.post(`/api/v1/alerts/${id}/accept`, { comment: 'on it' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id,
      state: 'ACCEPTED',
      acceptedBy: String(responder.user.id),
    });
    const a = await io.alert(id);
    expect(a.acceptedAt).toBe(a.updatedAt);
    expect(a.log.items.at(-1)).toEqual({
      id: expect.any(String),
      alertId: id,
      at: a.acceptedAt,
      kind: 'accepted',
      actor: { type: 'user', id: String(responder.user.id), name: 'Rita Responder' },
      message: 'Accepted by Rita Responder: on it',
    });
  });

  it('accepting twice is harmless: 200, unchanged, logged once', async () => {
    const id = await newAlert();
    const first = await asResponder.post(`/api/v1/alerts/${id}/accept`);
    const second = await asResponder.post(`/api/v1/alerts/${id}/accept`);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const kinds = (await io.alert(id)).log.items.map((e: any) => e.kind);
    expect(kinds).toEqual(['created', 'accepted']);
  });

  it('resolves from PENDING and from ACCEPTED', async () => {
    for (const accept of [false, true]) {
      const id = await newAlert();
      if (accept) await asResponder.post(`/api/v1/alerts/${id}/accept`);
      const res = await asResponder.post(`/api/v1/alerts/${id}/resolve`, { comment: 'fixed' });
      expect(res.status).toBe(200);
      expect(res.body.state).toBe('RESOLVED');
      expect((await io.alert(id)).log.items.at(-1)).toMatchObject({
        kind: 'resolved',
        actor: { type: 'user', id: String(responder.user.id) },
        message: 'Resolved by Rita Responder: fixed',
      });
    }
  });

  it('refuses to accept or assign a resolved alert with 409 illegal_transition', async () => {
    const id = await newAlert();
    await asResponder.post(`/api/v1/alerts/${id}/resolve`);
    const before = await io.alert(id);
    for (const [path, body] of [
      ['accept', undefined],
      ['assign', { userId: String(responder.user.id) }],
    ] as const) {
      const res = await asResponder.post(`/api/v1/alerts/${id}/${path}`, body);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('illegal_transition');
      expect(res.body.error.message).toMatch(/resolved/);
    }
    // Resolving again is a harmless retry, not an error.
    expect((await asResponder.post(`/api/v1/alerts/${id}/resolve`)).status).toBe(200);
    expect(await io.alert(id)).toEqual(before);
  });

  it('a comment answers 201 and lands in the log, also on a resolved alert', async () => {
    const id = await newAlert();
    const res = await asResponder.post(`/api/v1/alerts/${id}/comment`, {
      text: '  checked disk  ',
    });
    expect(res.status).toBe(201);
    expect(res.body.state).toBe('PENDING');
    await asResponder.post(`/api/v1/alerts/${id}/resolve`);
    const late = await asResponder.post(`/api/v1/alerts/${id}/comment`, {
      text: 'post-mortem: PM-7',
    });
    expect(late.status).toBe(201);
    const comments = (await io.alert(id)).log.items.filter((e: any) => e.kind === 'comment');
    expect(comments.map((e: any) => [e.message, e.actor.type])).toEqual([
      ['checked disk', 'user'],
      ['post-mortem: PM-7', 'user'],
    ]);
  });

  it('assigns, reassigns and unassigns, logging each change once', async () => {
    const id = await newAlert();
    const other = await addUser(t, 'responder', 'Otto Other');
    const assign = (userId: string | null) =>
      asResponder.post(`/api/v1/alerts/${id}/assign`, { userId });
    expect((await assign(String(responder.user.id))).body.assigneeId).toBe(
      String(responder.user.id),
    );
    expect((await assign(String(responder.user.id))).status).toBe(200); // same: no new entry
    expect((await assign(String(other.user.id))).body.assigneeId).toBe(String(other.user.id));
    expect((await assign(null)).body.assigneeId).toBeNull();
    const entries = (await io.alert(id)).log.items.filter((e: any) => e.kind === 'assigned');
    expect(entries.map((e: any) => e.message)).toEqual([
      'Assigned to Rita Responder',
      'Assigned to Otto Other',
      'Assignee removed',
    ]);
  });

  it('refuses to assign to a user who does not exist', async () => {
    const id = await newAlert();
    const res = await asResponder.post(`/api/v1/alerts/${id}/assign`, { userId: '987654' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('user_not_found');
    expect((await io.alert(id)).assigneeId).toBeNull();
  });

  it('answers 404 alert_not_found for actions on an alert that does not exist', async () => {
    for (const [path, body] of [
      ['accept', undefined],
      ['resolve', undefined],
      ['comment', { text: 'x' }],
      ['assign', { userId: null }],
    ] as const) {
      const res = await asResponder.post(`/api/v1/alerts/987654/${path}`, body);
      expect([path, res.status, res.body.error.code]).toEqual([path, 404, 'alert_not_found']);
    }
  });

  it('the log holds every event and state change in order, with actor and time', async () => {
    const id = await newAlert();
    const key = `k${serial}`;
    const send = (eventType: string, more = {}) =>
      io.ilert({ integrationKey: source.integrationKey, eventType, alertKey: key, ...more });
    await send('ALERT', { summary: 'again' });
    await asResponder.post(`/api/v1/alerts/${id}/accept`);
    await asResponder.post(`/api/v1/alerts/${id}/comment`, { text: 'looking' });
    await send('COMMENT', { summary: 'from the monitor' });
    await send('RESOLVE');
    const { log } = await io.alert(id);
    expect(log.nextCursor).toBeNull();
    expect(log.items.map((e: any) => `${e.kind} by ${e.actor.type}`)).toEqual([
      'created by integration',
      'event by integration',
      'accepted by user',
      'comment by user',
      'comment by integration',
      'resolved by integration',
    ]);
    const times = log.items.map((e: any) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('pages through a long log with /log and its cursor, without gaps or repeats', async () => {
    const id = await newAlert();
    for (let i = 0; i < 6; i += 1) {
      await asResponder.post(`/api/v1/alerts/${id}/comment`, { text: `note ${i}` });
    }
    const all = (await io.alert(id)).log.items.map((e: any) => e.id);
    expect(all).toHaveLength(7);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=3&cursor=${cursor}` : '?limit=3';
      const page = await asViewer.get(`/api/v1/alerts/${id}/log${query}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((e: any) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  describe('roles', () => {
    it('a viewer reads alerts, alert sources (without keys) and logs', async () => {
      const id = await newAlert();
      expect((await asViewer.get('/api/v1/alerts')).status).toBe(200);
      expect((await asViewer.get(`/api/v1/alerts/${id}`)).status).toBe(200);
      expect((await asViewer.get(`/api/v1/alerts/${id}/log`)).status).toBe(200);
      const sources = await asViewer.get('/api/v1/alert-sources');
      expect(sources.status).toBe(200);
      expect(sources.body.items[0]).not.toHaveProperty('integrationKey');
      expect((await asViewer.get('/api/v1/me')).body).toMatchObject({ role: 'viewer' });
    });

    it.each([
      ['accept', undefined],
      ['resolve', undefined],
      ['comment', { text: 'x' }],
      ['assign', { userId: null }],
    ] as const)('a viewer may not %s: 403 forbidden, nothing changes', async (path, body) => {
      const id = await newAlert();
      const before = await io.alert(id);
      const res = await asViewer.post(`/api/v1/alerts/${id}/${path}`, body);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect(res.body.error.message).toMatch(/responder/);
      expect(await io.alert(id)).toEqual(before);
    });

    it('a responder works alerts and sees integration keys, but may not manage alert sources', async () => {
      const sources = await asResponder.get('/api/v1/alert-sources');
      expect(sources.body.items[0].integrationKey).toMatch(/^[0-9a-f]{32}$/);
      const refused = [
        await asResponder.post('/api/v1/alert-sources', { name: 'mine' }),
        await asResponder.patch(`/api/v1/alert-sources/${source.id}`, { name: 'renamed' }),
        await asResponder.delete(`/api/v1/alert-sources/${source.id}`),
        await asViewer.post('/api/v1/alert-sources', { name: 'mine' }),
      ];
      for (const res of refused)
        expect([res.status, res.body.error.code]).toEqual([403, 'forbidden']);
      expect((await io.admin.get(`/api/v1/alert-sources/${source.id}`)).body.name).toBe(
        'Test source',
      );
    });

    it('an admin works alerts too', async () => {
      const id = await newAlert();
      const res = await io.admin.post(`/api/v1/alerts/${id}/accept`);
      expect(res.status).toBe(200);
      expect((await io.alert(id)).log.items.at(-1).actor).toMatchObject({
        type: 'user',
        name: 'Administrator',
      });
    });

    it('without a valid token nothing is readable: 401 with WWW-Authenticate', async () => {
      for (const token of [null, 'noc_not-a-real-token-000000000000000']) {
        const res = await client(t.url, token).get('/api/v1/alerts');
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('unauthorized');
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="nocturne"/);
      }
    });
  });
});
