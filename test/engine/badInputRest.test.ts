import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../helpers/http.js';
import {
  expectIntact,
  ingestClients,
  seedBaseline,
  type Baseline,
  type IngestClients,
} from '../helpers/ingest.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';

const b64 = (text: string) => Buffer.from(text).toString('base64url');

/**
 * Bad input to the REST API, one test each: cursors, ids, query parameters and bodies. After
 * each test the engine still answers and the alerts accepted before are unchanged.
 */
describe('bad input: REST API', () => {
  let t: TestEngine;
  let io: IngestClients;
  let baseline: Baseline;
  let alertId: string;
  beforeAll(async () => {
    t = await startTestEngine();
    io = ingestClients(t);
    baseline = await seedBaseline(t);
    alertId = baseline.alerts[0].id;
  });
  afterEach(() => expectIntact(t, baseline));
  afterAll(() => t.dispose());

  function expectError(
    res: { status: number; body: any },
    status: number,
    code: string,
    issue?: string,
  ) {
    expect(res.status).toBe(status);
    expect(res.body).toEqual({
      error: {
        code,
        message: expect.any(String),
        ...(res.body?.error?.issues ? { issues: expect.any(Array) } : {}),
      },
    });
    if (issue) {
      const paths: string[] = res.body.error.issues.map((i: any) => i.path);
      expect(
        paths.some((p) => p === issue || p.startsWith(`${issue}.`)),
        paths.join(),
      ).toBe(true);
    }
  }

  describe('cursors', () => {
    it.each([
      ['garbage', 'not-a-cursor'],
      ['base64 of garbage', b64('hello world')],
      ['a log cursor', b64('log.3')],
      ['a cursor with SQL in it', b64("1.1' OR '1'='1")],
    ])('a list cursor that is %s → 400 invalid_cursor', async (_name, cursor) => {
      expectError(await io.admin.get(`/api/v1/alerts?cursor=${cursor}`), 400, 'invalid_cursor');
    });

    it('a list cursor over 200 characters → 400 invalid_request naming cursor', async () => {
      expectError(
        await io.admin.get(`/api/v1/alerts?cursor=${'A'.repeat(201)}`),
        400,
        'invalid_request',
        'cursor',
      );
    });

    it('a list cursor on the log → 400 invalid_cursor', async () => {
      const listCursor = b64(`${Date.now()}.5`);
      expectError(
        await io.admin.get(`/api/v1/alerts/${alertId}/log?cursor=${listCursor}`),
        400,
        'invalid_cursor',
      );
    });

    it('a valid cursor past every alert → an empty last page', async () => {
      const res = await io.admin.get(`/api/v1/alerts?cursor=${b64('0.0')}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [], nextCursor: null });
    });
  });

  describe('ids', () => {
    it.each(['abc', '-1', '1.5', '0x10', '1e3', '%20', '12345678901234567890', '987654'])(
      'GET /api/v1/alerts/%s → 404 alert_not_found',
      async (id) => {
        expectError(await io.admin.get(`/api/v1/alerts/${id}`), 404, 'alert_not_found');
      },
    );

    it.each(['accept', 'resolve', 'comment', 'assign', 'log'])(
      'a bad id on /%s → 404 alert_not_found',
      async (action) => {
        const bodies: Record<string, unknown> = {
          comment: { text: 'x' },
          assign: { userId: null },
        };
        const res =
          action === 'log'
            ? await io.admin.get('/api/v1/alerts/abc/log')
            : await io.admin.post(`/api/v1/alerts/abc/${action}`, bodies[action]);
        expectError(res, 404, 'alert_not_found');
      },
    );

    it('a bad alert source id → 404 alert_source_not_found', async () => {
      expectError(await io.admin.get('/api/v1/alert-sources/abc'), 404, 'alert_source_not_found');
      expectError(
        await io.admin.patch('/api/v1/alert-sources/-3', { name: 'x' }),
        404,
        'alert_source_not_found',
      );
      expectError(
        await io.admin.delete('/api/v1/alert-sources/99999'),
        404,
        'alert_source_not_found',
      );
    });

    it('a broken %-escape in the path → 400 invalid_request in our error shape', async () => {
      expectError(await io.admin.get('/api/v1/alerts/%ZZ'), 400, 'invalid_request');
    });
  });

  describe('query parameters', () => {
    it.each([
      ['state', 'state=OPEN'],
      ['state', 'state=pending'],
      ['priority', 'priority=P1'],
      ['source', 'source=abc'],
      ['source', 'source=1,x'],
      ['limit', 'limit=0'],
      ['limit', 'limit=501'],
      ['limit', 'limit=ten'],
      ['limit', 'limit=1e400'],
      ['limit', 'limit=1&limit=2'],
      ['q', `q=${'x'.repeat(201)}`],
      ['q', 'q=%00'], // SQLite's LIKE would stop at the NUL and match everything
      ['from', 'from=yesterday'],
      ['from', 'from=1'],
      ['to', 'to=2026-11-28T09:00:00'],
      ['to', 'to=2026-13-01T00:00:00Z'],
      ['sort', 'sort=asc'],
      ['q[x]', 'q[x]=1'],
    ])('a bad %s (%s) → 400 invalid_request naming it', async (name, query) => {
      expectError(await io.admin.get(`/api/v1/alerts?${query}`), 400, 'invalid_request', name);
    });

    it('log limits out of range → 400 invalid_request', async () => {
      for (const query of ['limit=0', 'limit=1001', 'limit=x', 'page=2']) {
        const res = await io.admin.get(`/api/v1/alerts/${alertId}/log?${query}`);
        expectError(res, 400, 'invalid_request');
      }
    });

    it('odd but valid text in q is searched for literally', async () => {
      for (const q of ["'; DROP TABLE alerts; --", '%25%25', '_', '\\', '"', '%F0%9F%94%A5']) {
        const res = await io.admin.get(`/api/v1/alerts?q=${q}`);
        expect(res.status).toBe(200);
        expect(res.body.items).toEqual([]);
      }
    });
  });

  describe('bodies', () => {
    const post = (path: string, raw: string, type = 'application/json') =>
      io.admin.post(path, undefined, { raw, headers: { 'content-type': type } });

    it('malformed JSON → 400 invalid_json', async () => {
      expectError(await post(`/api/v1/alerts/${alertId}/comment`, '{"text":'), 400, 'invalid_json');
    });

    it('a text/plain body → 415 unsupported_media_type', async () => {
      expectError(
        await post(`/api/v1/alerts/${alertId}/comment`, 'hello', 'text/plain'),
        415,
        'unsupported_media_type',
      );
    });

    it('null as an accept body → 400 invalid_request', async () => {
      expectError(
        await post(`/api/v1/alerts/${alertId}/accept`, 'null'),
        400,
        'invalid_request',
        '(body)',
      );
    });

    it('an array as a comment body → 400 invalid_request', async () => {
      expectError(
        await post(`/api/v1/alerts/${alertId}/comment`, '["x"]'),
        400,
        'invalid_request',
        '(body)',
      );
    });

    it('a comment without text → 400 invalid_request naming text', async () => {
      expectError(
        await io.admin.post(`/api/v1/alerts/${alertId}/comment`, {}),
        400,
        'invalid_request',
        'text',
      );
      expectError(
        await io.admin.post(`/api/v1/alerts/${alertId}/comment`, { text: '   ' }),
        400,
        'invalid_request',
        'text',
      );
    });

    it('a comment over 16 KB → 400 invalid_request naming text', async () => {
      const res = await io.admin.post(`/api/v1/alerts/${alertId}/comment`, {
        text: 'c'.repeat(16 * 1024 + 1),
      });
      expectError(res, 400, 'invalid_request', 'text');
    });

    it('an unknown field in an accept body → 400 invalid_request naming it', async () => {
      expectError(
        await io.admin.post(`/api/v1/alerts/${alertId}/accept`, { note: 'x' }),
        400,
        'invalid_request',
        'note',
      );
    });

    it('a comment of the wrong type on accept → 400 invalid_request naming comment', async () => {
      expectError(
        await io.admin.post(`/api/v1/alerts/${alertId}/accept`, { comment: 5 }),
        400,
        'invalid_request',
        'comment',
      );
    });

    it.each([
      ['a number', { userId: 5 }],
      ['no id', { userId: '' }],
      ['an id past 15 digits', { userId: '1234567890123456' }],
      ['nothing', {}],
    ])('an assign with %s as userId → 400 invalid_request naming userId', async (_name, body) => {
      expectError(
        await io.admin.post(`/api/v1/alerts/${alertId}/assign`, body),
        400,
        'invalid_request',
        'userId',
      );
    });

    it('an alert source named with a number → 400 invalid_request naming name', async () => {
      expectError(
        await io.admin.post('/api/v1/alert-sources', { name: 5 }),
        400,
        'invalid_request',
        'name',
      );
    });
  });

  describe('routes and tokens', () => {
    it('an unknown route or method → 404 not_found', async () => {
      expectError(await io.admin.get('/api/v1/nothing-here'), 404, 'not_found');
      expectError(await io.admin.request('PUT', '/api/v1/alerts'), 404, 'not_found');
      expectError(await io.admin.get('/api/events'), 404, 'not_found');
    });

    it.each([
      ['no token', null],
      ['a token of nobody', 'noc_nobody-has-this-token-0000000000000'],
      ['a token with Latin-1 characters', `noc_${'é'.repeat(30)}`],
    ])('%s → 401 unauthorized', async (_name, token) => {
      expectError(await client(t.url, token).get('/api/v1/alerts'), 401, 'unauthorized');
    });

    it('a Basic authorization header → 401 unauthorized', async () => {
      const res = await client(t.url, null).get('/api/v1/alerts', {
        headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
      });
      expectError(res, 401, 'unauthorized');
    });
  });
});
