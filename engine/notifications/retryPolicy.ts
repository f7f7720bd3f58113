/**
 * When the outbox tries a failed notification again (docs/notifications.md, "Retries"):
 * exponential backoff with full jitter — a uniformly random wait in [floor, min(cap, base ·
 * 2^(attempt − 1))] — so that many notifications failing at once against one server do not
 * come back in step; a `Retry-After` the receiver sent wins; after `maxAttempts` sends it gives up.
 */
export interface RetryPolicy {
  readonly baseMs: number;
  readonly capMs: number;
  /** No wait is shorter than this (full jitter may draw 0). */
  readonly floorMs: number;
  /** Sends before giving up, the first included. */
  readonly maxAttempts: number;
  /** A longer Retry-After is cut to this (a receiver asking for a day would lose the page). */
  readonly maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  baseMs: 10_000,
  capMs: 10 * 60_000,
  floorMs: 1_000,
  maxAttempts: 8,
  maxRetryAfterMs: 60 * 60_000,
};

/**
 * How long to wait after the `attempt`-th send (1-based) failed. `random` is in [0, 1);
 * `retryAfterMs` is what the receiver asked for, if anything.
 */
export function retryDelay(
  policy: RetryPolicy,
  attempt: number,
  random: () => number,
  retryAfterMs: number | null = null,
): number {
  if (retryAfterMs !== null) return Math.min(Math.max(0, retryAfterMs), policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(policy.floorMs, Math.floor(random() * ceiling));
}

/**
 * An HTTP `Retry-After` (RFC 9110: delay-seconds or an HTTP date) as milliseconds from `now`;
 * null when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined | null, now: number): number | null {
  if (value === undefined || value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
