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

/**
 * One subscribe and one read function per interval. They must keep their identity across
 * renders: a new `subscribe` makes React unsubscribe and subscribe again on every render, and
 * when the component was the ticker's only listener that restarts the ticker and re-reads the
 * clock, which re-renders it again — an endless loop once a render takes over a millisecond.
 */
const bindings = new Map<
  number,
  { subscribe: (l: () => void) => () => void; read: () => number }
>();

function binding(intervalMs: number) {
  let b = bindings.get(intervalMs);
  if (!b) {
    b = {
      subscribe: (listener) => subscribe(intervalMs, listener),
      read: () => ticker(intervalMs).now,
    };
    bindings.set(intervalMs, b);
  }
  return b;
}

/** The current time, re-read every `intervalMs` (default 1 s). */
export function useNow(intervalMs = 1000): number {
  const { subscribe: onChange, read } = binding(intervalMs);
  return useSyncExternalStore(onChange, read);
}
