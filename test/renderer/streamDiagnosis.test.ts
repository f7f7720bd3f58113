import { describe, expect, it } from 'vitest';
import { watchStreamRefusal } from '../../renderer/app/streamDiagnosis.js';
import type { SyncStatus } from '../../shared/sync/syncStatus.js';
import { now, testStore } from './fixtures.js';
import { failure, fakeTransport } from './fakeTransport.js';

const failed: SyncStatus = {
  status: 'connecting',
  since: now,
  lastLiveAt: null,
  error: { code: 'connect_failed', message: 'The engine could not be reached: close code 1006.' },
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('telling a refused stream from an engine that is down', () => {
  it('says so when REST answers but the stream never opens, once, until live again', async () => {
    const store = testStore();
    const fake = fakeTransport();
    const stop = watchStreamRefusal(store, fake.transport, 'http://127.0.0.1:5173');
    store.getState().setSyncStatus(failed);
    store.getState().setSyncStatus({ ...failed, retryInMs: 800 });
    await settle();
    expect(fake.calls).toEqual(['whoAmI']);
    expect(store.getState().session.streamProblem).toContain(
      '--allow-origin http://127.0.0.1:5173',
    );
    store.getState().setSyncStatus({ status: 'live', since: now, lastLiveAt: now });
    expect(store.getState().session.streamProblem).toBeNull();
    stop();
  });

  it('stays quiet when the engine does not answer REST either (it is down)', async () => {
    const store = testStore();
    const fake = fakeTransport({ whoAmI: failure('engine_unreachable', 'No answer.') });
    const stop = watchStreamRefusal(store, fake.transport, 'http://127.0.0.1:7070');
    store.getState().setSyncStatus(failed);
    await settle();
    expect(fake.calls).toEqual(['whoAmI']);
    expect(store.getState().session.streamProblem).toBeNull();
    stop();
  });
});
