import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bearerToken } from '../../../engine/auth/authenticate.js';
import { EngineError } from '../../../engine/errors.js';
import { toErrorReply } from '../../../engine/http/errorReply.js';
import { toIssues } from '../../../engine/validation.js';

/** An error as Fastify raises it from body parsing. */
const fastifyError = (code: string, statusCode: number) =>
  Object.assign(new Error(`fastify ${code}`), { code, statusCode });

describe('toErrorReply', () => {
  it('answers an EngineError with its status, code, message, issues and headers', () => {
    const reply = toErrorReply(
      new EngineError(429, 'rate_limited', 'Slow down.', [{ path: 'x', message: 'y' }], {
        'Retry-After': '3',
      }),
    );
    expect(reply).toEqual({
      status: 429,
      body: {
        error: {
          code: 'rate_limited',
          message: 'Slow down.',
          issues: [{ path: 'x', message: 'y' }],
        },
      },
      headers: { 'Retry-After': '3' },
      unexpected: false,
    });
  });

  it.each([
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 413, 'payload_too_large'],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 415, 'unsupported_media_type'],
    ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', 400, 415, 'unsupported_media_type'],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 400, 'invalid_json'],
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 400, 'invalid_json'],
    ['FST_ERR_SOMETHING_ELSE', 400, 400, 'invalid_request'],
  ])('maps Fastify %s to %i %s', (code, fastifyStatus, status, ourCode) => {
    const reply = toErrorReply(fastifyError(code, fastifyStatus));
    expect(reply.status).toBe(status);
    expect(reply.body.error.code).toBe(ourCode);
    expect(reply.unexpected).toBe(false);
  });

  it('answers a ZodError that escaped validation as 400 invalid_request with issues', () => {
    const result = z.object({ a: z.string() }).safeParse({});
    const reply = toErrorReply(result.error);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 'invalid_request', issues: [{ path: 'a' }] });
  });

  it('answers anything else as 500 internal_error, flagged for the log, without its details', () => {
    const reply = toErrorReply(new TypeError('x is undefined at secret.ts:12'));
    expect(reply.status).toBe(500);
    expect(reply.body.error.code).toBe('internal_error');
    expect(reply.body.error.message).not.toContain('secret');
    expect(reply.unexpected).toBe(true);
    expect(toErrorReply('a string').status).toBe(500);
    expect(toErrorReply(null).status).toBe(500);
  });
});

describe('toIssues', () => {
  it('names an unknown field by its own path', () => {
    const result = z.strictObject({ a: z.string().optional() }).safeParse({ b: 1, c: 2 });
    expect(toIssues(result.error!)).toEqual([
      { path: 'b', message: 'is not a known field' },
      { path: 'c', message: 'is not a known field' },
    ]);
  });

  it('calls the root "(body)", and cuts paths that would echo huge field names', () => {
    expect(toIssues(z.string().safeParse(1).error!)[0]!.path).toBe('(body)');
    const huge = 'n'.repeat(10_000);
    const result = z.record(z.string().max(5), z.string()).safeParse({ [huge]: 'v' });
    expect(toIssues(result.error!)[0]!.path.length).toBeLessThanOrEqual(200);
  });

  it('reports at most 20 issues', () => {
    const result = z.array(z.string()).safeParse(Array.from({ length: 50 }, (_, i) => i));
    expect(toIssues(result.error!)).toHaveLength(20);
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer noc_abc', 'noc_abc'],
    ['bearer noc_abc', 'noc_abc'],
    ['Bearer   noc_abc  ', 'noc_abc'],
    ['Basic dXNlcjpwYXNz', null],
    ['Bearer', null],
    ['Bearer a b', null],
    ['', null],
    [undefined, null],
  ])('reads %j as %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
