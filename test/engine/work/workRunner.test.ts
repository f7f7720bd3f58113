import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, systemClock, type Clock } from '../../../engine/clock.js';
import { SqlJsStore } from '../../../engine/store/sqljs/sqlJsStore.js';
import type { DueWork } from '../../../engine/store/repositories/dueWork.js';
import { WorkRunner } from '../../../engine/work/workRunner.js';
import { tempDataDir } from '../../helpers/testEngine.js';

const t0 = Date.UTC(2026, 10, 28, 9, 0);
const dirs: string[] = [];
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function setup(clock: Clock = new ManualClock(t0), dir = tempDataDir('nocturne-work-')) {
  dirs.push(dir);
  const { store } = await SqlJsStore.open({ dir, clock });
  const problems: string[] = [];
  const runner = new WorkRunner({
    store,
    clock,
    onProblem: (m) => problems.push(m),
    maxAttempts: 3,
  });
  const ran: DueWork[] = [];
  runner.register('note', async (tx, work, now) => {
    ran.push(work);
    // An effect in the same transaction as the completion.
    await tx.alertSources.insert({
      name: `done at ${now}`,
      integrationKey: `key-${work.id}`,
      escalationPolicyId: null,
      createdAt: now,
      updatedAt: now,
    });
  });
  runner.register('broken', async () => {
    throw new Error('handler bug');
  });
  const close = async () => {
    await runner.stop();
    await store.close();
  };
  cleanups.push(close);
  return { store, runner, ran, problems, dir, close };
}

const schedule = (store: SqlJsStore, kind: string, dueAt: number, subject = 'alert:1') =>
  store.write((tx) => tx.dueWork.schedule({ kind, subject, dueAt, payload: { dueAt } }, t0));

describe('durable due work', () => {
  it('runs work once, when the clock passes its due time, with its effects in the same transaction', async () => {
    const clock = new ManualClock(t0);
    const { store, runner, ran } = await setup(clock);
    await schedule(store, 'note', t0 + 60_000);
    runner.start();
    await runner.idle();
    expect(ran).toHaveLength(0);
    clock.advance(59_999);
    await runner.idle();
    expect(ran).toHaveLength(0);
    clock.advance(1);
    await runner.idle();
    expect(ran).toHaveLength(1);
    clock.advance(3_600_000);
    await runner.idle();
    expect(ran).toHaveLength(1);
    const sources = await store.read((tx) => tx.alertSources.list());
    expect(sources.map((s) => s.name)).toEqual([`done at ${t0 + 60_000}`]);
    expect(await store.read((tx) => tx.dueWork.countPending())).toBe(0);
  });

  it('runs overdue work at once after a restart, oldest first, and never again', async () => {
    const clock = new ManualClock(t0);
    const first = await setup(clock);
    await schedule(first.store, 'note', t0 + 2_000, 'alert:2');
    await schedule(first.store, 'note', t0 + 1_000, 'alert:1');
    await first.close(); // the engine stops before anything is due
    cleanups.pop();

    clock.set(t0 + 3_600_000);
    const second = await setup(clock, first.dir);
    second.runner.start();
    await second.runner.idle();
    expect(second.ran.map((w) => w.subject)).toEqual(['alert:1', 'alert:2']);
    await second.close();
    cleanups.pop();

    const third = await setup(clock, first.dir);
    third.runner.start();
    await third.runner.idle();
    expect(third.ran).toHaveLength(0);
    expect(await third.store.read((tx) => tx.alertSources.list())).toHaveLength(2);
  });

  it('never runs cancelled work', async () => {
    const clock = new ManualClock(t0);
    const { store, runner, ran } = await setup(clock);
    await schedule(store, 'note', t0 + 1_000, 'alert:7');
    await schedule(store, 'note', t0 + 1_000, 'alert:8');
    expect(await store.write((tx) => tx.dueWork.cancel('alert:7', ['note'], t0))).toBe(1);
    runner.start();
    clock.advance(5_000);
    await runner.idle();
    expect(ran.map((w) => w.subject)).toEqual(['alert:8']);
  });

  it('retries a failing handler with growing delays, then gives up and says so', async () => {
    const clock = new ManualClock(t0);
    const { store, runner, problems } = await setup(clock);
    const work = await schedule(store, 'broken', t0);
    runner.start();
    await runner.idle();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /broken for alert:1 failed \(attempt 1\): handler bug — will retry/,
    );
    const [pending] = await store.read((tx) => tx.dueWork.listPending('alert:1'));
    expect(pending).toMatchObject({ id: work.id, attempts: 1, dueAt: t0 + 2_000 });
    for (let i = 0; i < 5; i += 1) {
      clock.advance(60_000);
      await runner.idle();
    }
    expect(problems).toHaveLength(3);
    expect(problems[2]).toMatch(/attempt 3\): handler bug — giving up/);
    expect(await store.read((tx) => tx.dueWork.countPending())).toBe(0);
  });

  it('wakes by itself for work a transaction schedules, without a clock jump', async () => {
    const { store, runner, ran } = await setup(systemClock);
    runner.start();
    await schedule(store, 'note', Date.now() + 30);
    for (let i = 0; i < 100 && ran.length === 0; i += 1)
      await new Promise((r) => setTimeout(r, 20));
    expect(ran).toHaveLength(1);
  });
});
