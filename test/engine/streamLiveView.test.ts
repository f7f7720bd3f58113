import { afterEach, describe, expect, it } from 'vitest';
import { LiveView } from '../../engine/stream/liveView.js';
import { readLiveViewSeed } from '../../engine/stream/liveViewSeed.js';
import { freezeSnapshot } from '../../engine/stream/snapshotParts.js';
import { expandAlertRows } from '../../shared/protocol/alertRows.js';
import { client } from '../helpers/http.js';
import { createAlertSource, postIlertEvent, RawStream } from '../helpers/streamSocket.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';

let t: TestEngine | null = null;
afterEach(async () => {
  await t?.dispose();
  t = null;
});

const resolvedLimit = 3;
const partSize = 4;

/**
 * Every part of a snapshot a console receives after hello, without the send times, as the
 * console reads it (protocol 2's rows as objects).
 */
async function streamedSnapshot(url: string, protocol: 1 | 2 = 2): Promise<any[]> {
  const stream = await RawStream.open(url, { protocols: [`nocturne.v${protocol}`] });
  try {
    stream.send({ type: 'hello', protocol });
    const parts: any[] = [];
    for (;;) {
      const { serverTime: _, ...part } = await stream.next();
      expect('alertRows' in part).toBe(protocol === 2);
      expect(expandAlertRows(part)).toBeNull();
      parts.push(part);
      if (part.final) return parts;
    }
  } finally {
    stream.close();
  }
}

/** The same snapshot built from a view read afresh from the store. */
async function snapshotFromStore(engine: TestEngine, protocol: 1 | 2): Promise<any[]> {
  const seed = await readLiveViewSeed(engine.engine.store, resolvedLimit);
  const frozen = freezeSnapshot(
    new LiveView(seed, resolvedLimit),
    engine.engine.context.hub.streamId,
    partSize,
    protocol,
  );
  return Array.from({ length: frozen.parts }, (_unused, i) => {
    const { serverTime: _, ...part } = JSON.parse(frozen.message(i).toString());
    expect(expandAlertRows(part)).toBeNull();
    return part;
  });
}

describe('stream: snapshots from the live view', () => {
  it('after every kind of change, a snapshot equals one read afresh from the store', async () => {
    t = await startTestEngine({
      stream: { snapshotResolved: resolvedLimit, snapshotPartAlerts: partSize },
    });
    const api = client(t.url);
    const source = await createAlertSource(t.url, 'Live view');
    // The first console makes the engine read its view; everything below is applied to it.
    await streamedSnapshot(t.url);

    for (let i = 0; i < 12; i += 1)
      await postIlertEvent(t.url, source.integrationKey, { alertKey: `k${i}` });
    const ids = (await api.get('/api/v1/alerts?limit=50')).body.items
      .map((a: any) => a.id)
      .sort((a: string, b: string) => Number(a) - Number(b));
    expect(ids).toHaveLength(12);
    // More resolved than the snapshot keeps; one resolved while accepted; repeat events.
    for (const i of [0, 1, 2, 3, 4]) {
      await postIlertEvent(t.url, source.integrationKey, {
        alertKey: `k${i}`,
        eventType: 'RESOLVE',
      });
    }
    expect((await api.post(`/api/v1/alerts/${ids[5]}/accept`, {})).status).toBe(200);
    expect((await api.post(`/api/v1/alerts/${ids[5]}/resolve`, {})).status).toBe(200);
    await postIlertEvent(t.url, source.integrationKey, { alertKey: 'k6', summary: 'Worse now' });
    // A comment on a resolved alert that fell out of the snapshot's resolved window.
    expect((await api.post(`/api/v1/alerts/${ids[0]}/comment`, { text: 'late note' })).status).toBe(
      201,
    );
    // Entities: created, changed, removed.
    const user = await api.post('/api/v1/users', {
      name: 'Ana',
      email: 'ana@example.com',
      role: 'responder',
    });
    expect(user.status).toBe(201);
    expect((await api.patch(`/api/v1/users/${user.body.id}`, { name: 'Ana B' })).status).toBe(200);
    const team = await api.post('/api/v1/teams', { name: 'Gone soon' });
    expect(team.status).toBe(201);
    const kept = await api.post('/api/v1/teams', { name: 'Kept' });
    expect((await api.delete(`/api/v1/teams/${team.body.id}`)).status).toBe(200);
    expect(
      (
        await api.put(`/api/v1/teams/${kept.body.id}/members`, {
          members: [{ userId: user.body.id }],
        })
      ).status,
    ).toBe(200);

    const streamed = await streamedSnapshot(t.url);
    expect(streamed).toEqual(await snapshotFromStore(t, 2));
    // Protocol 1 (objects) reads the same as protocol 2 (rows).
    expect(await streamedSnapshot(t.url, 1)).toEqual(streamed);
    expect(await snapshotFromStore(t, 1)).toEqual(streamed);
    // What the test meant to reach: parts, the resolved window, removals.
    const alerts = streamed.flatMap((p) => p.alerts);
    expect(streamed.length).toBeGreaterThan(1);
    expect(alerts.filter((a: any) => a.state === 'RESOLVED')).toHaveLength(resolvedLimit);
    expect(alerts.map((a: any) => a.id)).not.toContain(ids[0]);
    expect(streamed[0].teams.map((x: any) => x.name)).toEqual(['Kept']);
    expect(streamed[0].users.map((x: any) => x.name)).toContain('Ana B');
  });
});
