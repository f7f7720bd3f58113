import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { adminToken, startTestEngine, type TestEngine } from '../helpers/testEngine.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/tls/${name}`, import.meta.url));
const ca = readFileSync(fixture('cert.pem'));

function getJson(url: string, token?: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { ca, headers: token ? { authorization: `Bearer ${token}` } : {} },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('TLS: HTTPS and WSS served directly', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine({
      tls: { certFile: fixture('cert.pem'), keyFile: fixture('key.pem') },
    });
  });
  afterAll(() => t.dispose());

  it('serves the REST API over HTTPS', async () => {
    expect(t.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const me = await getJson(`${t.url}/api/v1/me`, adminToken);
    expect(me.status).toBe(200);
    expect(me.body.role).toBe('admin');
  });

  it('refuses plain HTTP on the TLS port', async () => {
    await expect(fetch(t.url.replace('https:', 'http:') + '/healthz')).rejects.toThrow();
  });

  it('serves the stream over WSS', async () => {
    const ws = new WebSocket(`${t.url.replace('https:', 'wss:')}/api/v1/stream`, {
      ca,
      headers: { authorization: `Bearer ${adminToken}` },
    });
    const first = await new Promise<any>((resolve, reject) => {
      ws.once('open', () => ws.send(JSON.stringify({ type: 'hello', protocol: 1 })));
      ws.once('message', (data) => resolve(JSON.parse(data.toString())));
      ws.once('error', reject);
    });
    expect(first.type).toBe('snapshot');
    ws.close();
  });
});

describe('without TLS', () => {
  it('listens on 127.0.0.1 only unless --host says otherwise', async () => {
    const t = await startTestEngine();
    try {
      expect(t.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
      // From another address of this machine the port is closed.
      const external = Object.values(networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal);
      if (external) {
        const refused = await new Promise<boolean>((resolve) => {
          const socket = connect({ host: external.address, port: t.engine.port });
          socket.once('connect', () => (socket.destroy(), resolve(false)));
          socket.once('error', () => resolve(true));
        });
        expect(refused).toBe(true);
      }
    } finally {
      await t.dispose();
    }
  });
});
