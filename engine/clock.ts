/** The engine's one source of "now", so tests can drive time. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /**
   * Called when time jumps (a manual clock was set or advanced), so that whatever waits for a
   * due time looks again. The system clock never calls it: timers are enough.
   */
  onJump?(listener: () => void): () => void;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock tests (and simulations) move by hand. Due work (escalations, timeouts) runs when the
 * clock passes its time, exactly as it would with real time, only without waiting.
 */
export class ManualClock implements Clock {
  private readonly listeners = new Set<() => void>();

  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  set(ms: number): void {
    this.current = ms;
    for (const listener of this.listeners) listener();
  }

  advance(ms: number): void {
    this.set(this.current + ms);
  }

  onJump(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
