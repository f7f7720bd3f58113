import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineRest } from '../../main/engines/engineRest.js';
import { OfflinePlanner } from '../../main/planning/offlinePlanner.js';
import { PlanningDb } from '../../main/planning/planningDb.js';
import { client } from '../helpers/http.js';
import { createSchedule, scheduleBody, weeklyLayer } from '../helpers/scheduleApi.js';
import { adminToken, startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { addUser } from '../helpers/users.js';

/**
 * Offline planning against a real engine on 127.0.0.1: drafts made offline are pushed with their
 * base version; a schedule changed meanwhile becomes a conflict with both sides; nothing is lost
 * across a restart of the app (a reopened database).
 */
let t: TestEngine;
const dir = mkdtempSync(join(tmpdir(), 'nocturne-planning-'));
let users: string[] = [];
let scheduleId = '';

beforeAll(async () => {
  t = await startTestEngine();
  users = [];
  for (let i = 0; i < 3; i++) users.push((await addUser(t, 'responder')).user.id);
  scheduleId = (await createSchedule(client(t.url), scheduleBody([weeklyLayer(users)]))).id;
});
afterAll(async () => {
  await t?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const rest = () => createEngineRest({ baseUrl: t.url, token: () => adminToken });
const unreachable = () =>
  createEngineRest({ baseUrl: 'http://127.0.0.1:9', token: () => adminToken, timeoutMs: 2000 });
const override = (day: number, userId: string) => ({
  scheduleId,
  baseVersion: 1,
  start: `2024-04-${String(day).padStart(2, '0')}T09:00:00+02:00`,
  end: `2024-04-${String(day + 1).padStart(2, '0')}T09:00:00+02:00`,
  userId,
});

describe('offline planning store', () => {
  it('copies schedules and users, queues drafts offline, and keeps them across a restart', async () => {
    const file = join(dir, 'a.sqlite');
    let planner = new OfflinePlanner(await PlanningDb.open(file));
    const copied = await planner.refresh('e1', rest());
    expect(copied.ok && copied.value.schedules.map((s) => s.version)).toEqual([1]);
    expect(copied.ok && copied.value.users.length).toBe(4);

    // Offline: drafting works and pushing reports offline, keeping every draft.
    planner.draftOverride('e1', override(1, users[1]!));
    planner.draftOverride('e1', override(3, users[2]!));
    expect(await planner.refresh('e1', unreachable())).toMatchObject({
      ok: false,
      error: { code: 'engine_unreachable' },
    });
    expect(await planner.push('e1', unreachable())).toEqual({
      pushed: 0,
      conflicts: 0,
      rejected: 0,
      offline: true,
    });

    // The app restarts: the drafts and the copy are still there, in order.
    planner = new OfflinePlanner(await PlanningDb.open(file));
    const view = planner.view('e1');
    expect(
      view.drafts.map((d) => [d.kind, d.baseVersion, d.state, (d.payload as any).start]),
    ).toEqual([
      ['override', 1, 'pending', '2024-04-01T09:00:00+02:00'],
      ['override', 1, 'pending', '2024-04-03T09:00:00+02:00'],
    ]);
    expect(view.schedules).toHaveLength(1);

    // Reachable again: both are pushed (the second rebased on our own first), none conflicts.
    expect(await planner.push('e1', rest())).toEqual({
      pushed: 2,
      conflicts: 0,
      rejected: 0,
      offline: false,
    });
    const after = planner.view('e1');
    expect(after.drafts).toEqual([]);
    expect(after.schedules[0]!.version).toBe(3);

    // Two pushes at once (two windows; a manual push during the automatic one): one push, one
    // report, each draft sent once.
    planner.draftOverride('e1', { ...override(5, users[0]!), baseVersion: 3 });
    const [first, second] = await Promise.all([
      planner.push('e1', rest()),
      planner.push('e1', rest()),
    ]);
    expect(first).toEqual({ pushed: 1, conflicts: 0, rejected: 0, offline: false });
    expect(second).toBe(first);
    expect(planner.view('e1').schedules[0]!.version).toBe(4);
    expect(after.schedules[0]!.overrides.map((o) => o.userId)).toEqual([users[1], users[2]]);
  });

  it('a schedule changed meanwhile (409) becomes a conflict with both sides; the operator chooses', async () => {
    const file = join(dir, 'b.sqlite');
    let planner = new OfflinePlanner(await PlanningDb.open(file));
    await planner.refresh('e1', rest());
    const base = planner.view('e1').schedules[0]!.version;
    planner.draftOverride('e1', { ...override(10, users[0]!), baseVersion: base });
    const edit = { ...planner.view('e1').schedules[0]!, name: 'NOC primary (drafted offline)' };
    planner.draftScheduleEdit('e1', { scheduleId, baseVersion: base, schedule: edit as any });

    // Meanwhile someone else takes a shift on the engine.
    const other = await client(t.url).post(`/api/v1/schedules/${scheduleId}/overrides`, {
      ...override(20, users[2]!),
      scheduleId: undefined,
      baseVersion: undefined,
      version: base,
    });
    expect(other.status).toBe(201);

    expect(await planner.push('e1', rest())).toEqual({
      pushed: 0,
      conflicts: 2,
      rejected: 0,
      offline: false,
    });
    planner = new OfflinePlanner(await PlanningDb.open(file)); // survives a restart too
    const { conflicts, drafts } = planner.view('e1');
    expect(drafts.map((d) => d.state)).toEqual(['conflict', 'conflict']);
    expect(conflicts).toHaveLength(2);
    const [shift, rename] = [...conflicts].sort(
      (a, b) =>
        drafts.findIndex((d) => d.id === a.draftId) - drafts.findIndex((d) => d.id === b.draftId),
    );
    expect(shift!.theirs.version).toBe(base + 1);
    expect(shift!.mine).toEqual({
      start: '2024-04-10T09:00:00+02:00',
      end: '2024-04-11T09:00:00+02:00',
      userId: users[0],
    });
    expect(shift!.theirs.overrides.some((o) => o.start === '2024-04-20T09:00:00+02:00')).toBe(true);

    // Keep mine for the shift (re-queued on their version), theirs for the rename (dropped).
    planner.resolveConflict(shift!.id, 'mine');
    planner.resolveConflict(rename!.id, 'theirs');
    expect(planner.view('e1').drafts.map((d) => [d.state, d.baseVersion])).toEqual([
      ['pending', base + 1],
    ]);
    expect(await planner.push('e1', rest())).toMatchObject({ pushed: 1, conflicts: 0 });
    const final = planner.view('e1').schedules[0]!;
    expect(final.name).toBe('NOC primary');
    expect(final.overrides.map((o) => o.start)).toEqual(
      expect.arrayContaining(['2024-04-10T09:00:00+02:00', '2024-04-20T09:00:00+02:00']),
    );
  });

  it('a draft the engine refuses (unknown user) stays, marked rejected with the reason', async () => {
    const planner = new OfflinePlanner(await PlanningDb.open(join(dir, 'c.sqlite')));
    await planner.refresh('e1', rest());
    const version = planner.view('e1').schedules[0]!.version;
    planner.draftOverride('e1', { ...override(15, 'no-such-user'), baseVersion: version });
    expect(await planner.push('e1', rest())).toMatchObject({ rejected: 1 });
    const [draft] = planner.view('e1').drafts;
    expect(draft).toMatchObject({ state: 'rejected', problem: expect.any(String) });
    expect(planner.discard(draft!.id)).toBe('e1');
    expect(planner.discard(draft!.id)).toBeNull();
    expect(planner.view('e1').drafts).toEqual([]);
  });
});
