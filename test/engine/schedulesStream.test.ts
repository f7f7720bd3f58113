import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { client } from '../helpers/http.js';
import {
  createSchedule,
  putSchedule,
  scheduleBody,
  takeShift,
  weeklyLayer,
} from '../helpers/scheduleApi.js';
import { eventually, RawStream } from '../helpers/streamSocket.js';
import { syncedReplica, type SyncedReplica } from '../helpers/streamSync.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { addUser } from '../helpers/users.js';

let t: TestEngine | null = null;
let synced: SyncedReplica | null = null;
afterEach(async () => {
  synced?.stop();
  synced = null;
  await t?.dispose();
  t = null;
});

/** What the REST API says a schedule is, without the read-time `problems`. */
async function overRest(url: string, id: string) {
  const { problems: _problems, ...stored } = (await client(url).get(`/api/v1/schedules/${id}`))
    .body;
  return stored;
}

/** Consoles' calendars update live: schedules are in the snapshot and every change is a delta. */
describe('stream: schedules', () => {
  it('the snapshot carries every schedule as stored, without problems', async () => {
    t = await startTestEngine();
    const ana = String((await addUser(t, 'responder', 'Ana')).user.id);
    const s = await createSchedule(client(t.url), scheduleBody([weeklyLayer([ana])]));
    const stream = await RawStream.open(t.url);
    const snapshot = await stream.helloSnapshot();
    expect(snapshot.schedules).toEqual([await overRest(t.url, s.id)]);
    stream.close();
  });

  it('creates, changes, overrides and deletes reach a synced console in order', async () => {
    t = await startTestEngine();
    const admin = client(t.url);
    const viewer = await addUser(t, 'viewer', 'Wall');
    const ana = String((await addUser(t, 'responder', 'Ana')).user.id);
    synced = syncedReplica(t.url, { token: viewer.token });
    await synced.untilLive();
    const { replica } = synced;
    expect(replica.schedules.size).toBe(0);

    const s = await createSchedule(admin, scheduleBody([weeklyLayer([ana])]));
    await eventually(() => replica.schedules.get(s.id)?.version === 1, 'the new schedule');
    await putSchedule(admin, s.id, scheduleBody([weeklyLayer([ana])], { name: 'Renamed' }), 1);
    await takeShift(admin, s.id, 2, {
      start: '2024-03-30T12:00:00+01:00',
      end: '2024-03-31T12:00:00+02:00',
      userId: ana,
    });
    const current = await overRest(t.url, s.id);
    await eventually(
      () => isDeepStrictEqual(replica.schedules.get(s.id), current),
      'the replica to hold the schedule as REST shows it',
    );
    expect(current).toMatchObject({ name: 'Renamed', version: 3 });

    await admin.delete(`/api/v1/schedules/${s.id}?version=3`);
    await eventually(() => !replica.schedules.has(s.id), 'the schedule to be removed');
    const kinds = synced.events
      .flatMap((e) => (e.kind === 'changes' ? e.changes : []))
      .filter((c) => c.kind.startsWith('schedule'))
      .map((c) => (c.kind === 'schedule' ? `schedule v${c.value.version}` : c.kind));
    expect(kinds).toEqual(['schedule v1', 'schedule v2', 'schedule v3', 'schedule.removed']);
  });

  it('a refused write (409, 400) sends nothing', async () => {
    t = await startTestEngine();
    const admin = client(t.url);
    const ana = String((await addUser(t, 'responder', 'Ana')).user.id);
    const s = await createSchedule(admin, scheduleBody([weeklyLayer([ana])]));
    synced = syncedReplica(t.url);
    await synced.untilLive();
    expect((await putSchedule(admin, s.id, scheduleBody([]), 7)).status).toBe(409);
    expect(
      (await putSchedule(admin, s.id, scheduleBody([], { timeZone: 'Nowhere' }), 1)).status,
    ).toBe(400);
    // A later change is the next thing the console hears about this schedule.
    await putSchedule(admin, s.id, scheduleBody([], { name: 'Next' }), 1);
    await eventually(() => synced!.replica.schedules.get(s.id)?.version === 2, 'version 2');
    const scheduleChanges = synced.events
      .flatMap((e) => (e.kind === 'changes' ? e.changes : []))
      .filter((c) => c.kind.startsWith('schedule'));
    expect(scheduleChanges).toHaveLength(1);
  });
});
