import { describe, expect, it } from 'vitest';
import { createSyncClient, type SyncClientOptions } from '../../shared/sync/syncClient.js';
import {
  alertChange,
  alertSummary,
  delta,
  FakeConnector,
  FakeScheduler,
  RecordingListener,
  serverTime,
  snapshotPart,
} from '../helpers/streamFakes.js';

const hello = { type: 'hello', protocol: 1 };

function setup(options: Partial<SyncClientOptions> = {}) {
  const scheduler = new FakeScheduler();
  const connector = new FakeConnector();
  const listener = new RecordingListener();
  const client = createSyncClient({
    connect: connector.connect,
    listener,
    scheduler,
    random: () => 0.5,
    heartbeatTimeoutMs: 37_500,
    ...options,
  });
  /** Starts, opens and takes a one-part snapshot at (`streamId`, `seq`). */
  const goLive = (streamId = 's1', seq = 10) => {
    client.start();
    connector.last.open();
    connector.last.receive(snapshotPart(streamId, seq, 0, true, [alertSummary('1')]));
    expect(client.status.status).toBe('live');
  };
  /** Fires the pending retry timer (whatever its jittered delay). */
  const retry = () => scheduler.advance(scheduler.pending()[0]!);
  return { scheduler, connector, listener, client, goLive, retry };
}

describe('sync client: snapshot and deltas', () => {
  it('says hello, assembles a snapshot from its parts and goes live', () => {
    const { connector, listener, client } = setup();
    expect(client.status.status).toBe('stopped');
    client.start();
    expect(listener.status.status).toBe('connecting');
    const socket = connector.last;
    socket.open();
    expect(socket.sent).toEqual([hello]);
    expect(listener.status.status).toBe('syncing');

    socket.receive(snapshotPart('s1', 7, 0, false, [alertSummary('1'), alertSummary('2')]));
    socket.receive(snapshotPart('s1', 7, 1, false, [alertSummary('3')]));
    expect(listener.snapshots).toHaveLength(0);
    socket.receive(snapshotPart('s1', 7, 2, true, [alertSummary('4')]));

    expect(listener.snapshots).toHaveLength(1);
    const snapshot = listener.snapshots[0]!;
    expect(snapshot.alerts.map((a) => a.id)).toEqual(['1', '2', '3', '4']);
    expect(snapshot.alertSources.map((s) => s.id)).toEqual(['1']);
    expect(snapshot.users.map((u) => u.id)).toEqual(['1']);
    expect(snapshot).toMatchObject({ streamId: 's1', seq: 7, serverTime });
    expect(client.status).toMatchObject({ status: 'live', lastLiveAt: client.status.since });
    expect(client.position).toEqual({ streamId: 's1', seq: 7 });
  });

  it('applies deltas in order and follows their sequence', () => {
    const { connector, listener, client, goLive } = setup();
    goLive('s1', 10);
    connector.last.receive(delta(10, 11, [alertChange('1', { state: 'ACCEPTED' })]));
    connector.last.receive(delta(11, 14, [alertChange('2'), alertChange('3')]));
    expect(listener.changes.map((c) => [c.seq, c.changes.length])).toEqual([
      [11, 1],
      [14, 2],
    ]);
    expect(client.position).toEqual({ streamId: 's1', seq: 14 });
    expect(client.status.status).toBe('live');
  });

  it('refuses snapshot parts out of order or of different sequences, and resyncs', () => {
    const { connector, listener, client, retry } = setup();
    client.start();
    connector.last.open();
    connector.last.receive(snapshotPart('s1', 7, 0, false, [alertSummary('1')]));
    connector.last.receive(snapshotPart('s1', 7, 2, true, [alertSummary('2')]));
    expect(listener.snapshots).toHaveLength(0);
    expect(connector.last.closedByClient).not.toBeNull();
    expect(client.status).toMatchObject({
      status: 'connecting',
      error: { code: 'unexpected_message' },
    });

    retry();
    connector.last.open();
    connector.last.receive(snapshotPart('s1', 8, 0, false, [alertSummary('1')]));
    connector.last.receive(snapshotPart('s1', 9, 1, true, [alertSummary('2')]));
    expect(listener.snapshots).toHaveLength(0);
    expect(client.status.error?.code).toBe('unexpected_message');
  });

  it('treats a delta before the snapshot as out of order', () => {
    const { connector, listener, client } = setup();
    client.start();
    connector.last.open();
    connector.last.receive(delta(0, 1, [alertChange('1')]));
    expect(listener.changes).toHaveLength(0);
    expect(client.status.error?.code).toBe('unexpected_message');
  });
});

