import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Client } from '../helpers/http.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { addUser } from '../helpers/users.js';

let serial = 0;
const newEmail = () => `bad-input-${++serial}@example.com`;
const uniqueName = (base: string) => `${base} ${++serial}`;

/**
 * Bad input to the users, API tokens and teams routes: each answers 400 or 404 with a stable
 * code naming the field, and changes nothing.
 */
describe('bad input: users, API tokens, teams', () => {
  let t: TestEngine;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestEngine();
    admin = client(t.url);
  });
  afterAll(() => t.dispose());

  describe('users', () => {
    const expectInvalid = (res: { status: number; body: any }, path: string) => {
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
      expect(res.body.error.issues.map((i: any) => i.path)).toContain(path);
    };

    it.each([
      ['no name', { email: 'x@example.com', role: 'viewer' }, 'name'],
      ['a blank name', { name: '   ', email: 'x@example.com', role: 'viewer' }, 'name'],
      ['a long name', { name: 'n'.repeat(201), email: 'x@example.com', role: 'viewer' }, 'name'],
      ['no email', { name: 'X', role: 'viewer' }, 'email'],
      ['a bad email', { name: 'X', email: 'not an email', role: 'viewer' }, 'email'],
      [
        'a long email',
        { name: 'X', email: `${'a'.repeat(250)}@example.com`, role: 'viewer' },
        'email',
      ],
      ['no role', { name: 'X', email: 'x@example.com' }, 'role'],
      ['an unknown role', { name: 'X', email: 'x@example.com', role: 'root' }, 'role'],
      [
        'an unknown time zone',
        { name: 'X', email: 'x@example.com', role: 'viewer', timeZone: 'Mars/Olympus' },
        'timeZone',
      ],
      [
        'an offset for a time zone',
        { name: 'X', email: 'x@example.com', role: 'viewer', timeZone: '+02:00' },
        'timeZone',
      ],
      [
        'an unknown field',
        { name: 'X', email: 'x@example.com', role: 'viewer', admin: true },
        'admin',
      ],
    ])('POST with %s answers 400 naming the field', async (_what, body, path) => {
      expectInvalid(await admin.post('/api/v1/users', body), path);
    });

    it('an unknown time zone says what to use', async () => {
      const res = await admin.post('/api/v1/users', {
        name: 'X',
        email: newEmail(),
        role: 'viewer',
        timeZone: 'Europe/Berln',
      });
      expect(res.body.error.message).toMatch(/Europe\/Berln.*IANA name/);
    });

    it('PATCH with bad fields answers 400 and changes nothing', async () => {
      const u = await addUser(t, 'viewer');
      expectInvalid(
        await admin.patch(`/api/v1/users/${u.user.id}`, { timeZone: 'Nowhere' }),
        'timeZone',
      );
      expectInvalid(await admin.patch(`/api/v1/users/${u.user.id}`, { email: '' }), 'email');
      expectInvalid(await admin.patch(`/api/v1/users/${u.user.id}`, { id: '7' }), 'id');
      expectInvalid(await admin.patch('/api/v1/me', { role: 'god' }), 'role');
      expect((await admin.get(`/api/v1/users/${u.user.id}`)).body).toEqual(u.user);
    });

    it('a body that is not an object answers 400', async () => {
      for (const body of [[], 'x', 42]) {
        expect((await admin.post('/api/v1/users', body)).status).toBe(400);
      }
    });

    it.each(['987654', 'abc', '-1', '1.5'])('user id %s answers 404 user_not_found', async (id) => {
      for (const res of [
        await admin.get(`/api/v1/users/${id}`),
        await admin.patch(`/api/v1/users/${id}`, { name: 'X' }),
        await admin.delete(`/api/v1/users/${id}`),
      ]) {
        expect([res.status, res.body.error.code]).toEqual([404, 'user_not_found']);
      }
    });
  });

  describe('API tokens', () => {
    it.each([
      ['no name', {}, 'name'],
      ['a blank name', { name: ' ' }, 'name'],
      ['a long name', { name: 'n'.repeat(201) }, 'name'],
      ['an unknown role', { name: 'x', role: 'superuser' }, 'role'],
      ['an unknown field', { name: 'x', expires: '2030-01-01' }, 'expires'],
    ])('creating a token with %s answers 400 naming the field', async (_what, body, path) => {
      const res = await admin.post('/api/v1/me/tokens', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
      expect(res.body.error.issues.map((i: any) => i.path)).toContain(path);
    });

    it('a user that does not exist answers 404 user_not_found', async () => {
      for (const res of [
        await admin.get('/api/v1/users/987654/tokens'),
        await admin.post('/api/v1/users/987654/tokens', { name: 'x' }),
        await admin.delete('/api/v1/users/987654/tokens/1'),
        await admin.get('/api/v1/users/abc/tokens'),
      ]) {
        expect([res.status, res.body.error.code]).toEqual([404, 'user_not_found']);
      }
    });
  });

  describe('teams', () => {
    const expectInvalid = (res: { status: number; body: any }, path: string) => {
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
      expect(res.body.error.issues.map((i: any) => i.path)).toContain(path);
    };

    it.each([
      ['no name', {}, 'name'],
      ['a blank name', { name: '  ' }, 'name'],
      ['a long name', { name: 'n'.repeat(201) }, 'name'],
      ['a long description', { name: 'x', description: 'd'.repeat(2001) }, 'description'],
      ['members that are not a list', { name: 'x', members: {} }, 'members'],
      ['a member without a user id', { name: 'x', members: [{}] }, 'members.0.userId'],
      ['a numeric user id', { name: 'x', members: [{ userId: 1 }] }, 'members.0.userId'],
      [
        'an unknown team role',
        { name: 'x', members: [{ userId: '1', role: 'boss' }] },
        'members.0.role',
      ],
      [
        'a member listed twice',
        { name: 'x', members: [{ userId: '1' }, { userId: '1' }] },
        'members.1.userId',
      ],
      ['an unknown field', { name: 'x', colour: 'red' }, 'colour'],
    ])('POST with %s answers 400 naming the field', async (_what, body, path) => {
      expectInvalid(await admin.post('/api/v1/teams', body), path);
    });

    it('PUT members without a list, and PATCH with unknown fields, answer 400', async () => {
      const team = await admin.post('/api/v1/teams', { name: uniqueName('Picky') });
      expectInvalid(await admin.put(`/api/v1/teams/${team.body.id}/members`, {}), 'members');
      expectInvalid(
        await admin.put(`/api/v1/teams/${team.body.id}/members`, [{ userId: '1' }]),
        '(body)',
      );
      expectInvalid(await admin.patch(`/api/v1/teams/${team.body.id}`, { members: [] }), 'members');
      expect((await admin.get(`/api/v1/teams/${team.body.id}`)).body).toEqual(team.body);
    });

    it.each(['987654', 'abc'])('team id %s answers 404 team_not_found', async (id) => {
      for (const res of [
        await admin.get(`/api/v1/teams/${id}`),
        await admin.patch(`/api/v1/teams/${id}`, { name: 'x' }),
        await admin.put(`/api/v1/teams/${id}/members`, { members: [] }),
        await admin.delete(`/api/v1/teams/${id}`),
      ]) {
        expect([res.status, res.body.error.code]).toEqual([404, 'team_not_found']);
      }
    });
  });
});
