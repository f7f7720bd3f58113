import type { AppStore } from '../state/createAppStore.js';

/**
 * User Timing marks of the console's start, for DevTools' Performance panel and for
 * `npm run bench:console`, which reads them from a page no debugger watched while it loaded
 * (docs/benchmarks.md) — besides the phases of ../startupPhases.ts:
 *
 * - `nocturne:stream-live` — the stream is live for the first time (snapshot applied).
 * - `nocturne:first-data-frame` — the start of the first animation frame after the first
 *   snapshot reached the store: the frame that paints it. `detail.alerts` says how many alerts.
 *
 * Marked once per page load.
 */
export function markStartup(store: AppStore, win: Pick<Window, 'requestAnimationFrame'>): void {
  if (typeof performance?.mark !== 'function') return;
  let live = false;
  let painted = false;
  const unsubscribe = store.subscribe((state) => {
    if (!live && state.connection.state === 'live') {
      live = true;
      performance.mark('nocturne:stream-live');
    }
    if (!painted && state.sync.position !== null) {
      painted = true;
      const alerts = state.alerts.byId.size;
      win.requestAnimationFrame((frameStart) =>
        performance.mark('nocturne:first-data-frame', {
          startTime: frameStart,
          detail: { alerts },
        }),
      );
    }
    if (live && painted) unsubscribe();
  });
}
