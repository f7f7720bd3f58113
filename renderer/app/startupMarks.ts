import type { AppStore } from '../state/createAppStore.js';

/**
 * User Timing marks of the console's start, for DevTools' Performance panel and for
 * `npm run bench:console`, which reads them from a page no debugger watched while it loaded
 * (docs/benchmarks.md) — besides the phases of ../startupPhases.ts:
 *
 * - `nocturne:stream-live` — the stream is live for the first time (snapshot applied).
 * - `nocturne:first-data-frame` — the first animation frame after the first snapshot reached
 *   the store, the one that paints it, is done on the page's thread (style, layout and paint
 *   recorded): marked by a task posted from that frame's `requestAnimationFrame` callback, which
 *   runs once the frame's work is over. `detail.alerts` says how many alerts it shows,
 *   `detail.frameStart` when that frame began — which can be before the snapshot arrived, when
 *   the frame was due while the page was busy (until session 5 the mark was that time).
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
      win.requestAnimationFrame((frameStart) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          performance.mark('nocturne:first-data-frame', { detail: { alerts, frameStart } });
        };
        channel.port2.postMessage(null);
      });
    }
    if (live && painted) unsubscribe();
  });
}
