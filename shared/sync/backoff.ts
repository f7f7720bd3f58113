/** Reconnect delays: exponential with full jitter, capped, reset once a connection has held. */
export interface BackoffSettings {
  /** The largest delay of the first retry. */
  readonly initialMs: number;
  /** No delay is larger than this. */
  readonly maxMs: number;
  /** Growth per failed attempt. */
  readonly factor: number;
  /** A connection that stayed live this long resets the delays to `initialMs`. */
  readonly resetAfterMs: number;
}

export const defaultBackoff: BackoffSettings = {
  initialMs: 500,
  maxMs: 30_000,
  factor: 2,
  resetAfterMs: 60_000,
};

/** The upper bound of the delay before retry number `attempt` (0 for the first retry). */
export function backoffCeiling(settings: BackoffSettings, attempt: number): number {
  // Past ~60 doublings the product is Infinity anyway; min() brings it back to the cap.
  return Math.min(settings.maxMs, settings.initialMs * settings.factor ** Math.min(attempt, 64));
}

/**
 * "Full jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter"): a uniformly random
 * delay in [0, ceiling). It spreads the reconnects of many consoles after an engine restart
 * better than a jitter added to a fixed delay. `random` returns [0, 1), as Math.random does.
 */
export function backoffDelay(
  settings: BackoffSettings,
  attempt: number,
  random: () => number,
): number {
  return Math.floor(random() * backoffCeiling(settings, attempt));
}
