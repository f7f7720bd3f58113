import { isUtf8 } from 'node:buffer';
import { limits } from '../../shared/domain/limits.js';
import { EngineError } from '../errors.js';

/**
 * Checks the shape of raw JSON before parsing it: nesting depth and array lengths. JSON.parse
 * copes with deep nesting, but everything after it (validation, JSON.stringify into the store)
 * recurses, so a 500,000-deep body must be refused here. One pass over the bytes, tracking
 * strings so brackets inside them do not count.
 */
function checkStructure(buf: Buffer): void {
  const arrayCounts: number[] = []; // per open container: commas so far (-1 for objects)
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i += 1) {
    const c = buf[i]!;
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    switch (c) {
      case 0x22: // "
        inString = true;
        break;
      case 0x5b: // [
      case 0x7b: // {
        depth += 1;
        if (depth > limits.maxJsonDepth) {
          throw new EngineError(
            400,
            'too_deeply_nested',
            `The body nests arrays and objects more than ${limits.maxJsonDepth} levels deep.`,
          );
        }
        arrayCounts.push(c === 0x5b ? 0 : -1);
        break;
      case 0x5d: // ]
      case 0x7d: // }
        depth -= 1;
        // A closer with nothing open: not JSON, and it would let later nesting go uncounted.
        if (depth < 0) throw new EngineError(400, 'invalid_json', 'The body is not valid JSON.');
        arrayCounts.pop();
        break;
      case 0x2c: {
        // , separates elements: count them in arrays
        const top = arrayCounts.length - 1;
        if (top >= 0 && arrayCounts[top]! >= 0) {
          arrayCounts[top]! += 1;
          if (arrayCounts[top]! >= limits.maxArrayLength) {
            throw new EngineError(
              400,
              'array_too_long',
              `An array in the body has more than ${limits.maxArrayLength} elements.`,
            );
          }
        }
        break;
      }
    }
  }
}

/** Parses a JSON request body: valid UTF-8, bounded structure, then JSON. */
export function parseJsonBody(buf: Buffer): unknown {
  if (buf.length === 0) {
    throw new EngineError(400, 'invalid_json', 'The body is empty; send a JSON object.');
  }
  if (!isUtf8(buf)) {
    throw new EngineError(
      400,
      'invalid_utf8',
      'The body is not valid UTF-8 text; JSON must be sent as UTF-8.',
    );
  }
  checkStructure(buf);
  const text = buf.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new EngineError(
      400,
      'invalid_json',
      `The body is not valid JSON: ${(error as Error).message}.`,
    );
  }
  return escapedSurrogate.test(text) ? wellFormed(value) : value;
}

/** A `\uD800`–`\uDFFF` escape: the only way a lone surrogate gets into valid UTF-8 JSON. */
const escapedSurrogate = /\\u[dD][89a-fA-F]/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Replaces lone surrogates (in strings and keys) with U+FFFD, as TextEncoder does. The store
 * keeps text as UTF-8, which cannot hold them: kept, they would come back as three garbage
 * characters, and differently before and after a restart. Objects are changed in place with
 * defineProperty, so an own `__proto__` key stays a plain key.
 */
function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(loneSurrogate, '\uFFFD');
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = wellFormed(value[i]);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const fixedKey = key.replace(loneSurrogate, '\uFFFD');
      const fixed = wellFormed(object[key]);
      if (fixedKey !== key) delete object[key];
      Object.defineProperty(object, fixedKey, {
        value: fixed,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
  }
  return value;
}
