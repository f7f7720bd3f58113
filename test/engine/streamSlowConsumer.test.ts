import { afterEach, describe, expect, it } from 'vitest';
import { client } from '../helpers/http.js';
import {
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

/** ~100 KB of labels: a few dozen such changes fill the loopback socket buffers. */
const heavyLabels = Object.fromEntries(
  Array.from({ length: 100 }, (_, n) => [`label${n}`, 'x'.repeat(1000)]),
);

async function disconnects(url: string, reason: string): Promise<number> {
  const metrics = await client(url, null).get('/metrics');
  const line = String(metrics.body)
    .split('\n')
    .find((l) => l.startsWith(`nocturne_stream_disconnects_total{reason="${reason}"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

let t: TestEngine | null = null;
let synced: SyncedReplica | null = null;
afterEach(async () => {
  synced?.stop();
  synced = null;
  await t?.dispose();
  t = null;
});

describe('stream: slow consumers', () => {
  it('coalesces deltas per entity for a console that stops reading, without slowing ingest', async () => {
    t = await startTestEngine({
      stream: { softLimitBytes: 64 * 1024, hardLimitBytes: 256 * 1024 * 1024 },
    });
    const source = await createAlertSource(t.url);
    const stream = await RawStream.open(t.url);
    const snapshot = await stream.helloSnapshot();
    stream.ws.pause(); // stop reading from the TCP socket: the engine's send buffer fills

    // Every one of these is answered 202 (postIlertEvent checks) while the console reads nothing.
    const events = 150;
    for (let n = 0; n < events; n += 1) {
      await postIlertEvent(t.url, source.integrationKey, {
        alertKey: `k${n % 3}`,
        labels: heavyLabels,
      });
    }
    stream.ws.resume();

    const deltas: any[] = [];
    let from = snapshot.seq;
    const eventCounts = new Map<string, number>();
    while (deltas.length === 0 || [...eventCounts.values()].some((c) => c < events / 3)) {
      const delta = await stream.next();
      expect(delta).toMatchObject({ type: 'delta', from });
      from = delta.seq;
      deltas.push(delta);
      for (const change of delta.changes) {
        const previous = eventCounts.get(change.value.alertKey) ?? 0;
        expect(change.value.eventCount).toBeGreaterThan(previous); // newest state, never older
        eventCounts.set(change.value.alertKey, change.value.eventCount);
      }
    }
    const changes = deltas.reduce((n, d) => n + d.changes.length, 0);
    // Fewer changes than events: the backlog kept only the newest state of each alert.
    expect(changes).toBeLessThan(events);
    const coalesced = deltas.find((d) => d.changes.length > 1);
    expect(coalesced.changes.map((c: any) => c.value.alertKey).sort()).toEqual(['k0', 'k1', 'k2']);
    expect(await disconnects(t.url, 'slow_consumer')).toBe(0);
    stream.close();
  });

  it('disconnects a console past the hard limit with 4008; the sync client then resyncs', async () => {
    t = await startTestEngine({
      stream: { softLimitBytes: 64 * 1024, hardLimitBytes: 1024 * 1024 },
    });
    const url = t.url;
    const source = await createAlertSource(url);
    synced = syncedReplica(url);
    await synced.untilLive();
    const s = synced;
    const first = s.sockets[0]!;
    first.pause();

    // Distinct alerts: coalescing cannot shrink them, so the backlog grows to the hard limit.
    let posted = 0;
    while ((await disconnects(url, 'slow_consumer')) === 0) {
      expect(posted).toBeLessThan(500);
      await postIlertEvent(url, source.integrationKey, {
        alertKey: `a${posted++}`,
        labels: heavyLabels,
      });
    }
    first.resume();

    await eventually(
      () => s.statuses.some((x) => x.error?.code === 'slow_consumer'),
      'the slow_consumer close to reach the client',
    );
    await eventually(() => s.closeCodes.has(0), 'the first socket to close');
    expect(s.closeCodes.get(0)).toBe(4008);
    await postIlertEvent(url, source.integrationKey, { alertKey: 'after' });
    await s.untilLive('the client to resync');
    await untilReplicaMatchesRest(url, s.replica);
    expect(s.replica.alerts.size).toBe(posted + 1);
    expect(s.sockets.length).toBeGreaterThanOrEqual(2);
  });
});
