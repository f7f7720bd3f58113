import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRestClient } from '../../renderer/transport/restClient.js';

function fakeFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const seen: Array<{ url: string; init: RequestInit }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return answer(url, init);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, seen };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const Thing = z.object({ id: z.string() });

describe('the REST client', () => {
  it('sends the bearer token and JSON, and validates the answer', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, { id: '7', extra: true }));
    const rest = createRestClient({ engineUrl: 'http://e:1', token: () => 'noc_t', fetch });
    const result = await rest('POST', '/api/v1/x', Thing, { a: 1 });
    expect(result).toEqual({ ok: true, value: { id: '7' } });
    const headers = seen[0]!.init.headers as Record<string, string>;
    expect(seen[0]!.url).toBe('http://e:1/api/v1/x');
    expect(headers.Authorization).toBe('Bearer noc_t');
    expect(headers['Content-Type']).toBe('application/json');
    expect(seen[0]!.init.body).toBe('{"a":1}');
  });

  it('maps engine errors to their code and a sentence', async () => {
    const answers: Record<string, Response> = {
      '/401': json(401, {
        error: { code: 'unauthorized', message: 'The API token is not valid.' },
      }),
      '/409': json(409, {
        error: { code: 'illegal_transition', message: 'A resolved alert cannot be accepted.' },
      }),
      '/502': new Response('<html>bad gateway</html>', { status: 502 }),
    };
    const { fetch } = fakeFetch((url) => answers[new URL(url).pathname]!);
    const rest = createRestClient({ engineUrl: 'http://e:1', token: () => 't', fetch });
    const r401 = await rest('GET', '/401', Thing);
    expect(r401.ok || r401.error).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(r401.ok || r401.error.message).toContain('Sign in again');
    const r409 = await rest('GET', '/409', Thing);
    expect(r409.ok || r409.error).toEqual({
      code: 'illegal_transition',
      message: 'A resolved alert cannot be accepted.',
      status: 409,
    });
    const r502 = await rest('GET', '/502', Thing);
    expect(r502.ok || r502.error).toMatchObject({ code: 'internal_error', status: 502 });
  });

  it('tells an unreachable engine and an answer it does not understand', async () => {
    const down = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const rest = createRestClient({
      engineUrl: 'http://other:1',
      token: () => 't',
      fetch: down.fetch,
      pageOrigin: 'http://127.0.0.1:7070',
    });
    const unreachable = await rest('GET', '/x', Thing);
    expect(unreachable.ok || unreachable.error.code).toBe('engine_unreachable');
    expect(unreachable.ok || unreachable.error.message).toContain(
      'open the console at that address',
    );
    const odd = fakeFetch(() => json(200, { id: 7 }));
    const strict = createRestClient({
      engineUrl: 'http://e:1',
      token: () => 't',
      fetch: odd.fetch,
    });
    const result = await strict('GET', '/x', Thing);
    expect(result.ok || result.error.code).toBe('invalid_response');
    expect(result.ok || result.error.message).toContain('id:');
  });
});
