import type { SyncDataEvent } from '../transport/transport.js';
import type { FrameScheduler } from './frameScheduler.js';

/**
 * Collects stream events and hands them over in one batch at most once per frame (AG Grid's
 * "async transactions"): at 1,000 changes a second, React renders 60 times, not 1,000. A
 * snapshot makes whatever was queued before it moot, so it is dropped.
 */
export class SyncBatcher {
  private queue: SyncDataEvent[] = [];
  private cancel: (() => void) | null = null;

  constructor(
    private readonly frames: FrameScheduler,
    private readonly apply: (events: readonly SyncDataEvent[]) => void,
  ) {}

  push(event: SyncDataEvent): void {
    if (event.type === 'snapshot') this.queue = [event];
    else this.queue.push(event);
    this.cancel ??= this.frames.schedule(() => this.flush());
  }

  /** Applies what is queued now (also used before the page hides, and by tests). */
  flush(): void {
    this.cancel?.();
    this.cancel = null;
    if (this.queue.length === 0) return;
    const events = this.queue;
    this.queue = [];
    this.apply(events);
  }

  /** Drops what is queued (signed out). */
  dispose(): void {
    this.cancel?.();
    this.cancel = null;
    this.queue = [];
  }
}
