import { useSyncExternalStore } from 'react';

interface Ticker {
  now: number;
  readonly listeners: Set<() => void>;
  timer: ReturnType<typeof setInterval> | null;
}

/**
 * One ticker per interval for the whole page, shared by every component that shows a moving
 * time (ages, clocks, "offline since"): a thousand rows do not start a thousand timers. The
 * value only changes when the ticker ticks, as useSyncExternalStore requires.
 */
const tickers = new Map<number, Ticker>();

function ticker(intervalMs: number): Ticker {
  let t = tickers.get(intervalMs);
  if (!t) {
    t = { now: Date.now(), listeners: new Set(), timer: null };
    tickers.set(intervalMs, t);
  }
  return t;
}

function subscribe(intervalMs: number, listener: () => void): () => void {
  const t = ticker(intervalMs);
  t.listeners.add(listener);
  if (t.timer === null) {
    t.now = Date.now();
    t.timer = setInterval(() => {
      t.now = Date.now();
      t.listeners.forEach((l) => l());
    }, intervalMs);
  }
  return () => {
    t.listeners.delete(listener);
    if (t.listeners.size === 0 && t.timer !== null) {
      clearInterval(t.timer);
      t.timer = null;
    }
  };
}

/** The current time, re-read every `intervalMs` (default 1 s). */
export function useNow(intervalMs = 1000): number {
  return useSyncExternalStore(
    (listener) => subscribe(intervalMs, listener),
    () => ticker(intervalMs).now,
  );
}
