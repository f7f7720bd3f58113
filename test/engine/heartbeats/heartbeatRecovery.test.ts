import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../engine/clock.js';
import {
  createPolicy,
  createRoutedSource,
  logOf,
  minutes,
  people,
  settle,
  stepLines,
  stepsOf,
} from '../../helpers/escalation.js';
import { alertsOfSource, createMonitor, monitorOf, ping } from '../../helpers/heartbeats.js';
import { client } from '../../helpers/http.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';

/**
 * Heartbeat deadlines are durable due work (docs/heartbeats.md): they survive restarts, a
 * deadline that passed while the engine was down fires at once after the start, and nothing
 * fires twice, however often the engine restarts.
 */
const t0 = Date.parse('2026-11-28T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
let t: TestEngine;
afterEach(async () => t?.dispose());

async function setup(clock: ManualClock) {
  t = await startTestEngine({ clock });
  const admin = client(t.url);
  const ids = await people(t, ['Ada Lovelace']);
  const policy = await createPolicy(admin, [
    { targets: [{ type: 'user', id: ids['Ada Lovelace']! }], timeoutMinutes: 10 },
  ]);
  const source = await createRoutedSource(admin, policy.id);
  const monitor = await createMonitor(admin, source.id);
  await settle(t);
  return { admin, source, monitor };
}

describe('heartbeat deadlines across restarts', () => {
  it('a deadline that passed while the engine was down fires at once after the start, and once', async () => {
    const clock = new ManualClock(t0);
    const { admin, source, monitor } = await setup(clock);

    // Down from 09:30 to 11:00: the 10:05 deadline passes with nobody watching.
    clock.advance(minutes(30));
    await t.engine.context.work.stop();
    clock.set(t0 + minutes(120));
    t = await t.restart();
    await settle(t);
    const [alert, ...more] = await alertsOfSource(admin, source.id);
    expect(more).toEqual([]);
    expect(alert.createdAt).toBe(iso(t0 + minutes(120)));
    expect(stepLines(await stepsOf(admin, alert.id))).toEqual(['L1/R0 11:00 Ada Lovelace']);

    // More restarts: nothing runs again.
    t = await t.restart();
    await settle(t);
    clock.advance(minutes(5));
    t = await t.restart();
    await settle(t);
    expect(await alertsOfSource(admin, source.id)).toHaveLength(1);
    const log = await logOf(admin, alert.id);
    expect(log.filter((e) => e.kind === 'created')).toHaveLength(1);
    expect(log.filter((e) => e.kind === 'event')).toEqual([]);
    expect(stepLines(await stepsOf(admin, alert.id))).toEqual(['L1/R0 11:00 Ada Lovelace']);
    expect(await monitorOf(admin, monitor.id)).toMatchObject({ status: 'overdue' });
    const done = await t.engine.store.read((tx) =>
      tx.dueWork.listPending(`heartbeat:${monitor.id}`),
    );
    expect(done).toEqual([]);
  });

  it('a restart in the middle keeps the deadline where the last ping put it', async () => {
    const clock = new ManualClock(t0);
    const { admin, source, monitor } = await setup(clock);
    clock.advance(minutes(20));
    expect((await ping(t, monitor.key)).status).toBe(202); // deadline 10:25

    clock.advance(minutes(10));
    t = await t.restart();
    clock.advance(minutes(54));
    await settle(t);
    expect(await alertsOfSource(admin, source.id)).toEqual([]);
    expect(await monitorOf(admin, monitor.id)).toMatchObject({
      status: 'up',
      lastPingAt: iso(t0 + minutes(20)),
      deadlineAt: iso(t0 + minutes(85)),
    });
    clock.advance(minutes(1));
    await settle(t);
    expect(await alertsOfSource(admin, source.id)).toHaveLength(1);
  });

  it('a paused monitor stays paused across a restart and never fires', async () => {
    const clock = new ManualClock(t0);
    const { admin, source, monitor } = await setup(clock);
    await admin.patch(`/api/v1/heartbeat-monitors/${monitor.id}`, { paused: true });
    t = await t.restart();
    clock.advance(minutes(600));
    await settle(t);
    expect(await alertsOfSource(admin, source.id)).toEqual([]);
    expect((await monitorOf(admin, monitor.id)).status).toBe('paused');
  });
});
