import { describe, expect, it } from 'vitest';
import {
  decodeCursor,
  decodeLogCursor,
  encodeCursor,
} from '../../../engine/alerts/alertQueries.js';
import { EngineError } from '../../../engine/errors.js';

const b64 = (text: string) => Buffer.from(text, 'latin1').toString('base64url');

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof EngineError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'no error';
}

describe('alert list cursors', () => {
  it('round-trip the position of the last row served', () => {
    for (const cursor of [
      { createdAt: 0, id: 0 },
      { createdAt: 1_795_856_400_123, id: 42 },
      { createdAt: 999_999_999_999_999, id: 999_999_999_999_999 },
    ]) {
      expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    }
  });

  it('are URL-safe text without padding', () => {
    expect(encodeCursor({ createdAt: 1_795_856_400_123, id: 42 })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['empty', ''],
    ['not base64', '!!!!'],
    ['garbage that decodes', b64('hello')],
    ['a missing id', b64('1795856400123.')],
    ['a negative time', b64('-1.5')],
    ['a fractional id', b64('1795856400123.4.5')],
    ['numbers past 15 digits', b64('1234567890123456.1')],
    ['trailing text', b64('1795856400123.42 OR 1=1')],
    ['a log cursor', b64('log.42')],
  ])('refuse %s with 400 invalid_cursor', (_name, text) => {
    expect(codeOf(() => decodeCursor(text))).toBe('400 invalid_cursor');
  });
});

describe('alert log cursors', () => {
  it('start at the beginning without a cursor', () => {
    expect(decodeLogCursor(undefined)).toBe(0);
    expect(decodeLogCursor('')).toBe(0);
  });

  it('decode the id of the last entry served', () => {
    expect(decodeLogCursor(b64('log.42'))).toBe(42);
  });

  it.each([
    ['a list cursor', encodeCursor({ createdAt: 1, id: 2 })],
    ['garbage', 'abc'],
    ['a negative id', b64('log.-1')],
  ])('refuse %s with 400 invalid_cursor', (_name, text) => {
    expect(codeOf(() => decodeLogCursor(text))).toBe('400 invalid_cursor');
  });
});
