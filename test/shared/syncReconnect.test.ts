import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, defaultBackoff } from '../../shared/sync/backoff.js';
import { createSyncClient, type SyncClientOptions } from '../../shared/sync/syncClient.js';
import {
  alertSummary,
  FakeConnector,
  FakeScheduler,
  RecordingListener,
  snapshotPart,
} from '../helpers/streamFakes.js';

function setup(options: Partial<SyncClientOptions> = {}) {
  const scheduler = new FakeScheduler();
  const connector = new FakeConnector();
  const listener = new RecordingListener();
  const client = createSyncClient({
    connect: connector.connect,
    listener,
    scheduler,
    ...options,
  });
  /** The engine refuses the connection before it opens (a browser sees only this). */
  const refuse = () => connector.last.serverClose({ code: 1006, reason: '' });
  const retry = () => scheduler.advance(scheduler.pending()[0]!);
  return { scheduler, connector, listener, client, refuse, retry };
}

describe('backoff', () => {
  it('grows exponentially from the initial delay to the cap', () => {
    const ceilings = Array.from({ length: 10 }, (_, n) => backoffCeiling(defaultBackoff, n));
    expect(ceilings).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
    expect(backoffCeiling(defaultBackoff, 10_000)).toBe(30_000);
  });

  it('draws the delay uniformly below the ceiling (full jitter)', () => {
    expect(backoffDelay(defaultBackoff, 3, () => 0)).toBe(0);
    expect(backoffDelay(defaultBackoff, 3, () => 0.5)).toBe(2000);
    expect(backoffDelay(defaultBackoff, 3, () => 0.999999)).toBe(3999);
    expect(backoffDelay(defaultBackoff, 50, () => 0.999999)).toBe(29999);
  });
});

describe('sync client: reconnecting', () => {
  it('waits longer after each failed attempt, within the jitter bounds, up to the cap', () => {
    let draw = 0;
    const draws = [0.999999, 0, 0.5];
    const { client, listener, connector, refuse, retry } = setup({
      random: () => draws[draw++ % draws.length]!,
    });
    client.start();
    const delays: number[] = [];
    for (let n = 0; n < 12; n += 1) {
      refuse();
      delays.push(listener.status.retryInMs!);
      expect(listener.status).toMatchObject({
        status: 'connecting',
        error: { code: 'connect_failed' },
      });
      retry();
    }
    expect(connector.sockets).toHaveLength(13);
    delays.forEach((delay, n) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(backoffCeiling(defaultBackoff, n));
    });
    // The draws near 1 show the growth and the cap; the draws of 0 retry at once.
    expect(delays.filter((_, n) => n % 3 === 0)).toEqual([499, 3999, 29999, 29999]);
    expect(delays.filter((_, n) => n % 3 === 1)).toEqual([0, 0, 0, 0]);
    expect(delays.filter((_, n) => n % 3 === 2)).toEqual([1000, 8000, 15000, 15000]);
  });

  it('resets the delays after a connection stayed live for a while', () => {
    const { client, connector, scheduler, listener, refuse, retry } = setup({
      random: () => 0.999999,
      backoff: { resetAfterMs: 60_000 },
      heartbeatTimeoutMs: 1_000_000,
    });
    client.start();
    for (let n = 0; n < 5; n += 1) {
      refuse();
      retry();
    }
    const live = () => {
      connector.last.open();
      connector.last.receive(snapshotPart('s1', 1, 0, true, [alertSummary('1')]));
      expect(client.status.status).toBe('live');
    };
    live();
    scheduler.advance(10_000);
    connector.last.serverClose({ code: 1006, reason: '' });
    // Live for only 10 s: the sixth delay in a row, still growing.
    expect(listener.status).toMatchObject({ status: 'reconnecting', retryInMs: 15_999 });
    retry();
    live();
    scheduler.advance(60_000);
    connector.last.serverClose({ code: 1006, reason: '' });
    expect(listener.status).toMatchObject({
      status: 'reconnecting',
      retryInMs: 499,
      error: { code: 'connection_lost' },
    });
    expect(listener.status.lastLiveAt).toBe(scheduler.now());
  });

  it('keeps `since` across retries of one outage and records when it was last live', () => {
    const { client, connector, scheduler, listener, refuse, retry } = setup({
      random: () => 0.5,
    });
    client.start();
    connector.last.open();
    connector.last.receive(snapshotPart('s1', 1, 0, true, []));
    const wentLive = scheduler.now();
    scheduler.advance(5_000);
    connector.last.serverClose({ code: 1001, reason: '' });
    const outage = scheduler.now();
    retry();
    refuse();
    retry();
    expect(listener.status).toMatchObject({
      status: 'reconnecting',
      since: outage,
      lastLiveAt: outage,
    });
    expect(listener.statuses.find((s) => s.status === 'live')?.lastLiveAt).toBe(wentLive);
  });
});

