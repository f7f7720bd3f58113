/**
 * One timer that wakes a loop at the time it was armed for — never more than `maxSleepMs`
 * ahead, which guards against clock changes and lost wake-ups — and does not hold the process
 * open.
 */
export class WakeTimer {
  private timer: NodeJS.Timeout | null = null;
  private at = Number.POSITIVE_INFINITY;

  constructor(
    private readonly now: () => number,
    private readonly wake: () => void,
    private readonly maxSleepMs = 60_000,
  ) {}

  /** When it will fire (Infinity: not armed). */
  get armedAt(): number {
    return this.at;
  }

  arm(at: number): void {
    this.clear();
    this.at = at;
    const delay = Math.min(this.maxSleepMs, Math.max(0, at - this.now()));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.at = Number.POSITIVE_INFINITY;
      this.wake();
    }, delay);
    this.timer.unref();
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.at = Number.POSITIVE_INFINITY;
  }
}
