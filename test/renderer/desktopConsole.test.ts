import { describe, expect, it } from 'vitest';
import { startDesktopConsole } from '../../renderer/app/desktopConsole.js';
import { createDesktopSession } from '../../renderer/app/desktopSession.js';
import type { FrameScheduler } from '../../renderer/state/frameScheduler.js';
import { alert, snapshotEvent, testStore } from './fixtures.js';
import { engineView, fakeDesktopApi, type FakeDesktopOptions } from './fakeDesktopApi.js';

const frames: FrameScheduler = {
  schedule: (callback) => {
    callback();
    return () => undefined;
  },
};

const three = [engineView('embedded'), engineView('remote-paris'), engineView('remote-tokyo')];

async function start(options: FakeDesktopOptions = {}) {
  const fake = fakeDesktopApi(options);
  const store = testStore();
  const session = createDesktopSession({ store, api: fake.api, frames });
  const desktop = startDesktopConsole({ store, api: fake.api, session });
  await desktop.ready;
  return { fake, store, session, desktop };
}

/** Lets the bridge's promises (whoAmI, updateSettings) settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the desktop console picks its engine', () => {
  it('shows the engine chosen last when it still exists', async () => {
    const { fake, store, session } = await start({
      engines: three,
      defaultEngineId: 'embedded',
      settings: { engines: { selectedEngineId: 'remote-paris' } },
    });
    expect(session.engineId).toBe('remote-paris');
    expect(fake.callsOf('subscribeEngine')).toEqual([{ engineId: 'remote-paris' }]);
    expect(store.getState().desktop?.engineId).toBe('remote-paris');
    expect(store.getState().session).toMatchObject({
      phase: 'signedIn',
      engineUrl: 'https://remote-paris.example.com',
      error: null,
    });
    await settle();
    expect(store.getState().session.user?.name).toBe('Ada Lovelace');
  });

  it('falls back to the app’s default when the remembered engine is gone', async () => {
    const { session, fake } = await start({
      engines: three,
      defaultEngineId: 'remote-tokyo',
      settings: { engines: { selectedEngineId: 'remote-removed' } },
    });
    expect(session.engineId).toBe('remote-tokyo');
    expect(fake.callsOf('subscribeEngine')).toEqual([{ engineId: 'remote-tokyo' }]);
  });

  it('with no engine says why, and shows the first one that appears', async () => {
    const { store, session, fake } = await start({ engines: [], defaultEngineId: null });
    expect(session.engineId).toBeNull();
    expect(store.getState().session).toMatchObject({
      phase: 'signedOut',
      error: { code: 'no_engine' },
    });
    fake.setEngines([engineView('remote-paris')]);
    expect(session.engineId).toBe('remote-paris');
    expect(store.getState().session.phase).toBe('signedIn');
  });
});

describe('switching engines', () => {
  it('unbinds the old transport, forgets its replica, binds the new one and remembers it', async () => {
    const { fake, store, session, desktop } = await start({ engines: three });
    fake.emit('syncEvent', { engineId: 'embedded', event: snapshotEvent(1, [alert('1')]) });
    expect(store.getState().alerts.byId.size).toBe(1);
    store.getState().navigate({ name: 'alert', id: '1' });
    store.getState().toggleSelected('1');

    expect(await desktop.selectEngine('remote-paris')).toBeNull();
    expect(session.engineId).toBe('remote-paris');
    expect(fake.callsOf('unsubscribeEngine')).toEqual([{ engineId: 'embedded' }]);
    expect(fake.callsOf('subscribeEngine').at(-1)).toEqual({ engineId: 'remote-paris' });
    const state = store.getState();
    expect(state.alerts.byId.size).toBe(0);
    expect(state.sync.position).toBeNull();
    expect(state.ui.selectedIds.size).toBe(0);
    expect(state.ui.route).toEqual({ name: 'alerts' }); // alert 1 was the other engine's
    expect(fake.settings.engines.selectedEngineId).toBe('remote-paris');
    expect(state.desktop?.settings?.engines.selectedEngineId).toBe('remote-paris');

    // The old engine's events no longer reach the store; the new one's do.
    fake.emit('syncEvent', { engineId: 'embedded', event: snapshotEvent(2, [alert('2')]) });
    expect(store.getState().alerts.byId.size).toBe(0);
    fake.emit('syncEvent', {
      engineId: 'remote-paris',
      event: snapshotEvent(1, [alert('7'), alert('8')]),
    });
    expect([...store.getState().alerts.byId.keys()]).toEqual(['7', '8']);
  });

  it('says so when the choice cannot be saved, but shows the engine', async () => {
    const { fake, session, desktop } = await start({ engines: three });
    fake.failNext('updateSettings', { code: 'internal', message: 'The settings file is locked' });
    expect(await desktop.selectEngine('remote-tokyo')).toBe(
      'Not saved: The settings file is locked.',
    );
    expect(session.engineId).toBe('remote-tokyo');
    expect(await desktop.selectEngine('remote-gone')).toMatch(/no longer set up/);
  });

  it('moves to the default engine when the one shown is removed', async () => {
    const { fake, session, desktop } = await start({ engines: three, defaultEngineId: 'embedded' });
    await desktop.selectEngine('remote-paris');
    await fake.api.removeRemoteEngine({ engineId: 'remote-paris' });
    expect(session.engineId).toBe('embedded');
    expect(fake.callsOf('unsubscribeEngine').at(-1)).toEqual({ engineId: 'remote-paris' });
  });

  it('keeps the engine shown as others change state, and follows its address', async () => {
    const { fake, store, session } = await start({ engines: three });
    fake.setEngines([engineView('embedded', { url: 'http://127.0.0.1:7071' }), three[1]!]);
    expect(session.engineId).toBe('embedded');
    expect(fake.callsOf('subscribeEngine')).toHaveLength(1);
    expect(store.getState().session.engineUrl).toBe('http://127.0.0.1:7071');
  });
});

describe('a clicked notification', () => {
  it('switches to the alert’s engine and opens the alert, without changing the remembered engine', async () => {
    const { fake, store, session } = await start({ engines: three });
    fake.emit('focusAlert', { engineId: 'remote-tokyo', alertId: '42' });
    await settle();
    expect(session.engineId).toBe('remote-tokyo');
    expect(store.getState().ui.route).toEqual({ name: 'alert', id: '42' });
    expect(store.getState().ui.focusedId).toBe('42');
    expect(fake.settings.engines.selectedEngineId).toBeNull();
  });

  it('on the engine shown, only navigates', async () => {
    const { fake, store } = await start({ engines: three });
    fake.emit('focusAlert', { engineId: 'embedded', alertId: '5' });
    await settle();
    expect(fake.callsOf('subscribeEngine')).toHaveLength(1);
    expect(store.getState().ui.route).toEqual({ name: 'alert', id: '5' });
  });

  it('that arrives while the console is starting waits for its engines', async () => {
    const fake = fakeDesktopApi({ engines: three });
    const store = testStore();
    const session = createDesktopSession({ store, api: fake.api, frames });
    const desktop = startDesktopConsole({ store, api: fake.api, session });
    fake.emit('focusAlert', { engineId: 'remote-paris', alertId: '9' });
    await desktop.ready;
    await settle();
    expect(session.engineId).toBe('remote-paris');
    expect(store.getState().ui.route).toEqual({ name: 'alert', id: '9' });
  });

  it('of an engine removed meanwhile is a notice, not a wrong alert', async () => {
    const { fake, store, session } = await start({
      engines: three,
      settings: { engines: { view: 'one' } },
    });
    fake.emit('focusAlert', { engineId: 'remote-gone', alertId: '3' });
    await settle();
    expect(session.engineId).toBe('embedded');
    expect(store.getState().ui.route).toEqual({ name: 'alerts' });
    expect(store.getState().actions.notices.at(-1)?.code).toBe('unknown_engine');
  });
});

describe('the bridge’s other events', () => {
  it('a window opened during a pause shows it from the start', async () => {
    const fake = fakeDesktopApi();
    await fake.api.pauseNotifications({ minutes: 60 });
    const store = testStore();
    const session = createDesktopSession({ store, api: fake.api, frames });
    await startDesktopConsole({ store, api: fake.api, session }).ready;
    expect(store.getState().desktop?.pause).toMatchObject({ paused: true });
  });

  it('keeps the settings and the pause as main reports them; stop() stops listening', async () => {
    const { fake, store, desktop } = await start();
    await fake.api.pauseNotifications({ minutes: null });
    expect(store.getState().desktop?.pause).toEqual({ paused: true, pausedUntil: null });
    await fake.api.updateSettings({ patch: { startAtLogin: true } });
    expect(store.getState().desktop?.settings?.startAtLogin).toBe(true);
    desktop.stop();
    expect(fake.listenerCount('enginesChanged')).toBe(0);
    expect(fake.listenerCount('focusAlert')).toBe(0);
  });
});
