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
import { client, type Client } from '../../helpers/http.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';
import { addUser } from '../../helpers/users.js';

/**
 * The guarantees of durable escalation (docs/escalation.md, "Guarantees"): after a restart the
 * overdue steps run at once, each once; an accept that races a due step wins or loses as a
 * whole, and nobody is paged about an alert once it is accepted.
 */
const t0 = Date.parse('2026-11-28T09:00:00Z');
let t: TestEngine;
afterEach(async () => t?.dispose());

async function setup(clock: ManualClock) {
  t = await startTestEngine({ clock });
  const admin = client(t.url);
  const ids = await people(t, ['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
  const policy = await createPolicy(admin, [
    { targets: [{ type: 'user', id: ids['Ada Lovelace']! }], timeoutMinutes: 10 },
    { targets: [{ type: 'user', id: ids['Grace Hopper']! }], timeoutMinutes: 10 },
    { targets: [{ type: 'user', id: ids['Alan Turing']! }], timeoutMinutes: 10 },
  ]);
  const source = await createRoutedSource(admin, policy.id);
  return { admin, policy, source };
}

/**
 * Nobody paged after the accept: every escalation step is logged before it (a step logs itself
 * before its pages, in one transaction), and nothing entered the outbox later.
 */
async function expectNothingAfterAccept(admin: Client, alertId: string) {
  const log = await logOf(admin, alertId);
  const accepted = log.findIndex((e) => e.kind === 'accepted');
  expect(accepted).toBeGreaterThan(0);
  expect(log.slice(accepted).filter((e) => e.kind === 'escalated')).toEqual([]);
  const acceptedAt = Date.parse(log[accepted].at);
  const outbox = await t.engine.store.read((tx) => tx.outbox.listByAlert(Number(alertId)));
  expect(outbox.length).toBeGreaterThan(0);
  for (const entry of outbox) expect(entry.createdAt).toBeLessThanOrEqual(acceptedAt);
}

describe('escalation across restarts', () => {
  it('runs overdue steps once after a restart, and none of them again after the next', async () => {
    const clock = new ManualClock(t0);
    const { admin, source } = await setup(clock);
    const alerts = [];
    for (const key of ['a', 'b', 'c']) alerts.push(await sendEvent(t, source.integrationKey, key));
    await settle(t);

    // The engine stops before level 2 is due and starts again 25 minutes later.
    await t.engine.context.work.stop();
    clock.set(t0 + minutes(25));
    t = await t.restart();
    await settle(t);
    for (const alertId of alerts) {
      // Level 2 ran at once, once; level 3 gets its whole timeout from then.
      expect(stepLines(await stepsOf(admin, alertId))).toEqual([
        'L1/R0 09:00 Ada Lovelace',
        'L2/R0 09:25 Grace Hopper',
      ]);
      const { escalation } = (await admin.get(`/api/v1/alerts/${alertId}/timeline`)).body;
      expect(escalation.last).toMatchObject({
        dueAt: '2026-11-28T09:10:00.000Z',
        at: '2026-11-28T09:25:00.000Z',
      });
      expect(escalation.next).toEqual({ level: 2, round: 0, dueAt: '2026-11-28T09:35:00.000Z' });
    }

    t = await t.restart();
    await settle(t);
    clock.set(t0 + minutes(35));
    await settle(t);
    for (const alertId of alerts) {
      expect(stepLines(await stepsOf(admin, alertId))).toEqual([
        'L1/R0 09:00 Ada Lovelace',
        'L2/R0 09:25 Grace Hopper',
        'L3/R0 09:35 Alan Turing',
      ]);
    }
  });
});

describe('an accept racing a due step', () => {
  it('wins when its transaction comes first: the due step is cancelled with it', async () => {
    const clock = new ManualClock(t0);
    const { admin, source } = await setup(clock);
    const alertId = await sendEvent(t, source.integrationKey, 'race-1');
    await settle(t);
    const user = (await t.engine.store.read((tx) => tx.users.list()))[1]!;
    // Queued on the store before the runner's claim of the step that falls due.
    const accepting = t.engine.context.alerts.accept(Number(alertId), user);
    clock.advance(minutes(10));
    await accepting;
    await settle(t);
    clock.advance(minutes(60));
    await settle(t);
    expect(stepLines(await stepsOf(admin, alertId))).toEqual(['L1/R0 09:00 Ada Lovelace']);
    await expectNothingAfterAccept(admin, alertId);
  });

  it('loses as a whole when the step comes first: paged before the accept, nobody after', async () => {
    const clock = new ManualClock(t0);
    const { admin, source } = await setup(clock);
    const alertId = await sendEvent(t, source.integrationKey, 'race-2');
    await settle(t);
    const user = (await t.engine.store.read((tx) => tx.users.list()))[1]!;
    clock.advance(minutes(5)); // Ada's delayed email: nothing else is due when level 2 is
    await settle(t);
    clock.advance(minutes(5)); // the runner claims the step first
    await t.engine.context.alerts.accept(Number(alertId), user);
    await settle(t);
    clock.advance(minutes(60));
    await settle(t);
    expect(stepLines(await stepsOf(admin, alertId))).toEqual([
      'L1/R0 09:00 Ada Lovelace',
      'L2/R0 09:10 Grace Hopper',
    ]);
    await expectNothingAfterAccept(admin, alertId);
  });

  it('over HTTP, accepts sent while steps fall due never leave anyone paged after them', async () => {
    const clock = new ManualClock(t0);
    const { admin, source } = await setup(clock);
    const responder = client(t.url, (await addUser(t, 'responder', 'Rita')).token);
    for (let round = 0; round < 12; round += 1) {
      const alertId = await sendEvent(t, source.integrationKey, `http-${round}`);
      await settle(t);
      const accept = responder.post(`/api/v1/alerts/${alertId}/accept`, {});
      // Let the request get a little way, by a different amount each round, then make the step due.
      for (let i = 0; i < round % 4; i += 1) await new Promise((r) => setImmediate(r));
      clock.advance(minutes(10));
      expect((await accept).status).toBe(200);
      await settle(t);
      clock.advance(minutes(60));
      await settle(t);
      await expectNothingAfterAccept(admin, alertId);
    }
  });

  it('a step that was claimed anyway (another engine) checks the state and pages nobody', async () => {
    const clock = new ManualClock(t0);
    const { admin, policy, source } = await setup(clock);
    const alertId = await sendEvent(t, source.integrationKey, 'stray');
    await settle(t);
    expect((await admin.post(`/api/v1/alerts/${alertId}/accept`, {})).status).toBe(200);
    // As if a replica had claimed level 2 before the accept's cancel reached it.
    await t.engine.store.write((tx) =>
      tx.dueWork.schedule(
        {
          kind: 'escalate',
          subject: `alert:${alertId}`,
          dueAt: t0,
          payload: { policyId: Number(policy.id), level: 1, round: 0 },
        },
        t0,
      ),
    );
    await settle(t);
    expect(stepLines(await stepsOf(admin, alertId))).toEqual(['L1/R0 09:00 Ada Lovelace']);
    await expectNothingAfterAccept(admin, alertId);
  });
});
