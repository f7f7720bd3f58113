/** An opaque timer handle: whatever the host's `setTimeout` returns. */
export type TimerHandle = unknown;

/**
 * Time as the sync client sees it. Injected so that unit tests run on a fake clock, and so that
 * shared/ needs neither Node's nor the DOM's timer types.
 */
export interface Scheduler {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  /** Milliseconds since the epoch. */
  now(): number;
}

interface HostTimers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/**
 * The host's own timers. Node, Electron and browsers all put `setTimeout` on `globalThis`;
 * shared/ is compiled without their type definitions, hence the narrow cast.
 */
export function systemScheduler(): Scheduler {
  const host = globalThis as unknown as HostTimers;
  return {
    setTimeout: (callback, ms) => host.setTimeout(callback, ms),
    clearTimeout: (handle) => host.clearTimeout(handle),
    now: () => Date.now(),
  };
}
