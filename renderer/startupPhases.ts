/**
 * Where a page's start goes, in the order a load of the queue passes them (`npm run
 * bench:console` prints them; docs/benchmarks.md): each marked once per page load by
 * {@link markPhase}.
 */
export const startupPhases = {
  /** The page's first script ran (renderer/earlyStream.ts); the stream is opening. */
  earlyScript: 'nocturne:early-script',
  /** The console's bundle was evaluated; it starts wiring itself (renderer/main.tsx). */
  bundleRan: 'nocturne:bundle-ran',
  /** React committed the console's first render. */
  firstRender: 'nocturne:first-render',
  /** The first message of the early stream reached the page's scripts. */
  firstStreamData: 'nocturne:first-stream-data',
  /** Every part of the first snapshot was read and checked; it waits for the store. */
  snapshotRead: 'nocturne:snapshot-read',
} as const;
export type StartupPhase = keyof typeof startupPhases;

const marked = new Set<StartupPhase>();

/** Marks `phase` the first time this page reaches it (no-op where User Timing is missing). */
export function markPhase(phase: StartupPhase): void {
  if (marked.has(phase) || typeof performance === 'undefined') return;
  marked.add(phase);
  performance.mark(startupPhases[phase]);
}
