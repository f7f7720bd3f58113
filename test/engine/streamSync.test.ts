import { afterEach, describe, expect, it } from 'vitest';
import { client } from '../helpers/http.js';
import {
  alertsOverRest,
  createAlertSource,
  eventually,
  postIlertEvent,
  RawStream,
} from '../helpers/streamSocket.js';
import {
  syncedReplica,
  untilReplicaMatchesRest,
  type SyncedReplica,
} from '../helpers/streamSync.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';

let t: TestEngine | null = null;
let synced: SyncedReplica | null = null;
afterEach(async () => {
  synced?.stop();
  synced = null;
  await t?.dispose();
  t = null;
});

describe('stream: snapshot and live deltas', () => {
  it('sends a snapshot tagged with stream and sequence, then each ingested change as a delta', async () => {
    t = await startTestEngine();
    const source = await createAlertSource(t.url, 'Prometheus prod');
    await postIlertEvent(t.url, source.integrationKey, { alertKey: 'db-1' });

    const stream = await RawStream.open(t.url);
    const snapshot = await stream.helloSnapshot();
    expect(snapshot).toMatchObject({ type: 'snapshot', part: 0, final: true });
    expect(snapshot.streamId).toEqual(expect.any(String));
    expect(snapshot.seq).toBeGreaterThan(0);
    expect(snapshot.alerts.map((a: any) => a.alertKey)).toEqual(['db-1']);
    // Streams never carry integration keys.
    expect(snapshot.alertSources).toEqual([
      expect.not.objectContaining({ integrationKey: expect.anything() }),
    ]);
    expect(snapshot.alertSources[0].name).toBe('Prometheus prod');

    const created = await postIlertEvent(t.url, source.integrationKey, {
      alertKey: 'web-1',
      summary: 'HTTP 500s',
    });
    const first = await stream.next();
    expect(first).toMatchObject({ type: 'delta', from: snapshot.seq });
    expect(first.seq).toBeGreaterThan(first.from);
    expect(first.changes).toEqual([
      {
        kind: 'alert',
        value: expect.objectContaining({
          id: created.alertId,
          summary: 'HTTP 500s',
          state: 'PENDING',
        }),
      },
    ]);

    const accepted = await client(t.url).post(`/api/v1/alerts/${created.alertId}/accept`, {});
    expect(accepted.status).toBe(200);
    const second = await stream.next();
    expect(second).toMatchObject({ type: 'delta', from: first.seq });
    expect(second.changes[0].value).toMatchObject({ id: created.alertId, state: 'ACCEPTED' });
    stream.close();
  });

  it('sends a large snapshot in parts, which the sync client applies as one', async () => {
    t = await startTestEngine({ stream: { snapshotPartAlerts: 2 } });
    const source = await createAlertSource(t.url);
    for (let n = 0; n < 5; n += 1) {
      await postIlertEvent(t.url, source.integrationKey, { alertKey: `part-${n}` });
    }
    const stream = await RawStream.open(t.url);
    stream.send({ type: 'hello', protocol: 1 });
    const parts = [await stream.next(), await stream.next(), await stream.next()];
    expect(parts.map((p) => [p.part, p.final, p.alerts.length])).toEqual([
      [0, false, 2],
      [1, false, 2],
      [2, true, 1],
    ]);
    expect(new Set(parts.map((p) => `${p.streamId}@${p.seq}`)).size).toBe(1);
    expect(parts.map((p) => p.alertSources.length)).toEqual([1, 0, 0]);
    stream.close();

    synced = syncedReplica(t.url);
    await synced.untilLive();
    expect(synced.events).toHaveLength(1);
    expect(synced.replica.alerts.size).toBe(5);
    await untilReplicaMatchesRest(t.url, synced.replica);
  });

  it('keeps a replica equal to the REST view through the shared sync client', async () => {
    t = await startTestEngine();
    const source = await createAlertSource(t.url);
    synced = syncedReplica(t.url);
    await synced.untilLive();
    for (let n = 0; n < 5; n += 1) {
      await postIlertEvent(t.url, source.integrationKey, { alertKey: `k${n % 2}` });
    }
    await untilReplicaMatchesRest(t.url, synced.replica);
    expect(synced.replica.alertSources.size).toBe(1);
    expect([...synced.replica.alerts.values()].map((a) => a.eventCount).sort()).toEqual([2, 3]);
  });
});