describe('sync client: gaps and resume', () => {
  it('on a gap closes, reconnects with resume from its last sequence and takes the missed deltas', () => {
    const { connector, listener, client, goLive, retry } = setup();
    goLive('s1', 10);
    const first = connector.last;
    first.receive(delta(10, 12, [alertChange('1')]));
    first.receive(delta(13, 15, [alertChange('2')])); // 12 → 13 is missing

    expect(first.closedByClient).not.toBeNull();
    expect(listener.changes.map((c) => c.seq)).toEqual([12]);
    expect(client.status).toMatchObject({ status: 'reconnecting', error: { code: 'gap' } });
    expect(client.status.retryInMs).toBeGreaterThanOrEqual(0);

    retry();
    const second = connector.last;
    expect(second).not.toBe(first);
    second.open();
    expect(second.sent).toEqual([{ ...hello, resume: { streamId: 's1', seq: 12 } }]);
    second.receive({ type: 'resumed', streamId: 's1', seq: 12 });
    expect(client.status.status).toBe('live');
    second.receive(delta(12, 15, [alertChange('9'), alertChange('2')]));
    expect(listener.changes.map((c) => c.seq)).toEqual([12, 15]);
    expect(listener.snapshots).toHaveLength(1);

    // Events of the old socket are ignored.
    first.receive(delta(15, 16, [alertChange('3')]));
    first.serverClose({ code: 1006, reason: '' });
    expect(listener.changes).toHaveLength(2);
    expect(client.status.status).toBe('live');
  });

  it('takes a snapshot as the answer to a resume (history no longer held)', () => {
    const { connector, listener, client, goLive, retry } = setup();
    goLive('s1', 10);
    connector.last.serverClose({ code: 4008, reason: 'slow_consumer' });
    retry();
    connector.last.open();
    expect(connector.last.sent).toEqual([{ ...hello, resume: { streamId: 's1', seq: 10 } }]);
    connector.last.receive(snapshotPart('s1', 50, 0, true, [alertSummary('7')]));
    expect(listener.snapshots.map((s) => s.seq)).toEqual([10, 50]);
    expect(client.position).toEqual({ streamId: 's1', seq: 50 });
    expect(client.status.status).toBe('live');
  });

  it('resyncs from the snapshot of a new stream (engine restarted) and resumes that one next', () => {
    const { connector, listener, client, goLive, retry } = setup();
    goLive('s1', 10);
    connector.last.serverClose({ code: 1001, reason: 'engine shutting down' });
    expect(client.status).toMatchObject({ status: 'reconnecting' });
    retry();
    connector.last.open();
    connector.last.receive(snapshotPart('s2', 3, 0, true, []));
    expect(listener.snapshots.at(-1)).toMatchObject({ streamId: 's2', seq: 3, alerts: [] });

    connector.last.serverClose({ code: 1006, reason: '' });
    retry();
    connector.last.open();
    expect(connector.last.sent).toEqual([{ ...hello, resume: { streamId: 's2', seq: 3 } }]);
  });

  it('does not trust a "resumed" that names another position, and asks for a snapshot next', () => {
    const { connector, listener, client, goLive, retry } = setup();
    goLive('s1', 10);
    connector.last.serverClose({ code: 1006, reason: '' });
    retry();
    connector.last.open();
    connector.last.receive({ type: 'resumed', streamId: 's1', seq: 9 });
    expect(client.status.error?.code).toBe('unexpected_message');
    retry();
    connector.last.open();
    expect(connector.last.sent).toEqual([hello]);
    expect(listener.changes).toHaveLength(0);
  });

  it('starts over without resume after the engine closes with 4000 (protocol error)', () => {
    const { connector, goLive, retry } = setup();
    goLive('s1', 10);
    connector.last.receive({ type: 'error', code: 'protocol_error', message: 'bad hello' });
    connector.last.serverClose({ code: 4000, reason: 'protocol_error' });
    retry();
    connector.last.open();
    expect(connector.last.sent).toEqual([hello]);
  });

  it('shows the reason the engine gave before it closed (slow consumer) and resumes', () => {
    const { connector, client, goLive, retry } = setup();
    goLive('s1', 10);
    connector.last.receive({
      type: 'error',
      code: 'slow_consumer',
      message: 'The console fell too far behind; reconnect to resync.',
    });
    expect(client.status.status).toBe('live');
    connector.last.serverClose({ code: 4008, reason: 'slow_consumer' });
    expect(client.status).toMatchObject({
      status: 'reconnecting',
      error: { code: 'slow_consumer', message: expect.stringContaining('too far behind') },
    });
    retry();
    expect(client.status.error?.code).toBe('slow_consumer'); // kept while reconnecting
    connector.last.open();
    expect(connector.last.sent).toEqual([{ ...hello, resume: { streamId: 's1', seq: 10 } }]);
    connector.last.receive({ type: 'resumed', streamId: 's1', seq: 10 });
    expect(client.status.status).toBe('live');
    expect(client.status.error).toBeUndefined();
  });
});

