import type { Clock } from '../clock.js';

export interface RateLimit {
  /** Requests per second a key may send, sustained; 0 switches limiting off. */
  readonly perSecond: number;
  /** Requests a key may send at once after being quiet. */
  readonly burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per integration key: a flood from one sender (a monitoring loop gone wrong)
 * gets 429 with Retry-After instead of starving everyone else. Unknown keys are limited too.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: Clock,
  ) {}

  /** Takes one request's token; returns 0 when allowed, else the seconds to wait. */
  take(key: string): number {
    if (this.limit.perSecond <= 0) return 0;
    const now = this.clock.now();
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(
      this.limit.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond,
    );
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.perSecond));
  }

  /** Forgets keys whose buckets are full again, so the map does not grow without bound. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    const refillMs = (this.limit.burst / this.limit.perSecond) * 1000;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at > refillMs) this.buckets.delete(key);
    }
  }
}