describe('stream: resume', () => {
  it('delivers every change exactly once, in order, across a reconnect with resume', async () => {
    t = await startTestEngine();
    const url = t.url;
    const source = await createAlertSource(url);
    synced = syncedReplica(url, { backoff: { initialMs: 200 } });
    await synced.untilLive();
    const s = synced;

    // Events keep coming while the console's connection is killed mid-stream.
    const keys = ['a', 'b', 'c'];
    const total = 90;
    let posted = 0;
    const poster = (async () => {
      for (; posted < total; posted += 1) {
        await postIlertEvent(url, source.integrationKey, { alertKey: keys[posted % 3]! });
      }
    })();
    await eventually(() => posted >= 30, '30 events');
    s.sockets.at(-1)!.terminate();
    await eventually(() => s.statuses.some((x) => x.status === 'reconnecting'), 'a reconnect');
    await poster;
    await untilReplicaMatchesRest(url, s.replica);

    // One snapshot (the first): the reconnect resumed instead of starting over.
    expect(s.events.filter((e) => e.kind === 'snapshot')).toHaveLength(1);
    expect(s.sockets.length).toBeGreaterThanOrEqual(2);
    // Each event bumps its alert's eventCount by one: seen in order, none missing or twice.
    const counts = new Map<string, number[]>();
    for (const event of s.events) {
      if (event.kind !== 'changes') continue;
      for (const change of event.changes) {
        if (change.kind !== 'alert') continue;
        counts.set(change.value.alertKey, [
          ...(counts.get(change.value.alertKey) ?? []),
          change.value.eventCount,
        ]);
      }
    }
    for (const key of keys) {
      expect(counts.get(key)).toEqual(Array.from({ length: total / 3 }, (_, n) => n + 1));
    }
  });

  it('answers a resume within the held history with "resumed" and the missed deltas', async () => {
    t = await startTestEngine();
    const source = await createAlertSource(t.url);
    const first = await RawStream.open(t.url);
    const snapshot = await first.helloSnapshot();
    first.close();
    await postIlertEvent(t.url, source.integrationKey, { alertKey: 'x' });
    await postIlertEvent(t.url, source.integrationKey, { alertKey: 'y' });

    const again = await RawStream.open(t.url);
    again.send({
      type: 'hello',
      protocol: 1,
      resume: { streamId: snapshot.streamId, seq: snapshot.seq },
    });
    expect(await again.next()).toEqual({
      type: 'resumed',
      streamId: snapshot.streamId,
      seq: snapshot.seq,
    });
    const missed = await again.next();
    expect(missed).toMatchObject({ type: 'delta', from: snapshot.seq });
    expect(missed.changes.map((c: any) => c.value.alertKey)).toEqual(['x', 'y']);
    again.close();
  });

  it('owes a resume everything, also what was committed between the upgrade and the hello', async () => {
    t = await startTestEngine();
    const source = await createAlertSource(t.url);
    const first = await RawStream.open(t.url);
    const snapshot = await first.helloSnapshot();
    first.close();
    await postIlertEvent(t.url, source.integrationKey, { alertKey: 'missed-1' });
    await postIlertEvent(t.url, source.integrationKey, { alertKey: 'missed-2' });

    const again = await RawStream.open(t.url);
    // Connected, no hello yet: this commit reaches the engine's stream while the console waits.
    await postIlertEvent(t.url, source.integrationKey, { alertKey: 'before-hello' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    again.send({
      type: 'hello',
      protocol: 1,
      resume: { streamId: snapshot.streamId, seq: snapshot.seq },
    });
    expect((await again.next()).type).toBe('resumed');
    const keys: string[] = [];
    let from = snapshot.seq;
    while (keys.length < 3) {
      const delta = await again.next();
      expect(delta).toMatchObject({ type: 'delta', from });
      from = delta.seq;
      keys.push(...delta.changes.map((c: any) => c.value.alertKey));
    }
    expect(keys).toEqual(['missed-1', 'missed-2', 'before-hello']);
    again.close();
  });

  it('answers a resume with an unknown stream id with a snapshot', async () => {
    t = await startTestEngine();
    const stream = await RawStream.open(t.url);
    const snapshot = await stream.helloSnapshot({ streamId: 'not-this-engine', seq: 1 });
    expect(snapshot.streamId).not.toBe('not-this-engine');
    stream.close();
  });

  it('answers a resume older than the held history with a snapshot', async () => {
    t = await startTestEngine({ stream: { historyEntries: 5 } });
    const source = await createAlertSource(t.url);
    const first = await RawStream.open(t.url);
    const old = await first.helloSnapshot();
    first.close();
    for (let n = 0; n < 8; n += 1) {
      await postIlertEvent(t.url, source.integrationKey, { alertKey: `k${n}` });
    }
    const again = await RawStream.open(t.url);
    const fresh = await again.helloSnapshot({ streamId: old.streamId, seq: old.seq });
    expect(fresh.streamId).toBe(old.streamId);
    expect(fresh.seq).toBeGreaterThan(old.seq);
    expect(fresh.alerts).toHaveLength(8);
    again.close();
  });

  it('resyncs from a snapshot of the new stream after the engine restarts under it', async () => {
    t = await startTestEngine();
    const source = await createAlertSource(t.url);
    await postIlertEvent(t.url, source.integrationKey, { alertKey: 'before' });
    synced = syncedReplica(t.url);
    await synced.untilLive();
    const before = synced.client.position!;

    t = await t.restart();
    await postIlertEvent(t.url, source.integrationKey, { alertKey: 'after' });
    const s = synced;
    await eventually(
      () => s.client.status.status === 'live' && s.client.position!.streamId !== before.streamId,
      'a live sync on the new stream',
    );
    const snapshots = s.events.filter((e) => e.kind === 'snapshot');
    expect(snapshots).toHaveLength(2);
    await untilReplicaMatchesRest(t.url, s.replica);
    expect([...(await alertsOverRest(t.url)).values()].map((a) => a.alertKey).sort()).toEqual([
      'after',
      'before',
    ]);
  });
});