describe('sync client: heartbeats', () => {
  it('accepts heartbeats at its sequence and treats another sequence as a gap', () => {
    const { connector, client, goLive } = setup();
    goLive('s1', 10);
    connector.last.receive({ type: 'heartbeat', seq: 10, serverTime });
    expect(client.status.status).toBe('live');
    connector.last.receive({ type: 'heartbeat', seq: 11, serverTime });
    expect(client.status).toMatchObject({ status: 'reconnecting', error: { code: 'gap' } });
    expect(connector.last.closedByClient).not.toBeNull();
  });

  it('reconnects when nothing arrives for the heartbeat timeout; any message resets it', () => {
    const { connector, scheduler, client, goLive } = setup({ heartbeatTimeoutMs: 37_500 });
    goLive('s1', 10);
    scheduler.advance(30_000);
    connector.last.receive({ type: 'heartbeat', seq: 10, serverTime });
    scheduler.advance(30_000);
    connector.last.receive(delta(10, 11, [alertChange('1')]));
    scheduler.advance(37_499);
    expect(client.status.status).toBe('live');
    scheduler.advance(1);
    expect(client.status).toMatchObject({
      status: 'reconnecting',
      error: { code: 'heartbeat_timeout' },
    });
    expect(connector.last.closedByClient).not.toBeNull();
  });

  it('gives up on a connection that does not open within the connect timeout', () => {
    const { connector, scheduler, client } = setup({ connectTimeoutMs: 5_000 });
    client.start();
    scheduler.advance(5_000);
    expect(connector.last.closedByClient).not.toBeNull();
    expect(client.status).toMatchObject({
      status: 'connecting',
      error: { code: 'connect_failed' },
    });
  });
});

describe('sync client: invalid messages', () => {
  it.each([
    ['text that is not JSON', '{"type":"delta",'],
    ['a binary frame', new Uint8Array([1, 2, 3])],
    ['an unknown type', JSON.stringify({ type: 'surprise' })],
    [
      'a delta with a bad change',
      JSON.stringify({
        type: 'delta',
        from: 10,
        seq: 11,
        changes: [{ kind: 'alert', value: { id: 1 } }],
      }),
    ],
    ['a negative sequence', JSON.stringify({ type: 'heartbeat', seq: -1, serverTime })],
  ])('reconnects on %s, applying nothing', (_what, data) => {
    const { connector, listener, client, goLive, retry } = setup();
    goLive('s1', 10);
    connector.last.receiveRaw(data);
    expect(listener.changes).toHaveLength(0);
    expect(client.status).toMatchObject({
      status: 'reconnecting',
      error: { code: 'invalid_message' },
    });
    retry();
    connector.last.open();
    // Nothing was applied, so the position still holds.
    expect(connector.last.sent).toEqual([{ ...hello, resume: { streamId: 's1', seq: 10 } }]);
  });

  it('keeps fields it does not know out of what it hands on (a newer engine may send more)', () => {
    const { connector, listener, goLive } = setup();
    goLive('s1', 10);
    connector.last.receive({
      type: 'delta',
      from: 10,
      seq: 11,
      changes: [{ kind: 'alert', value: { ...alertSummary('1'), futureField: true } }],
      alsoNew: 1,
    });
    expect(listener.changes[0]!.changes[0]).toEqual(alertChange('1'));
  });

  it('counts a connector that throws as a failed attempt', () => {
    const scheduler = new FakeScheduler();
    const listener = new RecordingListener();
    const client = createSyncClient({
      connect: () => {
        throw new Error('bad URL');
      },
      listener,
      scheduler,
      random: () => 0.5,
    });
    client.start();
    expect(client.status).toMatchObject({
      status: 'connecting',
      retryInMs: 250,
      error: { code: 'connect_failed', message: expect.stringContaining('bad URL') },
    });
  });
});
