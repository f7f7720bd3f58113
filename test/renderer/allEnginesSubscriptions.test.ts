import { describe, expect, it } from 'vitest';
import { createDesktopSession } from '../../renderer/app/desktopSession.js';
import type { FrameScheduler } from '../../renderer/state/frameScheduler.js';
import { shareEngineSubscriptions } from '../../renderer/transport/sharedEngineSubscriptions.js';
import { createAllEnginesModel } from '../../renderer/views/allEngines/allEnginesModel.js';
import { alert, alertChange, changesEvent, snapshotEvent, testStore } from './fixtures.js';
import { engineView, fakeDesktopApi } from './fakeDesktopApi.js';

/** Frames that run when the test says so (SyncBatcher keeps the cancel of a frame run at once). */
const queued: Array<() => void> = [];
const frames: FrameScheduler = {
  schedule: (callback) => {
    queued.push(callback);
    return () => undefined;
  },
};
const frame = () => queued.splice(0).forEach((run) => run());

const engines = [engineView('embedded'), engineView('remote-paris', { label: 'Paris' })];

describe('the All engines view beside the engine shown', () => {
  it('unsubscribes an engine in main only when its last holder in the window leaves', async () => {
    const fake = fakeDesktopApi({ engines });
    const api = shareEngineSubscriptions(fake.api);
    await api.subscribeEngine({ engineId: 'embedded' });
    await api.subscribeEngine({ engineId: 'embedded' });
    expect(fake.callsOf('subscribeEngine')).toHaveLength(2);
    expect(await api.unsubscribeEngine({ engineId: 'embedded' })).toEqual({
      ok: true,
      value: null,
    });
    expect(fake.callsOf('unsubscribeEngine')).toEqual([]);
    await api.unsubscribeEngine({ engineId: 'embedded' });
    expect(fake.callsOf('unsubscribeEngine')).toEqual([{ engineId: 'embedded' }]);
  });

  it('leaves the engine shown streaming when the view closes', () => {
    const fake = fakeDesktopApi({ engines });
    const api = shareEngineSubscriptions(fake.api);
    const store = testStore();
    store.getState().setDesktop({ engines });
    const session = createDesktopSession({ store, api, frames });
    session.show(engines[0]!);
    const model = createAllEnginesModel({ store, api, frames });
    const stop = model.start();
    const sync = (event: ReturnType<typeof snapshotEvent>) =>
      fake.emit('syncEvent', { engineId: 'embedded', event });
    sync(snapshotEvent(1, [alert('1')]));
    frame();
    expect(model.getSnapshot().rows).toHaveLength(1);
    stop();
    expect(fake.callsOf('unsubscribeEngine')).toEqual([{ engineId: 'remote-paris' }]);
    sync(changesEvent(2, [alertChange(alert('2'))]));
    frame();
    expect([...store.getState().alerts.byId.keys()].sort()).toEqual(['1', '2']);
  });
});
