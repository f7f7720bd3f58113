import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../engine/clock.js';
import {
  createPolicy,
  createRoutedSource,
  people,
  sendEvent,
  settle,
  stepsOf,
} from '../../helpers/escalation.js';
import { client, type Client } from '../../helpers/http.js';
import { createSchedule } from '../../helpers/scheduleApi.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';
import { addUser } from '../../helpers/users.js';

/**
 * A level that targets a schedule pages whoever is on call at the instant it is reached, and
 * daily hand-offs stay at 09:00 local across daylight-saving changes — so escalation pages the
 * right person at the right instant on the day the clocks change. The timeline projected
 * beforehand is what then happens.
 */
let t: TestEngine;
afterEach(async () => t?.dispose());

/** A daily rotation handing off at 09:00 local in `zone`, `first` on call from `anchor`. */
function daily(name: string, zone: string, anchor: string, userIds: string[]) {
  return {
    name,
    timeZone: zone,
    layers: [
      {
        name: 'Daily',
        start: anchor,
        end: null,
        userIds,
        rotation: { anchor, turn: { unit: 'days', length: 1 } },
        restrictions: [],
      },
    ],
  };
}

interface Projected {
  level: number;
  round: number;
  at: string;
  names: string[];
}

const projectedLevels = (upcoming: any[]): Projected[] =>
  upcoming
    .filter((item) => item.kind === 'level')
    .map((item) => ({
      level: item.level,
      round: item.round,
      at: item.at,
      names: item.recipients.map((r: any) => r.name),
    }));

/**
 * Moves the clock through every instant the timeline projects and checks that the steps taken
 * are exactly the projected ones: same levels, rounds, instants and people.
 */
async function expectProjectionHolds(admin: Client, clock: ManualClock, alertId: string) {
  const timeline = (await admin.get(`/api/v1/alerts/${alertId}/timeline`)).body;
  const projected = projectedLevels(timeline.upcoming);
  expect(projected.length).toBeGreaterThan(0);
  const before = (await stepsOf(admin, alertId)).length;
  for (const at of [...new Set(timeline.upcoming.map((i: any) => i.at as string))].sort()) {
    clock.set(Date.parse(at as string));
    await settle(t);
  }
  const taken = (await stepsOf(admin, alertId)).slice(before);
  expect(taken).toEqual(projected);
  const end = timeline.upcoming.at(-1);
  expect(end.kind).toBe('exhausted');
  const { escalation } = (await admin.get(`/api/v1/alerts/${alertId}/timeline`)).body;
  expect(escalation.stopped).toMatchObject({ at: end.at, reason: 'exhausted' });
  return projected;
}

describe('escalation across daylight-saving changes', () => {
  it('Europe/Berlin, spring forward: the 09:00 hand-off is at 07:00 UTC, and level 2 pages accordingly', async () => {
    const clock = new ManualClock(Date.parse('2026-03-29T06:29:59Z'));
    t = await startTestEngine({ clock });
    const admin = client(t.url);
    const ids = await people(t, ['Carl', 'Ana', 'Ben']);
    // Ana from Friday 27 March 09:00 CET, Ben Saturday, Ana again Sunday 29 March 09:00 CEST.
    const noc = await createSchedule(
      admin,
      daily('NOC Berlin', 'Europe/Berlin', '2026-03-27T09:00:00+01:00', [ids.Ana!, ids.Ben!]),
    );
    const policy = await createPolicy(
      admin,
      [
        { targets: [{ type: 'user', id: ids.Carl! }], timeoutMinutes: 30 },
        { targets: [{ type: 'schedule', id: noc.id }], timeoutMinutes: 30 },
        { targets: [{ type: 'schedule', id: noc.id }], timeoutMinutes: 60 },
      ],
      { repeat: 1 },
    );
    const source = await createRoutedSource(admin, policy.id);
    const early = await sendEvent(t, source.integrationKey, 'early'); // level 2 at 06:59:59Z
    await settle(t);
    clock.set(Date.parse('2026-03-29T06:30:00Z'));
    const onTime = await sendEvent(t, source.integrationKey, 'on-time'); // level 2 at 07:00:00Z
    await settle(t);

    const berliner = client(
      t.url,
      (await addUser(t, 'viewer', 'Wall', { timeZone: 'Europe/Berlin' })).token,
    );
    const seen = (await berliner.get(`/api/v1/alerts/${onTime}/timeline`)).body;
    expect(seen.timeZone).toBe('Europe/Berlin');
    expect(seen.upcoming[0].text).toBe(
      'Level 2 at 09:00 → whoever is on call in schedule NOC Berlin at that time: Ana',
    );

    clock.set(Date.parse('2026-03-29T06:59:59Z'));
    await settle(t);
    expect((await stepsOf(admin, early)).at(-1)).toMatchObject({
      level: 1,
      at: '2026-03-29T06:59:59.000Z',
      names: ['Ben'],
    });
    const projected = await expectProjectionHolds(admin, clock, onTime);
    expect(projected.map((p) => `${p.at.slice(11, 16)} ${p.names.join()}`)).toEqual([
      '07:00 Ana', // 09:00 CEST: Ana's turn began this instant (a naive 24 h turn: Ben until 08:00 UTC)
      '07:30 Ana',
      '08:30 Carl',
      '09:00 Ana',
      '09:30 Ana',
    ]);
  });

  it('America/New_York, fall back: the 09:00 hand-off is at 14:00 UTC, and level 2 pages accordingly', async () => {
    const clock = new ManualClock(Date.parse('2026-11-01T13:30:00Z'));
    t = await startTestEngine({ clock });
    const admin = client(t.url);
    const ids = await people(t, ['Carl', 'Nia', 'Oto']);
    // Nia from Friday 30 October 09:00 EDT, Oto Saturday, Nia again Sunday 1 November 09:00 EST.
    const noc = await createSchedule(
      admin,
      daily('NOC New York', 'America/New_York', '2026-10-30T09:00:00-04:00', [ids.Nia!, ids.Oto!]),
    );
    const policy = await createPolicy(admin, [
      { targets: [{ type: 'user', id: ids.Carl! }], timeoutMinutes: 15 },
      { targets: [{ type: 'schedule', id: noc.id }], timeoutMinutes: 30 },
    ]);
    const source = await createRoutedSource(admin, policy.id);
    const before = await sendEvent(t, source.integrationKey, 'before'); // level 2 at 13:45Z
    await settle(t);
    clock.set(Date.parse('2026-11-01T13:45:00Z'));
    await settle(t);
    // 08:45 EST: still Oto's Saturday turn (a naive 24 h turn would have handed off at 13:00Z).
    expect((await stepsOf(admin, before)).at(-1)).toMatchObject({ level: 1, names: ['Oto'] });
    const after = await sendEvent(t, source.integrationKey, 'after'); // level 2 at 14:00Z
    await settle(t);
    const projected = await expectProjectionHolds(admin, clock, after);
    expect(projected.map((p) => `${p.at.slice(11, 16)} ${p.names.join()}`)).toEqual(['14:00 Nia']);
  });
});
