import type { Clock } from '../../engine/clock.js';

/**
 * Real time plus an offset that only grows: the engine's clock in the benchmark. Time flows as
 * it does in production (so lags are real), and `jump` skips the minutes between escalation
 * levels without waiting for them, telling the engine (as ManualClock does) so that due work is
 * looked at again.
 */
export class OffsetClock implements Clock {
  private offset = 0;
  /** Real time of each jump and the offset from then on, oldest first. */
  private readonly jumps: Array<{ realAt: number; offset: number }> = [{ realAt: 0, offset: 0 }];
  private readonly listeners = new Set<() => void>();

  now(): number {
    return Date.now() + this.offset;
  }

  jump(ms: number): void {
    if (ms < 0) throw new Error('the benchmark clock only moves forward');
    this.offset += ms;
    this.jumps.push({ realAt: Date.now(), offset: this.offset });
    for (const listener of this.listeners) listener();
  }

  onJump(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The real time at which engine time first reached `engineAt`: during a jump that passed
   * it, or as real time flowed.
   */
  realTimeOf(engineAt: number): number {
    for (let i = 0; i < this.jumps.length; i += 1) {
      const segment = this.jumps[i]!;
      const end = this.jumps[i + 1]?.realAt ?? Number.POSITIVE_INFINITY;
      const realAt = engineAt - segment.offset;
      if (realAt < segment.realAt) return segment.realAt; // passed by the jump that began this
      if (realAt < end) return realAt;
    }
    return engineAt - this.offset;
  }
}
