import { describe, expect, it } from 'vitest';
import {
  AlertActionRequest,
  AssignRequest,
  CommentRequest,
  ListAlertsQuery,
} from '../../shared/api/alerts.js';
import {
  CreateAlertSourceRequest,
  UpdateAlertSourceRequest,
} from '../../shared/api/alertSources.js';
import { ApiErrorBody, ErrorCode } from '../../shared/api/errors.js';

const list = (query: Record<string, unknown>) => ListAlertsQuery.safeParse(query);

describe('ListAlertsQuery', () => {
  it('defaults to 50 newest alerts without filters', () => {
    expect(ListAlertsQuery.parse({})).toEqual({ limit: 50 });
  });

  it('takes repeated and comma-separated filters alike', () => {
    expect(list({ state: ['PENDING', 'ACCEPTED,RESOLVED'] }).data?.state).toEqual([
      'PENDING',
      'ACCEPTED',
      'RESOLVED',
    ]);
    expect(list({ priority: 'HIGH,LOW' }).data?.priority).toEqual(['HIGH', 'LOW']);
    expect(list({ source: '1,22' }).data?.source).toEqual(['1', '22']);
    expect(list({ state: 'PENDING,,' }).data?.state).toEqual(['PENDING']);
  });

  it('coerces the limit from its query-string text', () => {
    expect(list({ limit: '7' }).data?.limit).toBe(7);
  });

  it.each([
    ['an unknown state', { state: 'OPEN' }],
    ['a lower-case state', { state: 'pending' }],
    ['an unknown priority', { priority: 'P1' }],
    ['a source that is no id', { source: 'abc' }],
    ['a source id past 15 digits', { source: '1234567890123456' }],
    ['a limit of 0', { limit: '0' }],
    ['a limit over 500', { limit: '501' }],
    ['a fractional limit', { limit: '2.5' }],
    ['a limit that is no number', { limit: 'ten' }],
    ['a repeated limit', { limit: ['1', '2'] }],
    ['a search text over 200 characters', { q: 'x'.repeat(201) }],
    ['a repeated search text', { q: ['a', 'b'] }],
    ['a search text with a NUL', { q: 'a\u0000' }],
    ['a time that is no time', { from: 'yesterday' }],
    ['a bare number as time', { from: '1' }],
    ['a time without an offset', { to: '2026-11-28T09:00:00' }],
    ['a date without a time', { from: '2026-11-28' }],
    ['an hour that does not exist', { from: '2026-11-28T25:00:00Z' }],
    ['a cursor over 200 characters', { cursor: 'x'.repeat(201) }],
    ['an unknown parameter', { sort: 'asc' }],
  ])('refuses %s', (_name, query) => {
    expect(list(query).success).toBe(false);
  });

  it.each(['2026-11-28T09:00:00Z', '2026-11-28T09:00:00.123Z', '2026-11-28T10:00:00+01:00'])(
    'takes the RFC 3339 time %s',
    (time) => {
      expect(list({ from: time, to: time }).success).toBe(true);
    },
  );
});

describe('alert action bodies', () => {
  it('accept and resolve take no body or an optional comment', () => {
    expect(AlertActionRequest.parse(undefined)).toEqual({});
    expect(AlertActionRequest.parse({ comment: '  on it  ' })).toEqual({ comment: 'on it' });
    expect(AlertActionRequest.safeParse({ comment: '   ' }).success).toBe(false);
    expect(AlertActionRequest.safeParse({ note: 'x' }).success).toBe(false);
    expect(AlertActionRequest.safeParse(null).success).toBe(false);
  });

  it('a comment needs text, and at most 16 KB of it', () => {
    expect(CommentRequest.parse({ text: ' checked the disk ' })).toEqual({
      text: 'checked the disk',
    });
    expect(CommentRequest.safeParse({ text: '' }).success).toBe(false);
    expect(CommentRequest.safeParse({ text: 5 }).success).toBe(false);
    expect(CommentRequest.safeParse({ text: 'x'.repeat(16 * 1024 + 1) }).success).toBe(false);
  });

  it('assign takes a user id or null', () => {
    expect(AssignRequest.parse({ userId: '12' })).toEqual({ userId: '12' });
    expect(AssignRequest.parse({ userId: null })).toEqual({ userId: null });
    expect(AssignRequest.safeParse({ userId: 12 }).success).toBe(false);
    expect(AssignRequest.safeParse({ userId: '1e3' }).success).toBe(false);
    expect(AssignRequest.safeParse({ userId: '9'.repeat(16) }).success).toBe(false);
    expect(AssignRequest.safeParse({}).success).toBe(false);
  });
});

describe('alert source bodies', () => {
  it('trims names and refuses blank or overlong ones', () => {
    expect(CreateAlertSourceRequest.parse({ name: ' Prometheus ' }).name).toBe('Prometheus');
    expect(CreateAlertSourceRequest.safeParse({ name: ' ' }).success).toBe(false);
    expect(CreateAlertSourceRequest.safeParse({ name: 'x'.repeat(201) }).success).toBe(false);
    expect(CreateAlertSourceRequest.safeParse({ name: 'a', key: 'x' }).success).toBe(false);
  });

  it('changes only what is given', () => {
    expect(UpdateAlertSourceRequest.parse({})).toEqual({});
    expect(UpdateAlertSourceRequest.parse({ rotateIntegrationKey: true })).toEqual({
      rotateIntegrationKey: true,
    });
  });
});

describe('ApiErrorBody', () => {
  it('takes only the stable codes', () => {
    const body = { error: { code: 'invalid_json', message: 'The body is not valid JSON.' } };
    expect(ApiErrorBody.parse(body)).toEqual(body);
    expect(ApiErrorBody.safeParse({ error: { code: 'oops', message: 'x' } }).success).toBe(false);
  });

  it('has no duplicate codes, all in snake_case', () => {
    expect(new Set(ErrorCode.options).size).toBe(ErrorCode.options.length);
    for (const code of ErrorCode.options) expect(code).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
  });
});
