import type { StoreApi } from 'zustand/vanilla';
import type { NocturneApi } from '../../../shared/ipc/ipcContract.js';
import type { IpcError, PushReport } from '../../../shared/ipc/ipcViews.js';
import type { ConnectionState } from '../../state/connectionSlice.js';
import { pushDraftsOnce } from './planningPush.js';

/** What an automatic push did, for the planning view to show. */
export interface AutoPushOutcome {
  readonly engineId: string;
  /** When it answered (ms). */
  readonly at: number;
  readonly result: { readonly report: PushReport } | { readonly error: IpcError };
}

export interface PlanningAutoPush {
  /** The last automatic push's outcome (null: none yet). */
  last(): AutoPushOutcome | null;
  /** Called after each automatic push; returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void;
  stop(): void;
}

type ConnectionStore = Pick<
  StoreApi<{ readonly connection: { readonly state: ConnectionState } }>,
  'getState' | 'subscribe'
>;

interface Deps {
  readonly api: Pick<NocturneApi, 'getPlanning' | 'pushDrafts'>;
  /** The engine the console shows ('' if none): the one whose connection the store holds. */
  readonly engineId: () => string;
  readonly now?: () => number;
}

/** The connection came back: any state other than live turning live. */
export function connectionCameBack(previous: ConnectionState, next: ConnectionState): boolean {
  return previous !== 'live' && next === 'live';
}

const started = new WeakMap<object, PlanningAutoPush>();

/**
 * Main keeps offline drafts queued until asked to push (main/planning/ pushes only on
 * `pushDrafts`), so the console asks: each time the shown engine's connection becomes live again,
 * once, and only when that engine has pending drafts. Started once per store (a second call
 * answers the running one), by the desktop bootstrap or, failing that, by the planning view.
 */
export function startPlanningAutoPush(store: ConnectionStore, deps: Deps): PlanningAutoPush {
  const running = started.get(store);
  if (running) return running;
  const now = deps.now ?? Date.now;
  const listeners = new Set<() => void>();
  let last: AutoPushOutcome | null = null;

  const push = async () => {
    const engineId = deps.engineId();
    if (!engineId) return;
    const planning = await deps.api.getPlanning({ engineId });
    if (!planning.ok || !planning.value.drafts.some((d) => d.state === 'pending')) return;
    const answer = await pushDraftsOnce(deps.api, engineId);
    last = {
      engineId,
      at: now(),
      result: answer.ok ? { report: answer.value } : { error: answer.error },
    };
    for (const listener of listeners) listener();
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (connectionCameBack(previous.connection.state, state.connection.state)) void push();
  });
  const autoPush: PlanningAutoPush = {
    last: () => last,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => {
      unsubscribe();
      started.delete(store);
    },
  };
  started.set(store, autoPush);
  return autoPush;
}
