import { describe, expect, it } from 'vitest';
import { createAlertActions, mapWithLimit } from '../../renderer/app/alertActions.js';
import { alert, snapshotEvent, testStore } from './fixtures.js';
import { failure, fakeTransport, type FakeTransportOptions } from './fakeTransport.js';

function setUp(action?: FakeTransportOptions['action']) {
  const store = testStore();
  store
    .getState()
    .applySyncEvents([
      snapshotEvent(1, [
        alert('1'),
        alert('2'),
        alert('3', { state: 'ACCEPTED' }),
        alert('4', { state: 'RESOLVED' }),
      ]),
    ]);
  const fake = fakeTransport(action ? { action } : {});
  return { store, fake, actions: createAlertActions(store, () => fake.transport) };
}

describe('alert actions', () => {
  it('accepts only what is pending, marks it pending meanwhile, and reports a bulk result', async () => {
    const { store, fake, actions } = setUp();
    const running = actions.run('accept', ['1', '2', '3', '4']);
    expect([...store.getState().actions.pending]).toEqual([
      ['1', 'accept'],
      ['2', 'accept'],
    ]);
    await running;
    expect(fake.calls).toEqual(['accept 1', 'accept 2']);
    expect(store.getState().actions.pending.size).toBe(0);
    expect(store.getState().actions.notices.map((n) => n.text)).toEqual(['Accepted 2 alerts.']);
    // The alerts change when the stream says so, not from the REST answer.
    expect(store.getState().alerts.byId.get('1')?.state).toBe('PENDING');
  });

  it('resolves anything open, and says when there is nothing to do', async () => {
    const { store, fake, actions } = setUp();
    await actions.run('resolve', ['3']);
    expect(fake.calls).toEqual(['resolve 3']);
    expect(store.getState().actions.notices).toEqual([]); // one alert: its row shows the result
    await actions.run('accept', ['4']);
    expect(store.getState().actions.notices[0]?.text).toBe(
      'Nothing to accept: the alert is accepted or resolved already.',
    );
  });

  it('reports failures with the engine’s sentence and code', async () => {
    const { store, actions } = setUp((_kind, id) =>
      id === '2'
        ? failure('forbidden', 'This token may not do that.', 403)
        : { ok: true, value: alert(id) as never },
    );
    await actions.run('accept', ['1', '2']);
    const [notice] = store.getState().actions.notices;
    expect(notice).toMatchObject({
      tone: 'error',
      code: 'forbidden',
      text: 'Accepted 1 of 2 alerts; 1 failed (alert 2: This token may not do that.)',
    });
    store.getState().dismissNotice(notice!.id);
    await actions.run('resolve', ['2']);
    expect(store.getState().actions.notices[0]?.text).toBe(
      'Could not resolve alert 2: This token may not do that.',
    );
  });

  it('runs at most a few requests at a time', async () => {
    let running = 0;
    let most = 0;
    const results = await mapWithLimit([1, 2, 3, 4, 5, 6, 7, 8, 9], 4, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running -= 1;
      return n * 2;
    });
    expect(results).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(most).toBe(4);
  });
});
