import { scheduleLimits } from './scheduleLimits.js';

/** Why a question about a schedule was refused; the engine answers these with 400. */
export type ScheduleRangeErrorCode = 'invalid_instant' | 'invalid_range' | 'range_too_large';

/** A time or range a schedule cannot be asked about (not a problem of the schedule itself). */
export class ScheduleRangeError extends RangeError {
  constructor(
    readonly code: ScheduleRangeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ScheduleRangeError';
  }
}

const earliest = new Date(scheduleLimits.earliestInstantMs).toISOString();
const latest = new Date(scheduleLimits.latestInstantMs).toISOString();

/**
 * Throws unless `t` is whole epoch milliseconds within the supported years (`latest` itself is
 * allowed only as the exclusive end of a range).
 */
export function checkInstant(t: number, what = 'The time', isRangeEnd = false): void {
  if (!Number.isInteger(t)) {
    throw new ScheduleRangeError('invalid_instant', `${what} must be whole epoch milliseconds.`);
  }
  const tooLate = isRangeEnd
    ? t > scheduleLimits.latestInstantMs
    : t >= scheduleLimits.latestInstantMs;
  if (t < scheduleLimits.earliestInstantMs || tooLate) {
    throw new ScheduleRangeError(
      'invalid_instant',
      `${what} must lie between ${earliest} and ${latest}.`,
    );
  }
}

/** Throws unless [from, to) is a valid range of at most `maxMs`. */
export function checkRange(from: number, to: number, maxMs: number): void {
  checkInstant(from, 'The start of the range');
  checkInstant(to, 'The end of the range', true);
  if (to < from) {
    throw new ScheduleRangeError('invalid_range', 'The end of the range is before its start.');
  }
  if (to - from > maxMs) {
    const days = Math.round(maxMs / 86_400_000);
    throw new ScheduleRangeError(
      'range_too_large',
      `A range of at most ${days} days can be rendered at once; ask for it in parts.`,
    );
  }
}
