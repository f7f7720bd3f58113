import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Client } from '../helpers/http.js';
import { RawStream } from '../helpers/streamSocket.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { addUser, type TestUser } from '../helpers/users.js';

let serial = 0;
const uniqueName = (base: string) => `${base} ${++serial}`;

/** `/api/v1/teams` over real HTTP, and teams on the stream. */
describe('teams', () => {
  let t: TestEngine;
  let admin: Client;
  let ada: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    t = await startTestEngine();
    admin = client(t.url);
    ada = await addUser(t, 'responder', 'Ada');
    bob = await addUser(t, 'responder', 'Bob');
  });
  afterAll(() => t.dispose());

  it('an admin creates a team with members; everyone reads it', async () => {
    const res = await admin.post('/api/v1/teams', {
      name: '  Database Ops ',
      description: 'Owns PostgreSQL',
      members: [{ userId: bob.user.id }, { userId: ada.user.id, role: 'manager' }],
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/teams/${res.body.id}`);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      name: 'Database Ops',
      description: 'Owns PostgreSQL',
      // Ordered by user id, whatever order they were sent in.
      members: [
        { userId: ada.user.id, role: 'manager' },
        { userId: bob.user.id, role: 'member' },
      ],
      createdAt: expect.any(String),
      updatedAt: res.body.createdAt,
    });
    const viewer = client(t.url, (await addUser(t, 'viewer')).token);
    expect((await viewer.get(`/api/v1/teams/${res.body.id}`)).body).toEqual(res.body);
    expect((await viewer.get('/api/v1/teams')).body.items).toContainEqual(res.body);
  });

  it('a team needs only a name', async () => {
    const res = await admin.post('/api/v1/teams', { name: uniqueName('Bare') });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ description: null, members: [] });
  });

  it('names are unique, ignoring case: 409 team_name_taken, also on rename', async () => {
    const name = uniqueName('Network');
    const first = await admin.post('/api/v1/teams', { name });
    const again = await admin.post('/api/v1/teams', { name: name.toUpperCase() });
    expect([again.status, again.body.error.code]).toEqual([409, 'team_name_taken']);
    expect(again.body.error.message).toContain(`"${name}"`);
    const other = await admin.post('/api/v1/teams', { name: uniqueName('Other') });
    const rename = await admin.patch(`/api/v1/teams/${other.body.id}`, { name });
    expect([rename.status, rename.body.error.code]).toEqual([409, 'team_name_taken']);
    // Renaming a team to its own name in another case is fine.
    const own = await admin.patch(`/api/v1/teams/${first.body.id}`, { name: name.toLowerCase() });
    expect(own.status).toBe(200);
  });

  it('PATCH changes name and description; an empty description clears it', async () => {
    const team = await admin.post('/api/v1/teams', {
      name: uniqueName('Edge'),
      description: 'CDN',
      members: [{ userId: ada.user.id }],
    });
    const renamed = await admin.patch(`/api/v1/teams/${team.body.id}`, { name: 'Edge & CDN' });
    expect(renamed.body).toMatchObject({ name: 'Edge & CDN', description: 'CDN' });
    expect(renamed.body.members).toEqual(team.body.members);
    const cleared = await admin.patch(`/api/v1/teams/${team.body.id}`, { description: '' });
    expect(cleared.body.description).toBeNull();
    const nulled = await admin.patch(`/api/v1/teams/${team.body.id}`, {
      description: 'x',
    });
    expect(nulled.body.description).toBe('x');
    expect(
      (await admin.patch(`/api/v1/teams/${team.body.id}`, { description: null })).body.description,
    ).toBeNull();
  });

  it('PUT members replaces the whole list', async () => {
    const team = await admin.post('/api/v1/teams', {
      name: uniqueName('Payments'),
      members: [{ userId: ada.user.id }],
    });
    const put = await admin.put(`/api/v1/teams/${team.body.id}/members`, {
      members: [{ userId: bob.user.id, role: 'manager' }],
    });
    expect(put.status).toBe(200);
    expect(put.body.members).toEqual([{ userId: bob.user.id, role: 'manager' }]);
    const emptied = await admin.put(`/api/v1/teams/${team.body.id}/members`, { members: [] });
    expect(emptied.body.members).toEqual([]);
    expect((await admin.get(`/api/v1/teams/${team.body.id}`)).body.members).toEqual([]);
  });

  it('members must exist: 400 user_not_found naming each, and nothing changes', async () => {
    const team = await admin.post('/api/v1/teams', {
      name: uniqueName('Strict'),
      members: [{ userId: ada.user.id }],
    });
    const res = await admin.put(`/api/v1/teams/${team.body.id}/members`, {
      members: [{ userId: ada.user.id }, { userId: '987654' }, { userId: '987655' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'user_not_found',
      message: 'There are no users 987654, 987655 to add to the team.',
      issues: [
        { path: 'members.1.userId', message: 'no such user' },
        { path: 'members.2.userId', message: 'no such user' },
      ],
    });
    expect((await admin.get(`/api/v1/teams/${team.body.id}`)).body).toEqual(team.body);
    const create = await admin.post('/api/v1/teams', {
      name: uniqueName('Ghosts'),
      members: [{ userId: '987654' }],
    });
    expect([create.status, create.body.error.code]).toEqual([400, 'user_not_found']);
  });

  it('DELETE removes the team; its members stay users', async () => {
    const team = await admin.post('/api/v1/teams', {
      name: uniqueName('Temporary'),
      members: [{ userId: ada.user.id }],
    });
    const res = await admin.delete(`/api/v1/teams/${team.body.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: true });
    const gone = await admin.get(`/api/v1/teams/${team.body.id}`);
    expect([gone.status, gone.body.error.code]).toEqual([404, 'team_not_found']);
    expect((await admin.get(`/api/v1/users/${ada.user.id}`)).status).toBe(200);
    // The name is free again.
    expect((await admin.post('/api/v1/teams', { name: team.body.name })).status).toBe(201);
  });

  it('responders and viewers read teams but may not change them', async () => {
    const team = await admin.post('/api/v1/teams', { name: uniqueName('Guarded') });
    for (const token of [ada.token, (await addUser(t, 'viewer')).token]) {
      const api = client(t.url, token);
      expect((await api.get('/api/v1/teams')).status).toBe(200);
      for (const res of [
        await api.post('/api/v1/teams', { name: uniqueName('Mine') }),
        await api.patch(`/api/v1/teams/${team.body.id}`, { name: 'Mine' }),
        await api.put(`/api/v1/teams/${team.body.id}/members`, { members: [] }),
        await api.delete(`/api/v1/teams/${team.body.id}`),
      ]) {
        expect([res.status, res.body.error.code]).toEqual([403, 'forbidden']);
      }
    }
    expect((await admin.get(`/api/v1/teams/${team.body.id}`)).body).toEqual(team.body);
  });

  describe('on the stream', () => {
    it('the snapshot carries teams; creating, changing and deleting arrive as changes', async () => {
      const existing = await admin.post('/api/v1/teams', {
        name: uniqueName('Snapshotted'),
        members: [{ userId: ada.user.id }],
      });
      const viewer = await addUser(t, 'viewer');
      const stream = await RawStream.open(t.url, { headerToken: viewer.token });
      const snapshot = await stream.helloSnapshot();
      expect(snapshot.teams).toContainEqual(existing.body);

      const created = await admin.post('/api/v1/teams', { name: uniqueName('Live') });
      const put = await admin.put(`/api/v1/teams/${created.body.id}/members`, {
        members: [{ userId: bob.user.id }],
      });
      await admin.delete(`/api/v1/teams/${created.body.id}`);
      const changes: any[] = [];
      while (!changes.some((c) => c.kind === 'team.removed')) {
        changes.push(...(await stream.nextWhere((m) => m.type === 'delta')).changes);
      }
      expect(changes.filter((c) => c.kind.startsWith('team'))).toEqual([
        { kind: 'team', value: created.body },
        { kind: 'team', value: put.body },
        { kind: 'team.removed', id: created.body.id },
      ]);
      stream.close();
    });

    it('deleting a user sends the teams they left', async () => {
      const leaving = await addUser(t, 'viewer', 'Leaving Lee');
      const team = await admin.post('/api/v1/teams', {
        name: uniqueName('Left behind'),
        members: [{ userId: leaving.user.id }, { userId: ada.user.id }],
      });
      const stream = await RawStream.open(t.url);
      await stream.helloSnapshot();
      await admin.delete(`/api/v1/users/${leaving.user.id}`);
      const delta = await stream.nextWhere((m) => m.type === 'delta');
      expect(delta.changes).toContainEqual({
        kind: 'team',
        value: expect.objectContaining({
          id: team.body.id,
          members: [{ userId: ada.user.id, role: 'member' }],
        }),
      });
      expect(delta.changes).toContainEqual({ kind: 'user.removed', id: leaving.user.id });
      stream.close();
    });
  });

  it('teams survive a restart', async () => {
    const engine = await startTestEngine();
    try {
      const member = await addUser(engine, 'responder');
      const api = client(engine.url);
      await api.post('/api/v1/teams', {
        name: 'Kept',
        description: 'stays',
        members: [{ userId: member.user.id, role: 'manager' }],
      });
      const gone = await api.post('/api/v1/teams', { name: 'Gone' });
      await api.delete(`/api/v1/teams/${gone.body.id}`);
      const before = (await api.get('/api/v1/teams')).body;
      expect(before.items).toHaveLength(1);
      const again = await engine.restart();
      expect((await client(again.url).get('/api/v1/teams')).body).toEqual(before);
      // The unique name still holds after the restart.
      expect((await client(again.url).post('/api/v1/teams', { name: 'KEPT' })).status).toBe(409);
      await again.dispose();
    } catch (error) {
      await engine.dispose().catch(() => undefined);
      throw error;
    }
  });
});
