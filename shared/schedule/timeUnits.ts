/** Milliseconds per unit. Only minutes and hours are fixed durations; a local day is not. */
export const minuteMs = 60_000;
export const hourMs = 60 * minuteMs;
/** A local calendar day, measured on the wall clock (not as elapsed time). */
export const dayMs = 24 * hourMs;
export const weekMs = 7 * dayMs;

/** Floor division that rounds towards −∞, so turns before an anchor get negative indices. */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** The remainder of `a / b` in [0, b), also for negative `a`. */
export function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
