import type { AppStore } from '../state/createAppStore.js';

/**
 * Leaving an engine (signing out, or the desktop app switching to another): forget what was
 * replicated from it and the queue's selection and hold over its alerts, and say the stream is
 * stopped, so nothing of one engine is ever shown as another's.
 */
export function forgetEngineData(store: AppStore, now: number = Date.now()): void {
  const state = store.getState();
  state.clearReplica();
  state.clearSelection();
  state.releaseQueueHold();
  state.setSyncStatus({ status: 'stopped', since: now, lastLiveAt: null });
}
