import { describe, expect, it } from 'vitest';
import { limits } from '../../../shared/domain/limits.js';
import { EngineError } from '../../../engine/errors.js';
import { parseJsonBody } from '../../../engine/http/jsonBody.js';

const parse = (text: string | Buffer) =>
  parseJsonBody(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);

/** The stable code `parse` fails with. */
function codeOf(text: string | Buffer): string {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof EngineError) return `${error.status} ${error.code}`;
    throw error;
  }
  throw new Error('parsed without an error');
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const array = (n: number) => `[${Array.from({ length: n }, (_, i) => i).join(',')}]`;

describe('parseJsonBody', () => {
  it('parses JSON objects, arrays and scalars', () => {
    expect(parse('{"a":[1,{"b":null}],"c":"d"}')).toEqual({ a: [1, { b: null }], c: 'd' });
    expect(parse('[]')).toEqual([]);
    expect(parse('null')).toBeNull();
    expect(parse(' 42 ')).toBe(42);
  });

  it('refuses an empty body and text that is not JSON', () => {
    expect(codeOf('')).toBe('400 invalid_json');
    expect(codeOf('{')).toBe('400 invalid_json');
    expect(codeOf("{'a':1}")).toBe('400 invalid_json');
    expect(codeOf('{"a":1,}')).toBe('400 invalid_json');
  });

  it('refuses bytes that are not UTF-8 (Latin-1, a lone continuation byte, a cut sequence)', () => {
    expect(codeOf(Buffer.from('{"a":"caf\xe9"}', 'latin1'))).toBe('400 invalid_utf8');
    expect(codeOf(Buffer.from([0x7b, 0x22, 0x80, 0x22, 0x3a, 0x31, 0x7d]))).toBe(
      '400 invalid_utf8',
    );
    expect(codeOf(Buffer.from([0x22, 0xe2, 0x82, 0x22]))).toBe('400 invalid_utf8');
  });

  it('takes multi-byte UTF-8', () => {
    expect(parse('{"s":"Störung 🔥"}')).toEqual({ s: 'Störung 🔥' });
  });

  it(`takes ${limits.maxJsonDepth} levels of nesting and refuses one more`, () => {
    expect(() => parse(nested(limits.maxJsonDepth))).not.toThrow();
    expect(codeOf(nested(limits.maxJsonDepth + 1))).toBe('400 too_deeply_nested');
    const objects = (d: number) => '{"a":'.repeat(d) + '1' + '}'.repeat(d);
    expect(() => parse(objects(limits.maxJsonDepth))).not.toThrow();
    expect(codeOf(objects(limits.maxJsonDepth + 1))).toBe('400 too_deeply_nested');
  });

  it('refuses a 100,000-deep body before JSON.parse or anything after it recurses', () => {
    expect(codeOf(nested(100_000))).toBe('400 too_deeply_nested');
  });

  it(`takes arrays of ${limits.maxArrayLength} elements and refuses one more`, () => {
    expect(parse(array(limits.maxArrayLength))).toHaveLength(limits.maxArrayLength);
    expect(codeOf(array(limits.maxArrayLength + 1))).toBe('400 array_too_long');
  });

  it('counts each array on its own, and does not count commas of objects', () => {
    const half = array(limits.maxArrayLength / 2);
    expect(() => parse(`[${half},${half}]`)).not.toThrow();
    const wide = `{${Array.from({ length: 2000 }, (_, i) => `"k${i}":${i}`).join(',')}}`;
    expect(Object.keys(parse(wide) as object)).toHaveLength(2000);
    const inner = `[{${Array.from({ length: 1500 }, (_, i) => `"k${i}":1`).join(',')}}]`;
    expect(() => parse(inner)).not.toThrow();
  });

  it('ignores brackets and commas inside strings', () => {
    const brackets = `{"s":"${'['.repeat(100)}${','.repeat(5000)}"}`;
    expect((parse(brackets) as { s: string }).s).toHaveLength(5100);
    expect(parse(`["${'{'.repeat(40)}"]`)).toEqual(['{'.repeat(40)]);
  });

  it('follows escaped quotes and backslashes to the real end of a string', () => {
    // "a\"[[[" is one string; after it the brackets count again.
    expect(parse('{"s":"a\\"[[[","t":1}')).toEqual({ s: 'a"[[[', t: 1 });
    // "\\" ends after the escaped backslash: the next bracket is structure.
    const deep = '["\\\\",' + nested(limits.maxJsonDepth) + ']';
    expect(codeOf(deep)).toBe('400 too_deeply_nested');
    expect(parse('["\\\\",[]]')).toEqual(['\\', []]);
    // An escaped quote must not end the string: the commas after it stay inside.
    expect(parse(`["\\"${','.repeat(2000)}"]`)).toEqual([`"${','.repeat(2000)}`]);
  });

  it('refuses closing brackets with nothing open, so they cannot hide later nesting', () => {
    expect(codeOf(']]]]' + nested(40))).toBe('400 invalid_json');
    expect(codeOf('{}}' + '['.repeat(30))).toBe('400 invalid_json');
  });

  it('replaces lone surrogates sent as escapes with U+FFFD, in values and keys', () => {
    expect(parse('{"s":"a\\ud800b","t":["\\udc00"]}')).toEqual({ s: 'a\uFFFDb', t: ['\uFFFD'] });
    expect(parse('{"k\\ud83d":1}')).toEqual({ 'k\uFFFD': 1 });
    // Escaped pairs are whole characters and stay as they are.
    expect(parse('"\\ud83d\\udd25"')).toBe('\u{1F525}');
  });

  it('keeps an own __proto__ key a plain key while fixing surrogates', () => {
    const value = parse('{"__proto__":{"x":"\\ud800"},"a":"b"}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ x: '\uFFFD' });
  });
});
