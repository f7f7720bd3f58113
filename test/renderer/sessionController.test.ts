import { describe, expect, it } from 'vitest';
import { createSessionController } from '../../renderer/app/sessionController.js';
import type { FrameScheduler } from '../../renderer/state/frameScheduler.js';
import type { KeyValueStorage } from '../../renderer/transport/credentials.js';
import { alert, now, snapshotEvent, testStore } from './fixtures.js';
import { failure, fakeTransport, type FakeTransportOptions } from './fakeTransport.js';

const frames: FrameScheduler = {
  schedule: (callback) => {
    callback();
    return () => undefined;
  },
};

function memory(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

function setUp(whoAmI?: FakeTransportOptions['whoAmI']) {
  const store = testStore();
  const storage = memory();
  const fake = fakeTransport(whoAmI ? { whoAmI } : {});
  const made: string[] = [];
  const session = createSessionController({
    store,
    storage,
    frames,
    createTransport: (credentials) => {
      made.push(`${credentials.engineUrl} ${credentials.token}`);
      return fake.transport;
    },
  });
  return { store, storage, fake, made, session };
}

describe('signing in and out', () => {
  it('checks the token, stores it, and streams into the store', async () => {
    const { store, storage, fake, made, session } = setUp();
    expect(await session.signIn(' 127.0.0.1:7070/ ', ' noc_good ')).toBe(true);
    expect(made).toEqual(['http://127.0.0.1:7070 noc_good']);
    expect(store.getState().session).toMatchObject({ phase: 'signedIn', error: null });
    expect(store.getState().session.user?.name).toBe('Ada Lovelace');
    expect(JSON.parse(storage.data.get('nocturne.credentials')!)).toEqual({
      engineUrl: 'http://127.0.0.1:7070',
      token: 'noc_good',
    });
    fake.emit(snapshotEvent(1, [alert('1')]));
    expect(store.getState().alerts.byId.size).toBe(1);

    session.signOut();
    expect(fake.closed).toBe(true);
    expect(fake.subscribers).toBe(0);
    expect(storage.data.size).toBe(0);
    expect(store.getState().alerts.byId.size).toBe(0);
    expect(store.getState().session.phase).toBe('signedOut');
  });

  it('refuses a wrong token with the engine’s reason, storing nothing', async () => {
    const { store, storage, fake, session } = setUp(
      failure('unauthorized', 'The engine does not accept this API token.', 401),
    );
    expect(await session.signIn('http://127.0.0.1:7070', 'noc_bad')).toBe(false);
    expect(store.getState().session).toMatchObject({
      phase: 'signedOut',
      error: { code: 'unauthorized' },
    });
    expect(storage.data.size).toBe(0);
    expect(fake.closed).toBe(true);
  });

  it('says what is wrong with the address or a missing token before asking anyone', async () => {
    const { store, made, session } = setUp();
    await session.signIn('ftp://x', 'noc_1');
    expect(store.getState().session.error?.code).toBe('invalid_engine_url');
    await session.signIn('http://127.0.0.1:7070', '  ');
    expect(store.getState().session.error?.code).toBe('token_missing');
    expect(made).toEqual([]);
  });

  it('waits for an engine that is not up yet when resuming (a wall screen at boot)', async () => {
    const { store, session, fake } = setUp(failure('engine_unreachable', 'No answer.'));
    await session.resume({ engineUrl: 'http://127.0.0.1:7070', token: 'noc_stored' });
    expect(store.getState().session).toMatchObject({ phase: 'signedIn', user: null });
    expect(fake.subscribers).toBe(1);
    session.signOut();
  });

  it('but the sign-in form reports an unreachable engine', async () => {
    const { store, session } = setUp(failure('engine_unreachable', 'No answer.'));
    expect(await session.signIn('http://127.0.0.1:7070', 'noc_x')).toBe(false);
    expect(store.getState().session.error?.code).toBe('engine_unreachable');
    expect(now).toBeGreaterThan(0);
  });
});
