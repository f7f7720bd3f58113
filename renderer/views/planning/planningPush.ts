import type { NocturneApi } from '../../../shared/ipc/ipcContract.js';
import type { IpcResult, PushReport } from '../../../shared/ipc/ipcViews.js';

type PushApi = Pick<NocturneApi, 'pushDrafts'>;

const inFlight = new WeakMap<PushApi, Map<string, Promise<IpcResult<PushReport>>>>();

/**
 * `pushDrafts` for an engine, at most one at a time from this window: a push asked for while
 * one runs (the button pressed as the connection came back) gets that push's answer instead of
 * sending the same drafts a second time.
 */
export function pushDraftsOnce(api: PushApi, engineId: string): Promise<IpcResult<PushReport>> {
  let running = inFlight.get(api);
  if (!running) inFlight.set(api, (running = new Map()));
  const current = running.get(engineId);
  if (current) return current;
  const map = running;
  const push = api.pushDrafts({ engineId }).finally(() => map.delete(engineId));
  map.set(engineId, push);
  return push;
}
