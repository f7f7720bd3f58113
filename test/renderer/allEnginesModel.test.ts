import { describe, expect, it } from 'vitest';
import type { FrameScheduler } from '../../renderer/state/frameScheduler.js';
import type { SyncEvent } from '../../renderer/transport/transport.js';
import { createAllEnginesModel } from '../../renderer/views/allEngines/allEnginesModel.js';
import { alert, alertChange, changesEvent, snapshotEvent, testStore } from './fixtures.js';
import { engineView, fakeDesktopApi } from './fakeDesktopApi.js';

/** Frames that run only when the test says so. */
function manualFrames() {
  const queue: Array<() => void> = [];
  const frames: FrameScheduler = {
    schedule(callback) {
      queue.push(callback);
      return () => queue.splice(queue.indexOf(callback) >>> 0, 1);
    },
  };
  const frame = () => queue.splice(0).forEach((run) => run());
  return { frames, frame, scheduled: () => queue.length };
}

const engines = [
  engineView('remote-paris', { label: 'Paris' }),
  engineView('remote-tokyo', { label: 'Tokyo' }),
];

function setUp() {
  const fake = fakeDesktopApi({ engines });
  const store = testStore();
  store.getState().setDesktop({ engines });
  const { frames, frame, scheduled } = manualFrames();
  const model = createAllEnginesModel({ store, api: fake.api, frames });
  const sync = (engineId: string, event: SyncEvent) => fake.emit('syncEvent', { engineId, event });
  return { fake, store, model, frame, scheduled, sync };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const ids = (rows: readonly { engineId: string; alert: { id: string } }[]) =>
  rows.map((r) => `${r.engineId}/${r.alert.id}`);

describe('the All engines model', () => {
  it('subscribes to every engine when started and unsubscribes when stopped', () => {
    const { fake, model } = setUp();
    const stop = model.start();
    expect(fake.callsOf('subscribeEngine')).toEqual([
      { engineId: 'remote-paris' },
      { engineId: 'remote-tokyo' },
    ]);
    expect(fake.listenerCount('syncEvent')).toBe(2);
    stop();
    expect(fake.callsOf('unsubscribeEngine')).toEqual([
      { engineId: 'remote-paris' },
      { engineId: 'remote-tokyo' },
    ]);
    expect(fake.listenerCount('syncEvent')).toBe(0);
  });

  it('merges both engines: HIGH first, then PENDING first, then oldest; labelled', () => {
    const { model, frame, sync } = setUp();
    model.start();
    sync(
      'remote-paris',
      snapshotEvent(1, [
        alert('10', { priority: 'LOW' }),
        alert('11', { state: 'ACCEPTED', acceptedBy: '2' }),
        alert('12', { state: 'RESOLVED' }),
      ]),
    );
    sync('remote-tokyo', snapshotEvent(1, [alert('5'), alert('20', { priority: 'LOW' })]));
    frame();
    const { rows, engines: counts, totals } = model.getSnapshot();
    expect(ids(rows)).toEqual([
      'remote-tokyo/5',
      'remote-paris/11',
      'remote-paris/10',
      'remote-tokyo/20',
    ]);
    expect(rows[0]).toMatchObject({ engineLabel: 'Tokyo', sourceName: 'Prometheus' });
    expect(rows[1]).toMatchObject({ engineLabel: 'Paris', assigneeName: 'Grace Hopper' });
    expect(counts).toEqual([
      { engineId: 'remote-paris', label: 'Paris', liveness: 'live', pending: 1, accepted: 1 },
      { engineId: 'remote-tokyo', label: 'Tokyo', liveness: 'live', pending: 2, accepted: 0 },
    ]);
    expect(totals).toEqual({ pending: 3, accepted: 1 });
    model.setWithResolved(true);
    frame();
    expect(ids(model.getSnapshot().rows).at(-1)).toBe('remote-paris/12');
  });

  it('rebuilds at most once a frame, and only the rows of the engine that changed', () => {
    const { model, frame, scheduled, sync } = setUp();
    model.start();
    sync('remote-paris', snapshotEvent(1, [alert('1')]));
    sync('remote-tokyo', snapshotEvent(1, [alert('2')]));
    frame();
    const before = model.getSnapshot();
    let notified = 0;
    model.subscribe(() => notified++);
    sync('remote-paris', changesEvent(2, [alertChange(alert('1', { summary: 'Disk full' }))]));
    sync('remote-paris', changesEvent(3, [alertChange(alert('3'))]));
    sync('remote-paris', changesEvent(4, [alertChange(alert('4'))]));
    expect(scheduled()).toBe(1);
    expect(model.getSnapshot()).toBe(before);
    frame();
    expect(notified).toBe(1);
    const after = model.getSnapshot().rows;
    expect(after).toHaveLength(4);
    expect(after.find((r) => r.alert.id === '1')?.alert.summary).toBe('Disk full');
    const tokyo = (rows: typeof after) => rows.find((r) => r.engineId === 'remote-tokyo');
    expect(tokyo(after)).toBe(tokyo(before.rows));
  });

  it('drops changes of another stream or already held', () => {
    const { model, frame, sync } = setUp();
    model.start();
    sync('remote-paris', snapshotEvent(5, [alert('1')]));
    sync('remote-paris', changesEvent(5, [alertChange(alert('2'))]));
    sync('remote-paris', changesEvent(6, [alertChange(alert('3'))], 'stream-other'));
    frame();
    expect(ids(model.getSnapshot().rows)).toEqual(['remote-paris/1']);
  });

  it('shows each engine’s stream state', () => {
    const { model, frame, sync } = setUp();
    model.start();
    sync('remote-tokyo', {
      type: 'status',
      status: { status: 'reconnecting', since: 0, lastLiveAt: 0 },
    });
    frame();
    expect(model.getSnapshot().engines.map((e) => e.liveness)).toEqual(['live', 'reconnecting']);
  });

  it('follows engines: a removed one drops its rows and unsubscribes, an added one subscribes', () => {
    const { fake, store, model, frame, sync } = setUp();
    model.start();
    sync('remote-paris', snapshotEvent(1, [alert('1')]));
    sync('remote-tokyo', snapshotEvent(1, [alert('2')]));
    frame();
    const oslo = engineView('remote-oslo', { label: 'Oslo' });
    store.getState().setDesktop({ engines: [engines[0]!, oslo] });
    frame();
    expect(fake.callsOf('unsubscribeEngine')).toEqual([{ engineId: 'remote-tokyo' }]);
    expect(fake.callsOf('subscribeEngine').at(-1)).toEqual({ engineId: 'remote-oslo' });
    expect(ids(model.getSnapshot().rows)).toEqual(['remote-paris/1']);
    expect(model.getSnapshot().engines.map((e) => e.label)).toEqual(['Paris', 'Oslo']);
  });

  it('accepts on the row’s own engine, with the alert’s id', async () => {
    const { fake, model, frame, sync } = setUp();
    model.start();
    sync('remote-tokyo', snapshotEvent(1, [alert('7')]));
    frame();
    const row = model.getSnapshot().rows[0]!;
    const done = model.act('accept', row);
    frame();
    expect(model.getSnapshot().pending.get('remote-tokyo/7')).toBe('accept');
    await done;
    frame();
    expect(model.getSnapshot().pending.size).toBe(0);
    expect(fake.callsOf('acceptAlert')).toEqual([{ engineId: 'remote-tokyo', alertId: '7' }]);
    await model.act('resolve', row);
    expect(fake.callsOf('resolveAlert')).toEqual([{ engineId: 'remote-tokyo', alertId: '7' }]);
  });

  it('says in a notice when an accept fails', async () => {
    const { fake, store, model, frame, sync } = setUp();
    model.start();
    sync('remote-paris', snapshotEvent(1, [alert('9')]));
    frame();
    fake.failNext('acceptAlert', { code: 'not_found', message: 'No alert 9.', status: 404 });
    await model.act('accept', model.getSnapshot().rows[0]!);
    expect(store.getState().actions.notices.at(-1)).toMatchObject({
      tone: 'error',
      code: 'not_found',
      text: 'Could not accept alert 9 on Paris: No alert 9.',
    });
  });

  it('does not accept an alert accepted already', async () => {
    const { fake, store, model, frame, sync } = setUp();
    model.start();
    sync('remote-paris', snapshotEvent(1, [alert('9', { state: 'ACCEPTED' })]));
    frame();
    await model.act('accept', model.getSnapshot().rows[0]!);
    await settle();
    expect(fake.callsOf('acceptAlert')).toEqual([]);
    expect(store.getState().actions.notices.at(-1)?.text).toMatch(/Nothing to accept/);
  });
});
