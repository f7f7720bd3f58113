import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Client } from '../helpers/http.js';
import { createSource, ingestClients, type IngestClients } from '../helpers/ingest.js';
import { RawStream } from '../helpers/streamSocket.js';
import { adminToken, startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { addUser } from '../helpers/users.js';

/** What a token may do: role caps, and the admin token that must remain. */
describe('API tokens', () => {
  let t: TestEngine;
  let admin: Client;
  let io: IngestClients;
  beforeAll(async () => {
    t = await startTestEngine();
    admin = client(t.url);
    io = ingestClients(t);
  });
  afterAll(() => t.dispose());

  async function newAlert(): Promise<string> {
    const source = await createSource(admin);
    const res = await io.ilert({
      integrationKey: source.integrationKey,
      eventType: 'ALERT',
      summary: 'Something broke',
    });
    return res.body.alertId;
  }

  describe('role caps', () => {
    it('an admin mints a viewer-only token for a wall screen: it reads, never changes', async () => {
      const wall = await admin.post('/api/v1/me/tokens', { name: 'NOC wall', role: 'viewer' });
      expect(wall.status).toBe(201);
      expect(wall.body.role).toBe('viewer');
      const asWall = client(t.url, wall.body.token);
      const me = await asWall.get('/api/v1/me');
      expect(me.body).toMatchObject({
        role: 'admin',
        effectiveRole: 'viewer',
        token: { id: wall.body.id, role: 'viewer' },
      });
      const alertId = await newAlert();
      expect((await asWall.get('/api/v1/alerts')).status).toBe(200);
      expect((await asWall.get('/api/v1/users')).status).toBe(200);
      const sources = await asWall.get('/api/v1/alert-sources');
      expect(sources.body.items[0]).not.toHaveProperty('integrationKey');
      for (const res of [
        await asWall.post(`/api/v1/alerts/${alertId}/accept`),
        await asWall.post('/api/v1/alert-sources', { name: 'x' }),
        await asWall.post('/api/v1/users', { name: 'x', email: 'x@example.com', role: 'admin' }),
        await asWall.post('/api/v1/teams', { name: 'x' }),
        // Nor its own user's profile or tokens: a leaked wall token cannot mint new ones.
        await asWall.patch('/api/v1/me', { name: 'Wall' }),
        await asWall.post('/api/v1/me/tokens', { name: 'more', role: 'viewer' }),
      ]) {
        expect([res.status, res.body.error.code]).toEqual([403, 'forbidden']);
      }
      const accept = await asWall.post(`/api/v1/alerts/${alertId}/accept`);
      expect(accept.body.error.message).toBe(
        'This needs the responder role; this API token of Administrator is limited to viewer.',
      );
      expect((await io.alert(alertId)).state).toBe('PENDING');
      // The stream works with it.
      const stream = await RawStream.open(t.url, { headerToken: wall.body.token });
      expect((await stream.helloSnapshot()).type).toBe('snapshot');
      stream.close();
      // It may sign itself out, though.
      expect((await asWall.delete(`/api/v1/me/tokens/${wall.body.id}`)).status).toBe(200);
      expect((await asWall.get('/api/v1/me')).status).toBe(401);
    });

    it('a token acts with the lower of its cap and its user’s role, also after role changes', async () => {
      const u = await addUser(t, 'responder', undefined, { tokenRole: 'responder' });
      const asU = client(t.url, u.token);
      const alertId = await newAlert();
      await admin.patch(`/api/v1/users/${u.user.id}`, { role: 'admin' });
      // Promoted, but the token stays capped at responder.
      expect((await asU.get('/api/v1/me')).body.effectiveRole).toBe('responder');
      expect((await asU.post('/api/v1/alert-sources', { name: 'x' })).status).toBe(403);
      expect((await asU.post(`/api/v1/alerts/${alertId}/accept`)).status).toBe(200);
      await admin.patch(`/api/v1/users/${u.user.id}`, { role: 'viewer' });
      // Demoted below the cap: the user's role wins.
      expect((await asU.get('/api/v1/me')).body.effectiveRole).toBe('viewer');
      expect((await asU.post(`/api/v1/alerts/${alertId}/resolve`)).status).toBe(403);
    });

    it('a cap above the user’s role is refused', async () => {
      const u = await addUser(t, 'responder');
      const res = await admin.post(`/api/v1/users/${u.user.id}/tokens`, {
        name: 'too strong',
        role: 'admin',
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'invalid_request',
        issues: [{ path: 'role', message: 'at most responder' }],
      });
      expect(res.body.error.message).toMatch(/cannot do more than its user/);
    });
  });

  describe('the last admin token', () => {
    it('cannot be revoked by accident: 409 last_admin until another admin token exists', async () => {
      const engine = await startTestEngine();
      try {
        const asAdmin = client(engine.url);
        const mine = (await asAdmin.get('/api/v1/me')).body.token.id;
        const refused = await asAdmin.delete(`/api/v1/me/tokens/${mine}`);
        expect(refused.status).toBe(409);
        expect(refused.body.error.code).toBe('last_admin');
        expect(refused.body.error.message).toMatch(/Create another admin token first/);
        // A capped token does not count as an admin token.
        await asAdmin.post('/api/v1/me/tokens', { name: 'wall', role: 'viewer' });
        expect((await asAdmin.delete(`/api/v1/me/tokens/${mine}`)).status).toBe(409);
        const spare = await asAdmin.post('/api/v1/me/tokens', { name: 'spare' });
        expect((await asAdmin.delete(`/api/v1/me/tokens/${mine}`)).status).toBe(200);
        expect((await client(engine.url, spare.body.token).get('/api/v1/me')).status).toBe(200);
      } finally {
        await engine.dispose();
      }
    });

    it('a revoked --admin-token stays revoked across restarts; a new one is registered', async () => {
      const engine = await startTestEngine();
      const spare = await client(engine.url).post('/api/v1/me/tokens', { name: 'spare' });
      const mine = (await client(engine.url).get('/api/v1/me')).body.token.id;
      expect((await client(engine.url).delete(`/api/v1/me/tokens/${mine}`)).status).toBe(200);
      const again = await engine.restart();
      try {
        expect(again.engine.bootstrap.adminTokenRevoked).toBe(true);
        expect((await client(again.url, adminToken).get('/api/v1/me')).status).toBe(401);
        expect((await client(again.url, spare.body.token).get('/api/v1/me')).status).toBe(200);
        const fresh = 'noc_a-fresh-admin-token-0123456789abcdefghij';
        const third = await again.restart({ adminToken: fresh });
        expect(third.engine.bootstrap.adminTokenRevoked).toBe(false);
        expect((await client(third.url, fresh).get('/api/v1/me')).body.effectiveRole).toBe('admin');
        await third.dispose();
      } catch (error) {
        await again.dispose().catch(() => undefined);
        throw error;
      }
    });
  });
});
