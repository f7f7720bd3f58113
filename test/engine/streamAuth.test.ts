import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../helpers/http.js';
import { eventually, RawStream, refusedUpgrade } from '../helpers/streamSocket.js';
import { syncedReplica } from '../helpers/streamSync.js';
import { adminToken, startTestEngine, type TestEngine } from '../helpers/testEngine.js';

const badToken = 'noc_wrongwrongwrongwrongwrongwrong';

describe('stream: authentication and origin', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(() => t.dispose());

  it('refuses an upgrade without a token with 401 and the JSON error', async () => {
    const refused = await refusedUpgrade(t.url, { headerToken: null });
    expect(refused.status).toBe(401);
    expect(refused.contentType).toBe('application/json');
    expect(refused.headers['www-authenticate']).toBe('Bearer realm="nocturne"');
    expect(refused.body).toEqual({
      error: { code: 'unauthorized', message: expect.stringContaining('API token') },
    });
  });

  it('refuses a bad token, in the header or as the subprotocol', async () => {
    const inHeader = await refusedUpgrade(t.url, { headerToken: badToken });
    expect(inHeader.status).toBe(401);
    expect(inHeader.body.error.code).toBe('unauthorized');
    expect(inHeader.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    const inProtocol = await refusedUpgrade(t.url, {
      headerToken: null,
      protocols: ['nocturne.v1', `nocturne.bearer.${badToken}`],
    });
    expect(inProtocol.status).toBe(401);
    expect(inProtocol.body.error.message).toMatch(/not valid/);
  });

  it('accepts the token in the Authorization header', async () => {
    const stream = await RawStream.open(t.url, { headerToken: adminToken });
    const snapshot = await stream.helloSnapshot();
    expect(snapshot.users.map((u: any) => u.role)).toContain('admin');
    stream.close();
  });

  it('accepts the token as the subprotocol, and selects only nocturne.v1', async () => {
    const stream = await RawStream.open(t.url, {
      headerToken: null,
      protocols: ['nocturne.v1', `nocturne.bearer.${adminToken}`],
    });
    expect(stream.ws.protocol).toBe('nocturne.v1');
    expect((await stream.helloSnapshot()).type).toBe('snapshot');
    stream.close();
  });

  it('refuses pages of a foreign origin with 403, and allows same-origin and no origin', async () => {
    const foreign = await refusedUpgrade(t.url, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toEqual({
      code: 'origin_not_allowed',
      message: expect.stringContaining('--allow-origin https://evil.example'),
    });
    const same = await RawStream.open(t.url, { origin: t.url });
    expect((await same.helloSnapshot()).type).toBe('snapshot');
    same.close();
  });

  it('answers 404 with the JSON error on another path', async () => {
    const refused = await refusedUpgrade(`${t.url.replace('http', 'ws')}/api/v1/elsewhere`);
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('not_found');
  });

  it('the sync client stops at "unauthorized" on a refused token instead of retrying', async () => {
    const synced = syncedReplica(t.url, { token: badToken });
    await eventually(() => synced.client.status.status === 'unauthorized', 'unauthorized');
    expect(synced.client.status.error?.code).toBe('unauthorized');
    expect(synced.sockets).toHaveLength(1);
    synced.stop();
  });

  it('the sync client asks checkToken when it cannot see the refusal (as in a browser)', async () => {
    // /api/v1/me is the REST check a browser host would make.
    let checks = 0;
    const checkToken = async () => {
      checks += 1;
      return (await client(t.url, badToken).get('/api/v1/me')).status !== 401;
    };
    const synced = syncedReplica(t.url, { token: badToken, checkToken, likeABrowser: true });
    await eventually(() => synced.client.status.status === 'unauthorized', 'unauthorized');
    expect(checks).toBe(1);
    expect(synced.sockets).toHaveLength(2); // checkTokenAfter: 2 closes before open
    synced.stop();
  });
});

describe('stream: allowed origins', () => {
  it('lets pages of an origin in allowedOrigins open the stream', async () => {
    const t = await startTestEngine({ allowedOrigins: ['https://wall.example'] });
    try {
      const allowed = await RawStream.open(t.url, { origin: 'https://wall.example' });
      expect((await allowed.helloSnapshot()).type).toBe('snapshot');
      allowed.close();
      expect((await refusedUpgrade(t.url, { origin: 'https://other.example' })).status).toBe(403);
    } finally {
      await t.dispose();
    }
  });
});
