import type { AppStore } from '../state/createAppStore.js';
import type { Transport } from '../transport/transport.js';

/**
 * A browser cannot see why a WebSocket upgrade was refused: an engine that is down and an
 * engine that refuses this page's origin (or a proxy that does not pass upgrades on) look the
 * same, a close with 1006. Once the stream is offline for failing to connect, ask REST: when it
 * answers, the engine is up and the stream alone is refused, and the operator is told what to
 * check. Asked once per offline spell. Returns the unsubscription.
 */
export function watchStreamRefusal(
  store: AppStore,
  transport: Transport,
  pageOrigin: string | null,
): () => void {
  let asked = false;
  let stopped = false;
  const unsubscribe = store.subscribe((state, previous) => {
    const { connection } = state;
    if (connection.state === 'live') {
      asked = false;
      if (state.session.streamProblem) state.setSession({ streamProblem: null });
      return;
    }
    if (connection === previous.connection || asked) return;
    if (connection.state !== 'offline' || connection.error?.code !== 'connect_failed') return;
    asked = true;
    void transport.whoAmI().then((me) => {
      if (stopped || !me.ok || store.getState().connection.state === 'live') return;
      store.getState().setSession({
        streamProblem:
          `The engine answers, but refuses the live connection from this page` +
          (pageOrigin ? ` (origin ${pageOrigin})` : '') +
          `. Start it with --allow-origin ${pageOrigin ?? '<this origin>'}, or, behind a proxy, check that the proxy passes WebSocket upgrades on /api/v1/stream.`,
      });
    });
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}
