/**
 * Remembers what was notified recently, so repeated events of one alert (a flapping check, the
 * next escalation level paging me again, the same push re-sent after an engine crash) raise one
 * OS notification per window instead of one each. Bounded: old keys are pruned as new ones come.
 */
export class DedupWindow {
  private readonly lastAt = new Map<string, number>();

  constructor(private readonly maxKeys = 5000) {}

  /** True when `key` was notified less than `windowMs` before `now`. */
  isDuplicate(key: string, now: number, windowMs: number): boolean {
    const last = this.lastAt.get(key);
    return last !== undefined && now - last < windowMs;
  }

  record(key: string, now: number, windowMs: number): void {
    this.lastAt.delete(key);
    this.lastAt.set(key, now);
    if (this.lastAt.size <= this.maxKeys) return;
    // Insertion order is age order (re-recorded keys move to the end): drop the oldest.
    for (const [k, at] of this.lastAt) {
      if (this.lastAt.size <= this.maxKeys && now - at < windowMs) break;
      this.lastAt.delete(k);
    }
  }
}
