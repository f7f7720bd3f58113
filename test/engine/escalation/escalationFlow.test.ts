import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../engine/clock.js';
import {
  createPolicy,
  createRoutedSource,
  logOf,
  minutes,
  people,
  sendEvent,
  settle,
  stepLines,
  stepsOf,
} from '../../helpers/escalation.js';
import { client } from '../../helpers/http.js';
import { createSchedule } from '../../helpers/scheduleApi.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';
import { addUser } from '../../helpers/users.js';

/**
 * Escalation over real HTTP with a manual clock (docs/escalation.md): levels one after the other
 * as their timeouts pass, an accept that stops everything, schedule gaps, repeats, round robin.
 * Who was reached is read back from the alert's log, as a console reads it.
 */
const t0 = Date.parse('2026-11-28T09:00:00Z');
let t: TestEngine;
afterEach(async () => t?.dispose());

/** A UTC schedule in which `userIds` take turns of `hours`, from 08:00 on 28 November. */
function rotation(name: string, userIds: string[], hours = 24, restrictions: unknown[] = []) {
  return {
    name,
    timeZone: 'UTC',
    layers: [
      {
        name: 'Rotation',
        start: '2026-11-28T08:00:00Z',
        end: null,
        userIds,
        rotation: { anchor: '2026-11-28T08:00:00Z', turn: { unit: 'hours', length: hours } },
        restrictions,
      },
    ],
  };
}

async function start() {
  const clock = new ManualClock(t0);
  t = await startTestEngine({ clock });
  return { clock, admin: client(t.url) };
}

