import type { NocturneApi } from '../../shared/ipc/ipcContract.js';

/**
 * The bridge with its engine subscriptions counted in this window. Main keeps one subscription
 * per engine and window (main/engines/engineRegistry.ts), so when two parts of the console show
 * the same engine — the engine shown and the All engines view — the first to unsubscribe would
 * stop the other's stream. Here `unsubscribeEngine` only reaches main when the last holder of
 * that engine leaves. `subscribeEngine` always does: main answers it with the engine's status
 * and snapshot, which the new holder needs (the others apply a snapshot of the same state).
 * One wrapper per bridge, so every caller with the same `window.nocturne` shares its counts.
 */
export function shareEngineSubscriptions(api: NocturneApi): NocturneApi {
  let shared = wrappers.get(api);
  if (!shared) wrappers.set(api, (shared = countSubscriptions(api)));
  return shared;
}

const wrappers = new WeakMap<NocturneApi, NocturneApi>();

function countSubscriptions(api: NocturneApi): NocturneApi {
  const holders = new Map<string, number>();
  const counted: Pick<NocturneApi, 'subscribeEngine' | 'unsubscribeEngine'> = {
    subscribeEngine(args) {
      holders.set(args.engineId, (holders.get(args.engineId) ?? 0) + 1);
      return api.subscribeEngine(args);
    },
    async unsubscribeEngine(args) {
      const left = (holders.get(args.engineId) ?? 1) - 1;
      if (left > 0) {
        holders.set(args.engineId, left);
        return { ok: true, value: null };
      }
      holders.delete(args.engineId);
      return api.unsubscribeEngine(args);
    },
  };
  // Every other function is the bridge's own, looked up on it: the bridge need not be a plain
  // object with enumerable properties (a spread would copy nothing from a proxy).
  return new Proxy(api, {
    get: (target, name, receiver) =>
      name === 'subscribeEngine' || name === 'unsubscribeEngine'
        ? counted[name]
        : Reflect.get(target, name, receiver),
  });
}
