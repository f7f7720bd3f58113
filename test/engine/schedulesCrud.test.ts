import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScheduleResponse } from '../../shared/api/schedules.js';
import { client, type Client } from '../helpers/http.js';
import { createSchedule, putSchedule, scheduleBody, weeklyLayer } from '../helpers/scheduleApi.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { addUser, type TestUser } from '../helpers/users.js';

/** Schedules over REST: create, read, change, delete, who may, and versions across restarts. */
describe('schedules CRUD over REST', () => {
  let t: TestEngine;
  let admin: Client;
  let ana: TestUser;
  let ben: TestUser;
  let asResponder: Client;
  let asViewer: Client;
  let users: string[];
  beforeAll(async () => {
    t = await startTestEngine();
    admin = client(t.url);
    ana = await addUser(t, 'responder', 'Ana');
    ben = await addUser(t, 'viewer', 'Ben');
    asResponder = client(t.url, ana.token);
    asViewer = client(t.url, ben.token);
    users = [String(ana.user.id), String(ben.user.id)];
  });
  afterAll(() => t.dispose());

  it('an admin creates a schedule: 201, Location, ETag, version 1, layer ids filled in', async () => {
    const { id: _id, ...unnamed } = weeklyLayer(users);
    const res = await admin.post('/api/v1/schedules', scheduleBody([unnamed]));
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/schedules/${res.body.id}`);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(ScheduleResponse.parse(res.body)).toEqual(res.body);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      name: 'NOC primary',
      timeZone: 'Europe/Berlin',
      version: 1,
      layers: [{ ...unnamed, id: 'layer-1' }],
      overrides: [],
      problems: [],
    });
    expect(res.body.createdAt).toBe(res.body.updatedAt);
  });

  it('everyone reads schedules; the answer carries the version as ETag', async () => {
    const created = await createSchedule(admin, scheduleBody([weeklyLayer(users)]));
    for (const api of [admin, asResponder, asViewer]) {
      const one = await api.get(`/api/v1/schedules/${created.id}`);
      expect(one.status).toBe(200);
      expect(one.headers.get('etag')).toBe('"1"');
      expect(one.body).toEqual(created);
      const list = await api.get('/api/v1/schedules');
      expect(list.body.items).toContainEqual(created);
    }
  });

  it('only admins create, change and delete; a missing token is 401', async () => {
    const created = await createSchedule(admin, scheduleBody([weeklyLayer(users)]));
    const path = `/api/v1/schedules/${created.id}`;
    for (const api of [asResponder, asViewer]) {
      expect((await api.post('/api/v1/schedules', scheduleBody([]))).status).toBe(403);
      expect((await putSchedule(api, created.id, scheduleBody([]), 1)).status).toBe(403);
      const del = await api.request('DELETE', `${path}?version=1`);
      expect(del.status).toBe(403);
      expect(del.body.error.code).toBe('forbidden');
    }
    const anonymous = client(t.url, null);
    expect((await anonymous.get('/api/v1/schedules')).status).toBe(401);
    expect((await anonymous.get(path)).status).toBe(401);
    expect((await admin.get(path)).body.version).toBe(1);
  });

  it('an unknown or malformed id is 404 schedule_not_found', async () => {
    for (const path of ['/api/v1/schedules/999999', '/api/v1/schedules/abc']) {
      const res = await admin.get(path);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('schedule_not_found');
    }
    const put = await putSchedule(admin, '999999', scheduleBody([]), 1);
    expect(put.body.error.code).toBe('schedule_not_found');
  });

  it('a change names its base version by If-Match or "version"; each change adds 1', async () => {
    const s = await createSchedule(admin, scheduleBody([weeklyLayer(users)]));
    const byHeader = await putSchedule(
      admin,
      s.id,
      scheduleBody([weeklyLayer(users)], { name: 'A' }),
      1,
    );
    expect(byHeader.status).toBe(200);
    expect(byHeader.headers.get('etag')).toBe('"2"');
    expect(byHeader.body).toMatchObject({ name: 'A', version: 2, createdAt: s.createdAt });
    const byBody = await putSchedule(
      admin,
      s.id,
      scheduleBody([weeklyLayer(users)], { name: 'B', version: 2 }),
    );
    expect(byBody.body).toMatchObject({ name: 'B', version: 3 });
    const both = await putSchedule(admin, s.id, scheduleBody([], { version: 3 }), 3);
    expect(both.body).toMatchObject({ layers: [], version: 4 });
    const weak = await admin.request(
      'PUT',
      `/api/v1/schedules/${s.id}`,
      scheduleBody([], { name: 'C' }),
      {
        headers: { 'if-match': 'W/"4"' },
      },
    );
    expect(weak.body).toMatchObject({ name: 'C', version: 5 });
  });

  it('a change without a base version is 428 version_required; disagreeing ones are 400', async () => {
    const s = await createSchedule(admin, scheduleBody([weeklyLayer(users)]));
    const missing = await putSchedule(admin, s.id, scheduleBody([]));
    expect(missing.status).toBe(428);
    expect(missing.body.error).toMatchObject({ code: 'version_required' });
    expect(missing.body.error.message).toContain('If-Match');
    const differ = await putSchedule(admin, s.id, scheduleBody([], { version: 1 }), 2);
    expect(differ.status).toBe(400);
    expect(differ.body.error.issues).toEqual([
      { path: 'version', message: 'differs from If-Match' },
    ]);
    const badHeader = await admin.request('PUT', `/api/v1/schedules/${s.id}`, scheduleBody([]), {
      headers: { 'if-match': '"one"' },
    });
    expect(badHeader.status).toBe(400);
    expect(badHeader.body.error.issues[0].path).toBe('If-Match');
    for (const version of ['one', 0, 1.5]) {
      const res = await putSchedule(admin, s.id, scheduleBody([], { version }));
      expect(res.status, String(version)).toBe(400);
      expect(res.body.error.issues[0].path).toBe('version');
    }
    expect((await admin.get(`/api/v1/schedules/${s.id}`)).body.version).toBe(1);
  });

  it('two admins edit at once: the second gets 409 with the current schedule, and retries', async () => {
    const s = await createSchedule(admin, scheduleBody([weeklyLayer(users)]));
    const other = client(t.url, (await addUser(t, 'admin', 'Other admin')).token);
    const mine = (await admin.get(`/api/v1/schedules/${s.id}`)).body;
    const theirs = (await other.get(`/api/v1/schedules/${s.id}`)).body;
    const first = await putSchedule(admin, s.id, { ...mine, name: 'Renamed by me' }, mine.version);
    expect(first.status).toBe(200);
    const second = await putSchedule(other, s.id, { ...theirs, layers: [] }, theirs.version);
    expect(second.status).toBe(409);
    expect(second.headers.get('etag')).toBe('"2"');
    expect(second.body.error.code).toBe('version_conflict');
    expect(second.body.error.message).toMatch(/version 1 and is now at version 2/);
    expect(second.body.current).toEqual(first.body);
    // The second editor re-applies their change to the current schedule and sends it again.
    const retry = await putSchedule(other, s.id, { ...second.body.current, layers: [] }, 2);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ name: 'Renamed by me', layers: [], version: 3 });
  });

  it('If-Match: * overwrites whatever version is there', async () => {
    const s = await createSchedule(admin, scheduleBody([weeklyLayer(users)]));
    await putSchedule(admin, s.id, scheduleBody([], { name: 'v2' }), 1);
    const bare = await admin.request(
      'PUT',
      `/api/v1/schedules/${s.id}`,
      scheduleBody([], { name: 'star' }),
      {
        headers: { 'if-match': '*' },
      },
    );
    expect(bare.status).toBe(200);
    expect(bare.body).toMatchObject({ name: 'star', version: 3 });
  });

  it('a GET answer can be sent back as it is; the same content again keeps the version', async () => {
    const s = await createSchedule(admin, scheduleBody([weeklyLayer(users)]));
    const same = await putSchedule(admin, s.id, s, s.version);
    expect(same.status).toBe(200);
    expect(same.body).toEqual(s);
    const wrongId = await putSchedule(admin, s.id, { ...s, id: '424242' }, s.version);
    expect(wrongId.status).toBe(400);
    expect(wrongId.body.error.issues[0].path).toBe('id');
  });

  it('a change without "overrides" keeps the shifts people took', async () => {
    const s = await createSchedule(admin, scheduleBody([weeklyLayer(users)]));
    const taken = await asResponder.post(`/api/v1/schedules/${s.id}/overrides`, {
      start: '2024-03-30T12:00:00+01:00',
      end: '2024-03-31T12:00:00+02:00',
      userId: users[0],
      version: 1,
    });
    expect(taken.status).toBe(201);
    const renamed = await putSchedule(
      admin,
      s.id,
      scheduleBody([weeklyLayer(users)], { name: 'New name' }),
      2,
    );
    expect(renamed.body.overrides).toEqual([taken.body.override]);
    const cleared = await putSchedule(
      admin,
      s.id,
      scheduleBody([weeklyLayer(users)], { overrides: [] }),
      3,
    );
    expect(cleared.body.overrides).toEqual([]);
  });

  it('delete needs the version too, then the schedule is gone', async () => {
    const s = await createSchedule(admin, scheduleBody([weeklyLayer(users)]));
    const path = `/api/v1/schedules/${s.id}`;
    expect((await admin.delete(path)).status).toBe(428);
    const stale = await admin.request('DELETE', path, undefined, {
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(1);
    const bad = await admin.delete(`${path}?version=x`);
    expect(bad.status).toBe(400);
    const ok = await admin.delete(`${path}?version=1`);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ deleted: true });
    expect((await admin.get(path)).status).toBe(404);
    const ids = (await admin.get('/api/v1/schedules')).body.items.map((i: any) => i.id);
    expect(ids).not.toContain(s.id);
  });

  it('a user deleted since shows as an unknown_user problem; the schedule keeps working', async () => {
    const gone = await addUser(t, 'responder', 'Leaving');
    const s = await createSchedule(admin, scheduleBody([weeklyLayer([String(gone.user.id)])]));
    expect((await admin.delete(`/api/v1/users/${gone.user.id}`)).status).toBe(200);
    const read = await admin.get(`/api/v1/schedules/${s.id}`);
    expect(read.body.problems).toEqual([
      expect.objectContaining({
        path: 'layers.0.userIds.0',
        code: 'unknown_user',
        severity: 'error',
      }),
    ]);
    const onCall = await admin.get(`/api/v1/schedules/${s.id}/on-call?at=2024-03-05T12:00:00Z`);
    expect(onCall.body.onCall).toMatchObject({ userId: String(gone.user.id), name: null });
    // An admin's next change must fix it; the answer names the path.
    const change = await putSchedule(admin, s.id, { ...read.body, name: 'x' }, 1);
    expect(change.status).toBe(400);
    expect(change.body.error.code).toBe('invalid_schedule');
    expect(change.body.error.issues[0].path).toBe('layers.0.userIds.0');
  });

  it('a restart keeps schedules, their versions, their times and their feeds', async () => {
    const s = await createSchedule(admin, scheduleBody([weeklyLayer(users)]));
    const changed = (
      await putSchedule(admin, s.id, scheduleBody([weeklyLayer(users)], { name: 'Kept' }), 1)
    ).body;
    const feed = (await asViewer.post(`/api/v1/schedules/${s.id}/calendar-feed`)).body.url;
    t = await t.restart();
    expect((await fetch(feed)).status).toBe(200);
    admin = client(t.url);
    const after = await admin.get(`/api/v1/schedules/${s.id}`);
    expect(after.body).toEqual(changed);
    expect(after.headers.get('etag')).toBe('"2"');
    const stale = await putSchedule(admin, s.id, scheduleBody([]), 1);
    expect(stale.status).toBe(409);
  });
});
