/**
 * "Run this once, soon, at the next frame": requestAnimationFrame, with a timer as a fallback
 * because browsers pause animation frames in hidden tabs and windows (a wall screen behind
 * another window must still apply what the stream sends). Injected so tests run without a DOM.
 */
export interface FrameScheduler {
  /** Schedules `callback` once; returns a function that cancels it. */
  schedule(callback: () => void): () => void;
}

interface FrameHost {
  requestAnimationFrame?(callback: () => void): number;
  cancelAnimationFrame?(handle: number): void;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The page's frames, or after `fallbackMs` (default 100 ms) whichever comes first. */
export function browserFrameScheduler(fallbackMs = 100): FrameScheduler {
  const host = globalThis as unknown as FrameHost;
  return {
    schedule(callback) {
      let done = false;
      const run = () => {
        if (done) return;
        done = true;
        cancel();
        callback();
      };
      const frame = host.requestAnimationFrame?.(run);
      const timer = host.setTimeout(run, fallbackMs);
      const cancel = () => {
        if (frame !== undefined) host.cancelAnimationFrame?.(frame);
        host.clearTimeout(timer);
      };
      return () => {
        done = true;
        cancel();
      };
    },
  };
}
