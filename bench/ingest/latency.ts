/** Percentiles of one set of latency samples, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly p999Ms: number;
  readonly maxMs: number;
  readonly meanMs: number;
}

/**
 * The value at or below which `p` percent of the sorted samples fall (nearest rank, no
 * interpolation: a reported p99 is a latency some request really saw).
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Collects latency samples (ms) and summarises them. Every sample is kept: runs are short. */
export class LatencyRecorder {
  private samples = new Float64Array(1024);
  private size = 0;

  get count(): number {
    return this.size;
  }

  record(ms: number): void {
    if (this.size === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2);
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.size] = ms;
    this.size += 1;
  }

  /** Adds every sample of another recorder (e.g. several stream clients into one). */
  merge(other: LatencyRecorder): void {
    for (let i = 0; i < other.size; i += 1) this.record(other.samples[i]!);
  }

  summary(): LatencySummary {
    const sorted = this.samples.slice(0, this.size).sort();
    let sum = 0;
    for (const v of sorted) sum += v;
    return {
      count: this.size,
      p50Ms: percentile(sorted, 50),
      p90Ms: percentile(sorted, 90),
      p99Ms: percentile(sorted, 99),
      p999Ms: percentile(sorted, 99.9),
      maxMs: this.size ? sorted[this.size - 1]! : Number.NaN,
      meanMs: this.size ? sum / this.size : Number.NaN,
    };
  }
}
