import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Client } from '../helpers/http.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';

describe('bad input: compressed bodies', () => {
  let t: TestEngine;
  let api: Client;
  let key: string;
  beforeAll(async () => {
    t = await startTestEngine();
    api = client(t.url);
    key = (await api.post('/api/v1/alert-sources', { name: 'gzip' })).body.integrationKey;
  });
  afterAll(() => t.dispose());

  it('refuses a gzip-encoded body with 415 and says to send it uncompressed', async () => {
    const body = gzipSync(
      JSON.stringify({ integrationKey: key, eventType: 'ALERT', summary: 'zipped' }),
    );
    const res = await api.post('/api/events', undefined, {
      raw: body,
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
    expect(res.body.error.message).toMatch(/uncompressed/);
    expect((await api.get('/api/v1/alerts')).body.items).toEqual([]);
  });

  it('accepts Content-Encoding: identity', async () => {
    const res = await api.post('/api/events', undefined, {
      raw: JSON.stringify({ integrationKey: key, eventType: 'ALERT', summary: 'plain' }),
      headers: { 'content-type': 'application/json', 'content-encoding': 'identity' },
    });
    expect(res.status).toBe(202);
  });
});