describe('escalation along a policy', () => {
  it('notifies level 1, then level 2 after its timeout; an accept stops everything, even steps already due', async () => {
    const { clock, admin } = await start();
    const ids = await people(t, ['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
    const ops = await createSchedule(
      admin,
      rotation('Ops', [ids['Grace Hopper']!, ids['Alan Turing']!]),
    );
    const policy = await createPolicy(admin, [
      { targets: [{ type: 'user', id: ids['Ada Lovelace']! }], timeoutMinutes: 10 },
      { targets: [{ type: 'schedule', id: ops.id }], timeoutMinutes: 15 },
      { targets: [{ type: 'user', id: ids['Alan Turing']! }], timeoutMinutes: 15 },
    ]);
    const source = await createRoutedSource(admin, policy.id);
    const alertId = await sendEvent(t, source.integrationKey, 'db-down');
    await settle(t);
    expect(stepLines(await stepsOf(admin, alertId))).toEqual(['L1/R0 09:00 Ada Lovelace']);

    clock.advance(minutes(10) - 1);
    await settle(t);
    expect(await stepsOf(admin, alertId)).toHaveLength(1);
    clock.advance(1);
    await settle(t);
    expect(stepLines(await stepsOf(admin, alertId))).toEqual([
      'L1/R0 09:00 Ada Lovelace',
      'L2/R0 09:10 Grace Hopper',
    ]);
    const [, second] = (await logOf(admin, alertId)).filter((e) => e.kind === 'escalated');
    expect(second.message).toMatch(/^Escalated to level 2: Grace Hopper \(on call in Ops\)/);
    expect(second.actor).toEqual({ type: 'system' });

    // Level 3 comes due while nothing runs; the accept arrives first and must win.
    await t.engine.context.work.stop();
    clock.advance(minutes(20));
    const grace = await addUser(t, 'responder', 'Accepting responder');
    const accepted = await client(t.url, grace.token).post(`/api/v1/alerts/${alertId}/accept`, {});
    expect(accepted.status).toBe(200);
    // Cancelled in the accept's own transaction: nothing of escalation is left to run.
    const pending = await t.engine.store.read((tx) => tx.dueWork.listPending(`alert:${alertId}`));
    expect(pending.filter((w) => w.kind === 'escalate')).toEqual([]);
    t.engine.context.work.start();
    await settle(t);
    clock.advance(minutes(120));
    await settle(t);
    expect(await stepsOf(admin, alertId)).toHaveLength(2);

    const timeline = (await admin.get(`/api/v1/alerts/${alertId}/timeline`)).body;
    expect(timeline.escalation).toMatchObject({ next: null, steps: 2, stopped: null });
    expect(timeline.upcoming).toEqual([]);
  });

  it('a level that reaches nobody (a schedule gap) escalates to the next at once, logged', async () => {
    const { admin } = await start();
    const ids = await people(t, ['Ada Lovelace', 'Grace Hopper']);
    // On call 12:00–18:00 only: at 09:00 nobody is.
    const business = await createSchedule(
      admin,
      rotation('Business hours', [ids['Grace Hopper']!], 24, [
        { kind: 'daily', start: '12:00', end: '18:00' },
      ]),
    );
    const policy = await createPolicy(admin, [
      { targets: [{ type: 'schedule', id: business.id }], timeoutMinutes: 10 },
      { targets: [{ type: 'user', id: ids['Ada Lovelace']! }], timeoutMinutes: 10 },
    ]);
    const source = await createRoutedSource(admin, policy.id);
    const alertId = await sendEvent(t, source.integrationKey, 'gap');
    await settle(t);
    expect(stepLines(await stepsOf(admin, alertId))).toEqual([
      'L1/R0 09:00 -',
      'L2/R0 09:00 Ada Lovelace',
    ]);
    const skipped = (await logOf(admin, alertId)).find((e) => e.kind === 'escalated');
    expect(skipped.message).toBe(
      'Level 1 reached nobody (nobody on call in Business hours): escalating further at once',
    );
  });

  it('repeats the whole policy N times, then stops and says so', async () => {
    const { clock, admin } = await start();
    const ids = await people(t, ['Ada Lovelace', 'Grace Hopper']);
    const policy = await createPolicy(
      admin,
      [
        { targets: [{ type: 'user', id: ids['Ada Lovelace']! }], timeoutMinutes: 5 },
        { targets: [{ type: 'user', id: ids['Grace Hopper']! }], timeoutMinutes: 10 },
      ],
      { repeat: 2 },
    );
    const source = await createRoutedSource(admin, policy.id);
    const alertId = await sendEvent(t, source.integrationKey, 'repeat');
    for (let i = 0; i < 20; i += 1) {
      await settle(t);
      clock.advance(minutes(5));
    }
    await settle(t);
    expect(stepLines(await stepsOf(admin, alertId))).toEqual([
      'L1/R0 09:00 Ada Lovelace',
      'L2/R0 09:05 Grace Hopper',
      'L1/R1 09:15 Ada Lovelace',
      'L2/R1 09:20 Grace Hopper',
      'L1/R2 09:30 Ada Lovelace',
      'L2/R2 09:35 Grace Hopper',
    ]);
    const log = await logOf(admin, alertId);
    const stopped = log.filter((e) => e.kind === 'escalation-stopped');
    expect(stopped).toHaveLength(1);
    expect(stopped[0]).toMatchObject({
      at: '2026-11-28T09:45:00.000Z',
      message: 'Escalation ended: nobody accepted after 3 runs of escalation policy "Ops".',
    });
    const timeline = (await admin.get(`/api/v1/alerts/${alertId}/timeline`)).body;
    expect(timeline.escalation.stopped).toMatchObject({ reason: 'exhausted' });
    expect(timeline.upcoming).toEqual([]);
  });

  it('round robin notifies the next person of the level each time, across alerts', async () => {
    const { clock, admin } = await start();
    const ids = await people(t, ['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
    const team = await admin.post('/api/v1/teams', { name: 'SRE' });
    await admin.put(`/api/v1/teams/${team.body.id}/members`, {
      members: Object.values(ids).map((userId) => ({ userId, role: 'member' })),
    });
    const policy = await createPolicy(admin, [
      { targets: [{ type: 'team', id: team.body.id }], timeoutMinutes: 5, roundRobin: true },
    ]);
    const source = await createRoutedSource(admin, policy.id);
    const reached: string[] = [];
    for (const key of ['a', 'b', 'c', 'd']) {
      const alertId = await sendEvent(t, source.integrationKey, key);
      await settle(t);
      const steps = await stepsOf(admin, alertId);
      expect(steps).toHaveLength(1);
      reached.push(...steps[0]!.names);
      clock.advance(minutes(1));
    }
    expect(reached).toEqual(['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Ada Lovelace']);
  });
});
