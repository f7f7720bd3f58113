import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Client } from '../helpers/http.js';
import { createSchedule, scheduleBody, takeShift, weeklyLayer } from '../helpers/scheduleApi.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { addUser } from '../helpers/users.js';

/** "Take this shift": responders add and remove overrides, each a new schedule version. */
describe('schedule overrides over REST', () => {
  let t: TestEngine;
  let admin: Client;
  let rita: Client;
  let sam: Client;
  let viewer: Client;
  let ana: string;
  let ben: string;
  beforeAll(async () => {
    t = await startTestEngine();
    admin = client(t.url);
    const r = await addUser(t, 'responder', 'Rita');
    const s = await addUser(t, 'responder', 'Sam');
    rita = client(t.url, r.token);
    sam = client(t.url, s.token);
    viewer = client(t.url, (await addUser(t, 'viewer')).token);
    ana = String(r.user.id);
    ben = String(s.user.id);
  });
  afterAll(() => t.dispose());

  const shift = (
    userId: string,
    start = '2024-03-30T12:00:00+01:00',
    end = '2024-03-31T12:00:00+02:00',
  ) => ({ start, end, userId });
  const later = (userId: string) =>
    shift(userId, '2024-04-02T12:00:00+02:00', '2024-04-03T12:00:00+02:00');
  const newSchedule = () => createSchedule(admin, scheduleBody([weeklyLayer([ana, ben])]));

  it('a responder takes a shift: 201 with the override and the schedule at the next version', async () => {
    const s = await newSchedule();
    const res = await takeShift(rita, s.id, 1, shift(ana));
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"2"');
    const { override, schedule } = res.body;
    expect(override).toEqual({
      id: expect.stringMatching(/^ovr-[0-9a-f]{12}$/),
      ...shift(ana),
      createdAt: expect.any(String),
    });
    expect(res.headers.get('location')).toBe(`/api/v1/schedules/${s.id}/overrides/${override.id}`);
    expect(schedule).toMatchObject({ id: s.id, version: 2, overrides: [override] });
    expect((await viewer.get(`/api/v1/schedules/${s.id}`)).body).toEqual(schedule);
  });

  it('the override taken last wins, even at the same instant and with If-Match', async () => {
    const s = await newSchedule();
    const first = await takeShift(rita, s.id, 1, shift(ana));
    const second = await sam.request('POST', `/api/v1/schedules/${s.id}/overrides`, shift(ben), {
      headers: { 'if-match': '"2"' },
    });
    expect(second.status).toBe(201);
    expect(Date.parse(second.body.override.createdAt)).toBeGreaterThan(
      Date.parse(first.body.override.createdAt),
    );
    const who = await viewer.get(`/api/v1/schedules/${s.id}/on-call?at=2024-03-30T18:00:00Z`);
    expect(who.body.onCall).toMatchObject({
      userId: ben,
      source: { kind: 'override', overrideId: second.body.override.id },
    });
  });

  it('two responders take shifts at once: the second gets 409 and retries on the new version', async () => {
    const s = await newSchedule();
    const [a, b] = await Promise.all([
      takeShift(rita, s.id, 1, shift(ana)),
      takeShift(sam, s.id, 1, later(ben)),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([201, 409]);
    const lost = a.status === 409 ? a : b;
    expect(lost.body.error.code).toBe('version_conflict');
    expect(lost.body.current.version).toBe(2);
    const retry = await (lost === a ? rita : sam).post(`/api/v1/schedules/${s.id}/overrides`, {
      ...(lost === a ? shift(ana) : later(ben)),
      version: lost.body.current.version,
    });
    expect(retry.status).toBe(201);
    expect(retry.body.schedule.overrides).toHaveLength(2);
    expect(retry.body.schedule.version).toBe(3);
  });

  it('removes an override with its version; unknown ones are 404 override_not_found', async () => {
    const s = await newSchedule();
    const taken = await takeShift(rita, s.id, 1, shift(ana));
    const path = `/api/v1/schedules/${s.id}/overrides/${taken.body.override.id}`;
    expect((await sam.delete(path)).status).toBe(428);
    expect((await sam.delete(`${path}?version=1`)).status).toBe(409);
    const removed = await sam.delete(`${path}?version=2`);
    expect(removed.status).toBe(200);
    expect(removed.headers.get('etag')).toBe('"3"');
    expect(removed.body).toMatchObject({ version: 3, overrides: [] });
    const again = await sam.delete(`${path}?version=3`);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('override_not_found');
  });

  it('viewers may not take shifts; unknown schedules are 404', async () => {
    const s = await newSchedule();
    const res = await takeShift(viewer, s.id, 1, shift(ana));
    expect(res.status).toBe(403);
    expect((await viewer.delete(`/api/v1/schedules/${s.id}/overrides/x?version=1`)).status).toBe(
      403,
    );
    const missing = await takeShift(rita, '999999', 1, shift(ana));
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('schedule_not_found');
  });

  it('a bad override is 400 invalid_schedule with paths of the body sent', async () => {
    const s = await newSchedule();
    const cases: Array<[unknown, string, string]> = [
      [{ ...shift(ana), end: '2024-03-30T11:00:00+01:00' }, 'end', 'end_not_after_start'],
      [{ ...shift(ana), start: 'tomorrow' }, 'start', 'malformed_instant'],
      [shift('999999'), 'userId', 'unknown_user'],
      [{ ...shift(ana), note: 'x' }, 'note', 'unknown_field'],
      [{ ...shift(ana), id: 'mine' }, 'id', 'unknown_field'],
      [{ start: shift(ana).start }, 'end', 'invalid_field'],
    ];
    for (const [body, path, code] of cases) {
      const res = await rita.post(`/api/v1/schedules/${s.id}/overrides`, {
        ...(body as object),
        version: 1,
      });
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe('invalid_schedule');
      expect(res.body.error.issues[0].path, JSON.stringify(res.body)).toBe(path);
      expect(res.body.problems[0]).toMatchObject({ path, code });
    }
    const notObject = await rita.post(`/api/v1/schedules/${s.id}/overrides`, [1]);
    expect(notObject.status).toBe(400);
    expect((await viewer.get(`/api/v1/schedules/${s.id}`)).body.version).toBe(1);
  });

  it('a user deleted from the rotation does not stop others from taking shifts', async () => {
    const gone = await addUser(t, 'responder', 'Gone');
    const s = await createSchedule(admin, scheduleBody([weeklyLayer([ana, String(gone.user.id)])]));
    expect((await admin.delete(`/api/v1/users/${gone.user.id}`)).status).toBe(200);
    const res = await takeShift(rita, s.id, 1, shift(ana));
    expect(res.status).toBe(201);
    expect(res.body.schedule.problems).toEqual([
      expect.objectContaining({ code: 'unknown_user', path: 'layers.0.userIds.1' }),
    ]);
    // …but nobody can hand a shift to them.
    const toGone = await takeShift(rita, s.id, 2, shift(String(gone.user.id)));
    expect(toGone.status).toBe(400);
    expect(toGone.body.problems[0]).toMatchObject({ path: 'userId', code: 'unknown_user' });
  });
});
