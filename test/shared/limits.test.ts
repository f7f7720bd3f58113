import { describe, expect, it } from 'vitest';
import { limits, truncate } from '../../shared/domain/limits.js';

/** No lone surrogate (String#isWellFormed is ES2024, past this project's lib). */
const wellFormed = (s: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('truncate', () => {
  it('leaves text at or under the limit as it is', () => {
    expect(truncate('', 5)).toBe('');
    expect(truncate('abcde', 5)).toBe('abcde');
  });

  it('cuts longer text to exactly the limit, ending with an ellipsis', () => {
    const cut = truncate('abcdefgh', 5);
    expect(cut).toBe('abcd…');
    expect(cut).toHaveLength(5);
  });

  it('cuts a summary to the documented 1024 characters', () => {
    const cut = truncate('x'.repeat(5000), limits.summaryChars);
    expect(cut).toHaveLength(1024);
    expect(cut.endsWith('x…')).toBe(true);
  });

  it('never splits a surrogate pair: the whole emoji goes when it straddles the cut', () => {
    // 'ab' + 😀 (two code units) + 'cd': a cut after 3 units would leave half of the emoji.
    const text = 'ab\u{1F600}cd';
    const cut = truncate(text, 4);
    expect(cut).toBe('ab…');
    expect(wellFormed(cut)).toBe(true);
  });

  it('keeps an emoji that fits whole before the ellipsis', () => {
    expect(truncate('a\u{1F600}bcdef', 4)).toBe('a\u{1F600}…');
  });

  it('stays well-formed for every cut position through a run of emoji', () => {
    const text = '\u{1F525}'.repeat(20);
    for (let max = 2; max < text.length; max += 1) {
      const cut = truncate(text, max);
      expect(wellFormed(cut), `max ${max}`).toBe(true);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.endsWith('…')).toBe(true);
    }
  });
});

describe('limits', () => {
  it('holds the numbers docs/ingest.md documents', () => {
    expect(limits).toMatchObject({
      maxBodyBytes: 524288,
      maxJsonDepth: 32,
      maxArrayLength: 1000,
      summaryChars: 1024,
      alertKeyChars: 255,
    });
  });
});
