import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Client } from '../helpers/http.js';
import { createSource, ingestClients, type IngestClients } from '../helpers/ingest.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { addUser } from '../helpers/users.js';

let serial = 0;
const newEmail = () => `deleted-${++serial}@example.com`;

/** `DELETE /api/v1/users/{id}`: what goes with a user, and the admin who must remain. */
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

  describe('deleting a user', () => {
    it('revokes their tokens, unassigns their open alerts (logged), and takes them out of teams', async () => {
      const doomed = await addUser(t, 'responder', 'Doomed Dan');
      const keeper = await addUser(t, 'responder', 'Kept Kim');
      const source = await createSource(admin);
      const alertIds: string[] = [];
      for (const key of ['a', 'b', 'c']) {
        const res = await io.ilert({
          integrationKey: source.integrationKey,
          eventType: 'ALERT',
          summary: `alert ${key}`,
          alertKey: key,
        });
        alertIds.push(res.body.alertId);
      }
      const [open, resolved, other] = alertIds as [string, string, string];
      const asDoomed = client(t.url, doomed.token);
      await asDoomed.post(`/api/v1/alerts/${open}/assign`, { userId: doomed.user.id });
      await asDoomed.post(`/api/v1/alerts/${resolved}/assign`, { userId: doomed.user.id });
      await asDoomed.post(`/api/v1/alerts/${resolved}/resolve`);
      await asDoomed.post(`/api/v1/alerts/${other}/assign`, { userId: keeper.user.id });
      const team = await admin.post('/api/v1/teams', {
        name: `Team of Dan ${serial++}`,
        members: [{ userId: doomed.user.id }, { userId: keeper.user.id }],
      });

      const res = await admin.delete(`/api/v1/users/${doomed.user.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ deleted: true, revokedTokens: 1, unassignedAlerts: 1, teams: 1 });

      expect((await asDoomed.get('/api/v1/me')).status).toBe(401);
      expect((await admin.get(`/api/v1/users/${doomed.user.id}`)).status).toBe(404);
      const unassigned = await io.alert(open);
      expect(unassigned.assigneeId).toBeNull();
      expect(unassigned.log.items.at(-1)).toMatchObject({
        kind: 'assigned',
        actor: { type: 'user', name: 'Administrator' },
        message: 'Assignee removed: Doomed Dan was deleted by Administrator',
      });
      // A resolved alert keeps its history; others' alerts are untouched.
      expect((await io.alert(resolved)).assigneeId).toBe(doomed.user.id);
      expect((await io.alert(other)).assigneeId).toBe(keeper.user.id);
      const members = (await admin.get(`/api/v1/teams/${team.body.id}`)).body.members;
      expect(members).toEqual([{ userId: keeper.user.id, role: 'member' }]);
      // Deleting again: not found.
      const again = await admin.delete(`/api/v1/users/${doomed.user.id}`);
      expect([again.status, again.body.error.code]).toEqual([404, 'user_not_found']);
    });

    it('never removes the last admin: 409 last_admin, nothing changes', async () => {
      const me = (await admin.get('/api/v1/me')).body;
      const res = await admin.delete(`/api/v1/users/${me.id}`);
      expect(res.status).toBe(409);
      expect(res.body.error).toEqual({
        code: 'last_admin',
        message: expect.stringMatching(/without an admin.*another user an admin first/),
      });
      const demote = await admin.patch('/api/v1/me', { role: 'responder' });
      expect([demote.status, demote.body.error.code]).toEqual([409, 'last_admin']);
      expect((await admin.get('/api/v1/me')).body.role).toBe('admin');
    });

    it('an admin may go once another admin with a working token remains', async () => {
      const engine = await startTestEngine();
      try {
        const first = client(engine.url);
        const second = await addUser(engine, 'admin', 'Second Admin');
        const firstId = (await first.get('/api/v1/me')).body.id;
        const res = await client(engine.url, second.token).delete(`/api/v1/users/${firstId}`);
        expect(res.status).toBe(200);
        expect((await first.get('/api/v1/me')).status).toBe(401);
        // Now the second admin is the last one.
        const demote = await client(engine.url, second.token).patch('/api/v1/me', {
          role: 'viewer',
        });
        expect(demote.body.error.code).toBe('last_admin');
      } finally {
        await engine.dispose();
      }
    });

    it('refuses to delete an admin whose tokens are the last that can act as admin', async () => {
      const engine = await startTestEngine();
      try {
        const first = client(engine.url);
        // A second admin, but without any token.
        const created = await first.post('/api/v1/users', {
          name: 'Tokenless Admin',
          email: newEmail(),
          role: 'admin',
        });
        const firstId = (await first.get('/api/v1/me')).body.id;
        const res = await first.delete(`/api/v1/users/${firstId}`);
        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('last_admin');
        expect(res.body.error.message).toMatch(/no working admin API token/);
        // Once the other admin has a token, it works.
        await first.post(`/api/v1/users/${created.body.id}/tokens`, { name: 'laptop' });
        expect((await first.delete(`/api/v1/users/${firstId}`)).status).toBe(200);
      } finally {
        await engine.dispose();
      }
    });
  });
});
