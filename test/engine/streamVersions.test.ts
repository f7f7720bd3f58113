import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { alertRowFields } from '../../shared/protocol/alertRows.js';
import { adoptingConnector, prepareStream } from '../../shared/sync/preparedStream.js';
import { createSyncClient } from '../../shared/sync/syncClient.js';
import type { SyncStatus } from '../../shared/sync/syncStatus.js';
import { streamUrl, webSocketConnector } from '../../shared/sync/webSocketConnector.js';
import {
  createAlertSource,
  eventually,
  postIlertEvent,
  RawStream,
} from '../helpers/streamSocket.js';
import { adminToken, startTestEngine, type TestEngine } from '../helpers/testEngine.js';

let t: TestEngine | null = null;
afterEach(async () => {
  await t?.dispose();
  t = null;
});

/** A raw stream offering `protocols`, with `?hello=snapshot` when asked. */
async function open(url: string, protocols: string[], helloInUrl = false): Promise<RawStream> {
  const ws = new WebSocket(`${streamUrl(url)}${helloInUrl ? '?hello=snapshot' : ''}`, protocols, {
    headers: { authorization: `Bearer ${adminToken}` },
  });
  const stream = new RawStream(ws);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return stream;
}

async function engineWithAlerts(count: number): Promise<string> {
  t = await startTestEngine({ stream: { snapshotPartAlerts: 2 } });
  const source = await createAlertSource(t.url, 'Versions');
  for (let i = 0; i < count; i += 1)
    await postIlertEvent(t.url, source.integrationKey, { alertKey: `v-${i}` });
  return t.url;
}

describe('stream: protocol versions', () => {
  it('selects the newest version offered, and sends protocol 2 snapshots as rows', async () => {
    const url = await engineWithAlerts(3);
    const v2 = await open(url, ['nocturne.v2', 'nocturne.v1']);
    expect(v2.ws.protocol).toBe('nocturne.v2');
    v2.send({ type: 'hello', protocol: 2 });
    const first = await v2.next();
    expect(first).not.toHaveProperty('alerts');
    expect(first.alertFields).toEqual(alertRowFields);
    expect(first.alertRows).toHaveLength(2);
    expect(first.alertRows[0][alertRowFields.indexOf('alertKey')]).toBe('v-0');
    v2.close();

    const v1 = await open(url, ['nocturne.v1']);
    expect(v1.ws.protocol).toBe('nocturne.v1');
    const last = await v1.helloSnapshot();
    expect(last.alerts.map((a: any) => a.alertKey)).toEqual(['v-2']);
    expect(last).not.toHaveProperty('alertRows');
    v1.close();
  });

  it('refuses a hello naming a version the engine did not select', async () => {
    const url = await engineWithAlerts(0);
    const v1 = await open(url, ['nocturne.v1']);
    v1.send({ type: 'hello', protocol: 2 });
    const error = await v1.next();
    expect(error).toMatchObject({ type: 'error', code: 'protocol_error' });
    expect(error.message).toContain('{"type":"hello","protocol":1}');
    expect((await v1.closed).code).toBe(4000);
  });

  it('answers a hello in the URL at once (protocol 2), and takes no hello message after it', async () => {
    const url = await engineWithAlerts(3);
    const stream = await open(url, ['nocturne.v2', 'nocturne.v1'], true);
    const parts = [await stream.next(), await stream.next()];
    expect(parts.map((p) => [p.type, p.part, p.final])).toEqual([
      ['snapshot', 0, false],
      ['snapshot', 1, true],
    ]);
    stream.send({ type: 'hello', protocol: 2 });
    const error = await stream.nextWhere((m) => m.type === 'error');
    expect(error.message).toContain('Only one hello');
  });

  it('waits for the hello message on protocol 1, whatever the URL says', async () => {
    const url = await engineWithAlerts(1);
    const stream = await open(url, ['nocturne.v1'], true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stream.messages).toEqual([]);
    const snapshot = await stream.helloSnapshot();
    expect(snapshot.alerts).toHaveLength(1);
    stream.close();
  });

  it('lets a sync client adopt a stream opened before it, live with no second hello', async () => {
    const url = await engineWithAlerts(3);
    const connector = (helloInUrl: boolean) =>
      webSocketConnector({ url, token: adminToken, WebSocket, helloInUrl });
    const prepared = prepareStream(connector(true), `${url}\n${adminToken}`);
    // The engine builds and sends the snapshot before anyone reads it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const statuses: SyncStatus[] = [];
    const alerts: string[] = [];
    const client = createSyncClient({
      connect: adoptingConnector(prepared, `${url}\n${adminToken}`, connector(false)),
      listener: {
        onSnapshot: (snapshot) => alerts.push(...snapshot.alerts.map((a) => a.alertKey)),
        onChanges: (changes) =>
          changes.forEach((c) => c.kind === 'alert' && alerts.push(c.value.alertKey)),
        onStatus: (status) => statuses.push(status),
      },
    });
    try {
      client.start();
      await eventually(
        () => statuses.at(-1)?.status === 'live',
        `live; statuses ${JSON.stringify(statuses)}`,
      );
      expect(alerts).toEqual(['v-0', 'v-1', 'v-2']);
      const source = await createAlertSource(url, 'Later');
      await postIlertEvent(url, source.integrationKey, { alertKey: 'after' });
      await eventually(() => alerts.includes('after'), 'the new alert as a delta');
      // One connection all along: the engine would have closed it for a second hello.
      expect(statuses.filter((s) => s.status === 'live')).toHaveLength(1);
    } finally {
      client.stop();
    }
  });
});
