import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Client } from '../helpers/http.js';
import { createSource } from '../helpers/ingest.js';
import { eventually, RawStream } from '../helpers/streamSocket.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { addUser } from '../helpers/users.js';

/** API tokens: create, list, revoke, and what revoking does at once (caps: apiTokenCaps). */
describe('API tokens', () => {
  let t: TestEngine;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestEngine();
    admin = client(t.url);
  });
  afterAll(() => t.dispose());

  it('creating shows the token once; lists show only its prefix', async () => {
    const u = await addUser(t, 'responder');
    const self = client(t.url, u.token);
    const created = await self.post('/api/v1/me/tokens', { name: '  laptop ' });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.headers.get('location')).toBe(
      `/api/v1/users/${u.user.id}/tokens/${created.body.id}`,
    );
    expect(created.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      userId: u.user.id,
      name: 'laptop',
      prefix: created.body.token.slice(0, 8),
      role: null,
      createdAt: expect.any(String),
      lastUsedAt: null,
      token: expect.stringMatching(/^noc_[A-Za-z0-9_-]{43}$/),
    });
    expect((await client(t.url, created.body.token).get('/api/v1/me')).body.id).toBe(u.user.id);

    const list = await self.get('/api/v1/me/tokens');
    expect(list.status).toBe(200);
    expect(list.body.items.map((k: any) => k.name)).toEqual(['test', 'laptop']);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect(list.body.items[1]).not.toHaveProperty('token');
    // The same list under the user's id, for the user and for an admin.
    expect((await self.get(`/api/v1/users/${u.user.id}/tokens`)).body).toEqual(list.body);
    expect((await admin.get(`/api/v1/users/${u.user.id}/tokens`)).body).toEqual(list.body);
  });

  it('lastUsedAt is set by use, at most once a minute per token', async () => {
    let now = Date.parse('2026-03-01T09:00:00Z');
    const engine = await startTestEngine({ clock: { now: () => now } });
    try {
      const u = await addUser(engine, 'viewer');
      const tokens = () => client(engine.url).get(`/api/v1/users/${u.user.id}/tokens`);
      expect((await tokens()).body.items[0].lastUsedAt).toBeNull();
      await client(engine.url, u.token).get('/api/v1/alerts');
      expect((await tokens()).body.items[0].lastUsedAt).toBe('2026-03-01T09:00:00.000Z');
      now += 30_000;
      await client(engine.url, u.token).get('/api/v1/alerts');
      expect((await tokens()).body.items[0].lastUsedAt).toBe('2026-03-01T09:00:00.000Z');
      now += 31_000;
      // Opening the stream counts as a use too.
      const stream = await RawStream.open(engine.url, { headerToken: u.token });
      stream.close();
      await eventually(
        async () => (await tokens()).body.items[0].lastUsedAt === '2026-03-01T09:01:01.000Z',
        'lastUsedAt from the stream',
      );
    } finally {
      await engine.dispose();
    }
  });

  describe('revoking', () => {
    it('the token stops working at once; the user’s other tokens keep working', async () => {
      const u = await addUser(t, 'responder');
      const second = await client(t.url, u.token).post('/api/v1/me/tokens', { name: 'phone' });
      const res = await client(t.url, u.token).delete(`/api/v1/me/tokens/${second.body.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ revoked: true });
      const refused = await client(t.url, second.body.token).get('/api/v1/me');
      expect([refused.status, refused.body.error.code]).toEqual([401, 'unauthorized']);
      expect((await client(t.url, u.token).get('/api/v1/me')).status).toBe(200);
      const names = (await client(t.url, u.token).get('/api/v1/me/tokens')).body.items.map(
        (k: any) => k.name,
      );
      expect(names).toEqual(['test']);
      // Revoking again: the token is gone.
      const again = await client(t.url, u.token).delete(`/api/v1/me/tokens/${second.body.id}`);
      expect([again.status, again.body.error.code]).toEqual([404, 'token_not_found']);
    });

    it('closes the token’s open streams with 4001, and no one else’s', async () => {
      const u = await addUser(t, 'viewer');
      const other = await addUser(t, 'viewer');
      const mine = await RawStream.open(t.url, { headerToken: u.token });
      await mine.helloSnapshot();
      const theirs = await RawStream.open(t.url, { headerToken: other.token });
      await theirs.helloSnapshot();
      const res = await admin.delete(`/api/v1/users/${u.user.id}/tokens/${u.tokenId}`);
      expect(res.status).toBe(200);
      expect(await mine.closed).toEqual({ code: 4001, reason: 'unauthorized' });
      expect(mine.messages.at(-1)).toEqual({
        type: 'error',
        code: 'unauthorized',
        message: 'The API token was revoked.',
      });
      // The other console stays live: it gets the next change.
      await createSource(admin, 'After the revocation');
      const delta = await theirs.nextWhere((m) => m.type === 'delta');
      expect(delta.changes[0].value.name).toBe('After the revocation');
      theirs.close();
      // And the revoked token cannot come back.
      await expect(RawStream.open(t.url, { headerToken: u.token })).rejects.toThrow(/401/);
    });

    it('deleting a user closes their streams with 4001', async () => {
      const u = await addUser(t, 'responder');
      const stream = await RawStream.open(t.url, { headerToken: u.token });
      await stream.helloSnapshot();
      expect((await admin.delete(`/api/v1/users/${u.user.id}`)).status).toBe(200);
      expect((await stream.closed).code).toBe(4001);
    });

    it('a token of another user, or one that does not exist, is not found', async () => {
      const a = await addUser(t, 'responder');
      const b = await addUser(t, 'responder');
      for (const path of [
        `/api/v1/users/${a.user.id}/tokens/${b.tokenId}`,
        `/api/v1/users/${a.user.id}/tokens/987654`,
        `/api/v1/users/${a.user.id}/tokens/abc`,
      ]) {
        const res = await admin.delete(path);
        expect([res.status, res.body.error.code]).toEqual([404, 'token_not_found']);
      }
      expect((await client(t.url, b.token).get('/api/v1/me')).status).toBe(200);
    });
  });

  describe('who manages whose tokens', () => {
    it('a user manages only their own; an admin manages anyone’s', async () => {
      const a = await addUser(t, 'responder');
      const b = await addUser(t, 'responder');
      const asA = client(t.url, a.token);
      for (const res of [
        await asA.get(`/api/v1/users/${b.user.id}/tokens`),
        await asA.post(`/api/v1/users/${b.user.id}/tokens`, { name: 'sneaky' }),
        await asA.delete(`/api/v1/users/${b.user.id}/tokens/${b.tokenId}`),
      ]) {
        expect([res.status, res.body.error.code]).toEqual([403, 'forbidden']);
        expect(res.body.error.message).toMatch(/Only an admin can/);
      }
      expect((await client(t.url, b.token).get('/api/v1/me')).status).toBe(200);
      const minted = await admin.post(`/api/v1/users/${b.user.id}/tokens`, { name: 'by admin' });
      expect(minted.status).toBe(201);
      expect(minted.body.userId).toBe(b.user.id);
      expect((await client(t.url, minted.body.token).get('/api/v1/me')).body.id).toBe(b.user.id);
      expect(
        (await admin.delete(`/api/v1/users/${b.user.id}/tokens/${minted.body.id}`)).status,
      ).toBe(200);
    });

    it('a viewer manages their own tokens too', async () => {
      const v = await addUser(t, 'viewer');
      const asV = client(t.url, v.token);
      const created = await asV.post('/api/v1/me/tokens', { name: 'second screen' });
      expect(created.status).toBe(201);
      expect((await asV.delete(`/api/v1/me/tokens/${created.body.id}`)).status).toBe(200);
    });
  });

  it('tokens, caps and revocations survive a restart', async () => {
    const engine = await startTestEngine();
    try {
      const u = await addUser(engine, 'responder');
      const asU = client(engine.url, u.token);
      const capped = await asU.post('/api/v1/me/tokens', { name: 'wall', role: 'viewer' });
      const gone = await asU.post('/api/v1/me/tokens', { name: 'gone' });
      await asU.delete(`/api/v1/me/tokens/${gone.body.id}`);
      const before = (await asU.get('/api/v1/me/tokens')).body;
      const again = await engine.restart();
      const asUAgain = client(again.url, u.token);
      expect((await asUAgain.get('/api/v1/me/tokens')).body).toEqual(before);
      expect(
        (await client(again.url, capped.body.token).get('/api/v1/me')).body.effectiveRole,
      ).toBe('viewer');
      expect((await client(again.url, gone.body.token).get('/api/v1/me')).status).toBe(401);
      await again.dispose();
    } catch (error) {
      await engine.dispose().catch(() => undefined);
      throw error;
    }
  });
});
