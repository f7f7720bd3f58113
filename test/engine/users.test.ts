import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Client } from '../helpers/http.js';
import { createSource, ingestClients, type IngestClients } from '../helpers/ingest.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { addUser } from '../helpers/users.js';

let serial = 0;
const newEmail = () => `person-${++serial}@example.com`;

/** `/api/v1/users` and `/api/v1/me` over real HTTP. */
describe('users', () => {
  let t: TestEngine;
  let admin: Client;
  let io: IngestClients;
  beforeAll(async () => {
    t = await startTestEngine();
    admin = client(t.url);
    io = ingestClients(t);
  });
  afterAll(() => t.dispose());

  it('an admin creates a user: 201, Location, and the user as everyone reads it', async () => {
    const res = await admin.post('/api/v1/users', {
      name: '  Ada Lovelace ',
      email: 'Ada@Example.com',
      role: 'responder',
      timeZone: 'Europe/Berlin',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/users/${res.body.id}`);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      name: 'Ada Lovelace',
      email: 'Ada@Example.com',
      role: 'responder',
      timeZone: 'Europe/Berlin',
      createdAt: expect.any(String),
    });
    const viewer = await addUser(t, 'viewer');
    const asViewer = client(t.url, viewer.token);
    expect((await asViewer.get(`/api/v1/users/${res.body.id}`)).body).toEqual(res.body);
    const list = await asViewer.get('/api/v1/users');
    expect(list.status).toBe(200);
    expect(list.body.items.map((u: any) => u.id)).toContain(res.body.id);
    const ids = list.body.items.map((u: any) => Number(u.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('the time zone defaults to UTC', async () => {
    const res = await admin.post('/api/v1/users', {
      name: 'Zed',
      email: newEmail(),
      role: 'viewer',
    });
    expect(res.body.timeZone).toBe('UTC');
  });

  it('emails are unique, ignoring case: 409 email_taken names the holder', async () => {
    const email = newEmail();
    await admin.post('/api/v1/users', { name: 'First', email, role: 'viewer' });
    const again = await admin.post('/api/v1/users', {
      name: 'Second',
      email: email.toUpperCase(),
      role: 'viewer',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('email_taken');
    expect(again.body.error.message).toMatch(/First/);
  });

  describe('changing a user', () => {
    it('an admin changes name, email, time zone and role; the stream-facing user changes', async () => {
      const u = await addUser(t, 'viewer');
      const res = await admin.patch(`/api/v1/users/${u.user.id}`, {
        name: 'Grace Hopper',
        email: 'grace@example.com',
        timeZone: 'America/New_York',
        role: 'responder',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: u.user.id,
        name: 'Grace Hopper',
        email: 'grace@example.com',
        timeZone: 'America/New_York',
        role: 'responder',
      });
      // The new role takes effect at once for the user's tokens.
      const id = (
        await io.ilert({
          integrationKey: (await createSource(admin)).integrationKey,
          eventType: 'ALERT',
          summary: 'x',
        })
      ).body.alertId;
      expect((await client(t.url, u.token).post(`/api/v1/alerts/${id}/accept`)).status).toBe(200);
    });

    it('an empty change changes nothing', async () => {
      const u = await addUser(t, 'viewer');
      const res = await admin.patch(`/api/v1/users/${u.user.id}`, {});
      expect(res.status).toBe(200);
      expect(res.body).toEqual(u.user);
    });

    it('a user changes their own name, email and time zone, by id or through /me', async () => {
      const u = await addUser(t, 'viewer');
      const self = client(t.url, u.token);
      const byId = await self.patch(`/api/v1/users/${u.user.id}`, { name: 'Wall 1' });
      expect(byId.status).toBe(200);
      expect(byId.body.name).toBe('Wall 1');
      const byMe = await self.patch('/api/v1/me', {
        email: newEmail(),
        timeZone: 'Asia/Kolkata',
      });
      expect(byMe.status).toBe(200);
      expect(byMe.body).toMatchObject({ id: u.user.id, name: 'Wall 1', timeZone: 'Asia/Kolkata' });
      expect((await self.get('/api/v1/me')).body).toMatchObject({
        name: 'Wall 1',
        timeZone: 'Asia/Kolkata',
        role: 'viewer',
        effectiveRole: 'viewer',
      });
    });

    it('a user cannot change their own role, nor anyone else: 403', async () => {
      const u = await addUser(t, 'responder');
      const other = await addUser(t, 'viewer');
      const self = client(t.url, u.token);
      for (const res of [
        await self.patch('/api/v1/me', { role: 'admin' }),
        await self.patch(`/api/v1/users/${u.user.id}`, { role: 'admin' }),
        await self.patch(`/api/v1/users/${other.user.id}`, { name: 'Hacked' }),
      ]) {
        expect([res.status, res.body.error.code]).toEqual([403, 'forbidden']);
      }
      // Naming the role one already has is not a change.
      expect((await self.patch('/api/v1/me', { role: 'responder' })).status).toBe(200);
      expect((await admin.get(`/api/v1/users/${u.user.id}`)).body.role).toBe('responder');
      expect((await admin.get(`/api/v1/users/${other.user.id}`)).body.name).toBe(other.user.name);
    });

    it("taking an email someone else has answers 409; keeping one's own is fine", async () => {
      const a = await addUser(t, 'viewer');
      const b = await addUser(t, 'viewer');
      const res = await admin.patch(`/api/v1/users/${a.user.id}`, {
        email: b.user.email.toUpperCase(),
      });
      expect([res.status, res.body.error.code]).toEqual([409, 'email_taken']);
      const own = await admin.patch(`/api/v1/users/${a.user.id}`, {
        email: a.user.email.toUpperCase(),
      });
      expect(own.status).toBe(200);
      expect(own.body.email).toBe(a.user.email.toUpperCase());
    });
  });

  it('users, their changes and deletions survive a restart', async () => {
    const engine = await startTestEngine();
    try {
      const a = await addUser(engine, 'responder', 'Persistent Pat', { timeZone: 'Asia/Kolkata' });
      const b = await addUser(engine, 'viewer', 'Gone Gus');
      await client(engine.url).patch(`/api/v1/users/${a.user.id}`, { name: 'Pat Persistent' });
      await client(engine.url).delete(`/api/v1/users/${b.user.id}`);
      const before = (await client(engine.url).get('/api/v1/users')).body;
      const again = await engine.restart();
      const after = (await client(again.url).get('/api/v1/users')).body;
      expect(after).toEqual(before);
      expect(after.items.map((u: any) => u.name)).toEqual(['Administrator', 'Pat Persistent']);
      expect((await client(again.url, a.token).get('/api/v1/me')).body.timeZone).toBe(
        'Asia/Kolkata',
      );
      await again.dispose();
    } catch (error) {
      await engine.dispose().catch(() => undefined);
      throw error;
    }
  });
});