describe('sync client: unauthorized', () => {
  it('stops retrying when the engine closes with 4001', () => {
    const { client, connector, scheduler } = setup();
    client.start();
    connector.last.open();
    connector.last.receive({
      type: 'error',
      code: 'unauthorized',
      message: 'The API token was revoked.',
    });
    connector.last.serverClose({ code: 4001, reason: 'unauthorized' });
    expect(client.status).toMatchObject({
      status: 'unauthorized',
      error: { code: 'unauthorized', message: 'The API token was revoked.' },
    });
    expect(scheduler.pending()).toEqual([]);
    scheduler.advance(3_600_000);
    expect(connector.sockets).toHaveLength(1);
  });

  it('stops retrying when the transport saw HTTP 401 on the upgrade', () => {
    const { client, connector, scheduler } = setup();
    client.start();
    connector.last.serverClose({ code: 1006, reason: '', httpStatus: 401 });
    expect(client.status.status).toBe('unauthorized');
    expect(scheduler.pending()).toEqual([]);
  });

  it('asks the host to check the token after repeated closes before open (browsers), and stops on false', async () => {
    let checks = 0;
    let valid = true;
    const { client, connector, scheduler, refuse, retry } = setup({
      checkToken: async () => {
        checks += 1;
        return valid;
      },
      checkTokenAfter: 2,
    });
    client.start();
    refuse();
    await Promise.resolve();
    expect(checks).toBe(0);
    retry();
    refuse();
    await Promise.resolve();
    expect(checks).toBe(1);
    expect(client.status.status).toBe('connecting'); // the token is good: keep trying

    valid = false;
    retry();
    refuse();
    await Promise.resolve();
    expect(checks).toBe(2);
    expect(client.status).toMatchObject({
      status: 'unauthorized',
      error: { code: 'unauthorized' },
    });
    expect(scheduler.pending()).toEqual([]);

    // After the user signed in again, the host reconnects.
    client.reconnect();
    expect(connector.sockets).toHaveLength(4);
    connector.last.open();
    connector.last.receive(snapshotPart('s1', 1, 0, true, []));
    expect(client.status.status).toBe('live');
  });
});

describe('sync client: waiting for a token check', () => {
  /** A checkToken whose answer the test gives. */
  function pendingCheck() {
    const answers: Array<(valid: boolean) => void> = [];
    return {
      checkToken: () => new Promise<boolean>((resolve) => answers.push(resolve)),
      answer: (valid: boolean) => answers.shift()!(valid),
      get asked() {
        return answers.length;
      },
    };
  }

  it('does not knock again while the check is under way, and goes on once it says the token is good', async () => {
    const check = pendingCheck();
    const { client, connector, refuse, retry } = setup({
      checkToken: check.checkToken,
      connectTimeoutMs: 5_000,
    });
    client.start();
    refuse();
    retry();
    refuse();
    expect(check.asked).toBe(1);
    retry(); // due, but the check has not answered
    expect(connector.sockets).toHaveLength(2);
    check.answer(true);
    await Promise.resolve();
    expect(connector.sockets).toHaveLength(3);
    expect(client.status.status).toBe('connecting');
  });

  it('does not wait forever for a check that hangs', () => {
    const check = pendingCheck();
    const { client, connector, scheduler, refuse, retry } = setup({
      checkToken: check.checkToken,
      connectTimeoutMs: 5_000,
    });
    client.start();
    refuse();
    retry();
    refuse();
    retry();
    expect(connector.sockets).toHaveLength(2);
    scheduler.advance(5_000);
    expect(connector.sockets).toHaveLength(3);
  });

  it('takes a check that fails (engine unreachable) as no news about the token', async () => {
    const { client, connector, refuse, retry } = setup({
      checkToken: () => Promise.reject(new Error('ECONNREFUSED')),
    });
    client.start();
    refuse();
    retry();
    refuse();
    await Promise.resolve();
    await Promise.resolve();
    retry();
    expect(connector.sockets).toHaveLength(3);
    expect(client.status.status).toBe('connecting');
  });
});

describe('sync client: stop', () => {
  it('closes the socket, cancels every timer and ignores the old socket afterwards', () => {
    const { client, connector, scheduler, listener } = setup();
    client.start();
    connector.last.open();
    connector.last.receive(snapshotPart('s1', 4, 0, true, []));
    client.stop();
    expect(connector.last.closedByClient).toEqual({ code: 1000, reason: 'stopped' });
    expect(client.status.status).toBe('stopped');
    expect(scheduler.pending()).toEqual([]);
    connector.last.receive({ type: 'delta', from: 4, seq: 5, changes: [] });
    connector.last.serverClose({ code: 1006, reason: '' });
    expect(listener.changes).toHaveLength(0);
    expect(client.status.status).toBe('stopped');

    client.start();
    connector.last.open();
    expect(connector.last.sent).toEqual([
      { type: 'hello', protocol: 1, resume: { streamId: 's1', seq: 4 } },
    ]);
  });

  it('stays stopped when a listener stops it while it schedules a retry', () => {
    const scheduler = new FakeScheduler();
    const connector = new FakeConnector();
    const client = createSyncClient({
      connect: connector.connect,
      scheduler,
      listener: {
        onSnapshot: () => undefined,
        onChanges: () => undefined,
        onStatus: (status) => {
          if (status.retryInMs !== undefined) client.stop();
        },
      },
    });
    client.start();
    connector.last.serverClose({ code: 1006, reason: '' });
    expect(client.status.status).toBe('stopped');
    expect(scheduler.pending()).toEqual([]);
  });
});
