import { describe, expect, it } from 'vitest';
import {
  defaultRetryPolicy,
  parseRetryAfter,
  retryDelay,
} from '../../../engine/notifications/retryPolicy.js';

describe('notification retry policy', () => {
  const policy = defaultRetryPolicy;

  it('draws each wait from [floor, min(cap, base · 2^(attempt − 1))] (full jitter)', () => {
    const ceilings = [10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 600_000, 600_000];
    ceilings.forEach((ceiling, i) => {
      expect(retryDelay(policy, i + 1, () => 0)).toBe(policy.floorMs);
      expect(retryDelay(policy, i + 1, () => 0.999_999)).toBe(Math.floor(0.999_999 * ceiling));
      expect(retryDelay(policy, i + 1, () => 0.5)).toBe(ceiling / 2);
    });
  });

  it('takes Retry-After as it is, cut to an hour', () => {
    expect(retryDelay(policy, 1, () => 0.5, 120_000)).toBe(120_000);
    expect(retryDelay(policy, 1, () => 0.5, 0)).toBe(0);
    expect(retryDelay(policy, 1, () => 0.5, 86_400_000)).toBe(3_600_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-28T09:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 5 ', now)).toBe(5_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 09:01:30 GMT', now)).toBe(90_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 08:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});
