import { describe, expect, it } from 'vitest';
import { RateLimiter, type RateLimit } from '../../../engine/ingest/rateLimiter.js';

/** A clock that moves only when the test says so. */
function fakeClock(start = 1_800_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

function limiter(limit: RateLimit) {
  const clock = fakeClock();
  return { clock, limiter: new RateLimiter(limit, clock) };
}

describe('RateLimiter', () => {
  it('lets a quiet key send a burst at once, then asks it to wait', () => {
    const { limiter: l } = limiter({ perSecond: 2, burst: 5 });
    for (let i = 0; i < 5; i += 1) expect(l.take('k')).toBe(0);
    expect(l.take('k')).toBe(1);
  });

  it('refills at the sustained rate', () => {
    const { clock, limiter: l } = limiter({ perSecond: 2, burst: 1 });
    expect(l.take('k')).toBe(0);
    expect(l.take('k')).toBeGreaterThan(0);
    clock.advance(499);
    expect(l.take('k')).toBeGreaterThan(0);
    clock.advance(1);
    expect(l.take('k')).toBe(0);
  });

  it('never holds more than the burst, however long the key was quiet', () => {
    const { clock, limiter: l } = limiter({ perSecond: 10, burst: 3 });
    l.take('k');
    clock.advance(3_600_000);
    for (let i = 0; i < 3; i += 1) expect(l.take('k')).toBe(0);
    expect(l.take('k')).toBeGreaterThan(0);
  });

  it('advises a wait in whole seconds that is enough: after it, the next request passes', () => {
    for (const limit of [
      { perSecond: 0.1, burst: 1 },
      { perSecond: 0.25, burst: 2 },
      { perSecond: 1, burst: 1 },
      { perSecond: 3, burst: 4 },
      { perSecond: 1000, burst: 1 },
    ]) {
      const { clock, limiter: l } = limiter(limit);
      while (l.take('k') === 0);
      const wait = l.take('k');
      expect(Number.isInteger(wait), JSON.stringify(limit)).toBe(true);
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBe(Math.max(1, Math.ceil(1 / limit.perSecond)));
      clock.advance(wait * 1000);
      expect(l.take('k'), JSON.stringify(limit)).toBe(0);
    }
  });

  it('does not charge refused requests: a flood does not push the wait out further', () => {
    const { clock, limiter: l } = limiter({ perSecond: 1, burst: 1 });
    l.take('k');
    for (let i = 0; i < 1000; i += 1) expect(l.take('k')).toBe(1);
    clock.advance(1000);
    expect(l.take('k')).toBe(0);
  });

  it('limits each key on its own', () => {
    const { limiter: l } = limiter({ perSecond: 1, burst: 1 });
    expect(l.take('a')).toBe(0);
    expect(l.take('a')).toBe(1);
    expect(l.take('b')).toBe(0);
  });

  it('is off with perSecond 0', () => {
    const { limiter: l } = limiter({ perSecond: 0, burst: 1 });
    for (let i = 0; i < 10_000; i += 1) expect(l.take('k')).toBe(0);
  });

  it('forgets keys whose buckets are full again, so many keys do not grow memory for ever', () => {
    const { clock, limiter: l } = limiter({ perSecond: 10, burst: 10 });
    for (let i = 0; i < 5000; i += 1) l.take(`key-${i}`);
    const buckets = (l as unknown as { buckets: Map<string, unknown> }).buckets;
    expect(buckets.size).toBe(5000);
    clock.advance(61_000);
    l.take('fresh');
    expect(buckets.size).toBe(1);
    // A forgotten key starts with a full burst again: forgetting lost nothing.
    for (let i = 0; i < 10; i += 1) expect(l.take('key-1')).toBe(0);
  });
});
