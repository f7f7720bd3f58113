import { IANAZone } from 'luxon';
import { isKnownTimeZone } from './scheduleModel.js';
import { dayMs } from './timeUnits.js';

/*
 * "Local" values below are wall-clock readings written as if they were UTC epoch milliseconds:
 * 2024-03-31 09:00 in Berlin is the local value Date.UTC(2024, 2, 31, 9). Calendar arithmetic
 * on them (add a day, find the Monday) is plain arithmetic; only the conversion to and from
 * instants needs the zone.
 */

/** Offsets never reach a day, so two days either side of a value bound every instant it maps to. */
const margin = 2 * dayMs;
/** A query further than this from what is already known starts a fresh span. */
const reach = 62 * dayMs;

/**
 * One IANA zone's UTC offsets over a span of instants, found with Luxon (`Intl`) and kept as
 * segments of constant offset, so that converting hundreds of hand-offs costs arithmetic, not an
 * `Intl` call each (about 5 µs apiece). Owned by its caller: no state is shared between calls.
 *
 * The span is sampled once a day and each change of offset is located to the second by
 * bisection (the zone database changes offsets on whole seconds). An offset that changed and
 * changed back within one day would be missed; we know of no zone that has done that.
 */
export class ZoneClock {
  private readonly zone: IANAZone | null;
  private starts: number[] = [];
  private offsets: number[] = [];
  private lo = 0;
  private hi = -1;

  constructor(readonly timeZone: string) {
    if (!isKnownTimeZone(timeZone)) throw new RangeError(`Unknown time zone "${timeZone}".`);
    this.zone = timeZone === 'UTC' || timeZone === 'Etc/UTC' ? null : IANAZone.create(timeZone);
  }

  /** The zone's offset from UTC at instant `t`, in milliseconds. */
  offsetAt(t: number): number {
    if (!this.zone) return 0;
    // A lone question (a rotation's anchor, far from the range asked about) is one probe; it
    // is not worth sampling days around it.
    if (t < this.lo || t > this.hi) return this.probe(t);
    return this.offsets[this.segmentAt(t)]!;
  }

  /** The wall-clock reading at instant `t`. */
  localOf(t: number): number {
    return t + this.offsetAt(t);
  }

  /**
   * The latest wall-clock reading at or before instant `t` ("high-water" local time). It equals
   * `localOf(t)` except during a repeated hour after the clocks go back, where it stays at the
   * reading just before they did. A local boundary `w` has been reached at `t` exactly when
   * `highWaterLocal(t) >= w`, the point-in-time counterpart of `instantOf`.
   */
  highWaterLocal(t: number): number {
    if (!this.zone) return t;
    this.cover(t - margin, t);
    const i = this.segmentAt(t);
    let high = t + this.offsets[i]!;
    for (let j = i - 1; j >= 0 && this.starts[j + 1]! > t - margin; j--) {
      high = Math.max(high, this.starts[j + 1]! - 1 + this.offsets[j]!);
    }
    return high;
  }

  /**
   * The first instant at which the wall clock reads `local` or later. A time that exists once
   * maps to that instant; a time that exists twice (clocks going back) to its first occurrence;
   * a time skipped by clocks going forward to the instant of the jump (02:30 on a night that
   * jumps from 02:00 to 03:00 maps to 03:00). Monotonic: a later local time never maps earlier.
   */
  instantOf(local: number): number {
    if (!this.zone) return local;
    this.cover(local - margin, local + margin);
    for (let i = this.segmentAt(local - margin); i < this.starts.length; i++) {
      const end = this.starts[i + 1] ?? Infinity;
      const offset = this.offsets[i]!;
      if (end + offset > local) return Math.max(this.starts[i]!, local - offset);
    }
    throw new Error('unreachable: the last segment is open-ended');
  }

  /** Makes sure [a, b] lies within the known span. */
  private cover(a: number, b: number): void {
    if (this.hi >= this.lo && a >= this.lo && b <= this.hi) return;
    if (this.hi < this.lo || a > this.hi + reach || b < this.lo - reach) {
      const fresh = this.scan(a - dayMs, b + dayMs);
      this.starts = fresh.starts;
      this.offsets = fresh.offsets;
      this.lo = a - dayMs;
      this.hi = b + dayMs;
      return;
    }
    if (a < this.lo) {
      // The new part ends in the segment the known span starts with: join them.
      const left = this.scan(a - dayMs, this.lo);
      this.starts = [...left.starts, ...this.starts.slice(1)];
      this.offsets = [...left.offsets, ...this.offsets.slice(1)];
      this.lo = a - dayMs;
    }
    if (b > this.hi) {
      const right = this.scan(this.hi, b + dayMs);
      this.starts.push(...right.starts.slice(1));
      this.offsets.push(...right.offsets.slice(1));
      this.hi = b + dayMs;
    }
  }

  /** Segments of constant offset over [from, to]: the first starts at `from`. */
  private scan(from: number, to: number): { starts: number[]; offsets: number[] } {
    const starts = [from];
    const offsets = [this.probe(from)];
    let at = from;
    let offset = offsets[0]!;
    while (at < to) {
      const next = Math.min(at + dayMs, to);
      const nextOffset = this.probe(next);
      if (nextOffset !== offset) this.locateChanges(at, offset, next, nextOffset, starts, offsets);
      at = next;
      offset = nextOffset;
    }
    return { starts, offsets };
  }

  /** Appends the changes of offset in (a, b], given the offsets at both ends differ. */
  private locateChanges(
    a: number,
    offsetA: number,
    b: number,
    offsetB: number,
    starts: number[],
    offsets: number[],
  ): void {
    // Whole seconds: the offset at lo is offsetA's, the offset at hi is not. Zones change on a
    // quarter hour in practice, so narrow down on that grid first; confirming that the change
    // is on it then costs one probe instead of ten.
    let lo = Math.floor(a / 1000);
    let hi = Math.ceil(b / 1000);
    const split = (step: number) => {
      for (;;) {
        const first = Math.floor(lo / step) + 1;
        const last = Math.ceil(hi / step) - 1;
        if (first > last) return;
        const mid = Math.floor((first + last) / 2) * step;
        if (this.probe(mid * 1000) === offsetA) lo = mid;
        else hi = mid;
      }
    };
    split(900);
    if (hi - 1 > lo && this.probe((hi - 1) * 1000) !== offsetA) {
      hi -= 1;
      split(1);
    }
    const change = hi * 1000;
    const offset = this.probe(change);
    starts.push(change);
    offsets.push(offset);
    if (offset !== offsetB) this.locateChanges(change, offset, b, offsetB, starts, offsets);
  }

  private probe(t: number): number {
    const minutes = this.zone!.offset(t);
    if (!Number.isFinite(minutes)) throw new RangeError(`No offset for ${this.timeZone} at ${t}.`);
    return Math.round(minutes * 60_000);
  }

  private segmentAt(t: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
