import type { AlertSummary } from '../../shared/domain/alert.js';
import type { AlertActionKind } from '../state/actionsSlice.js';
import type { AppStore } from '../state/createAppStore.js';
import type { Transport, TransportError, TransportResult } from '../transport/transport.js';

export type BulkActionKind = Extract<AlertActionKind, 'accept' | 'resolve'>;

/** Accept and resolve, for one alert or many: what the queue's keys and buttons call. */
export interface AlertActions {
  run(kind: BulkActionKind, ids: readonly string[]): Promise<void>;
}

const verbs: Record<BulkActionKind, { done: string; doing: string; state: string }> = {
  accept: { done: 'Accepted', doing: 'accept', state: 'accepted or resolved' },
  resolve: { done: 'Resolved', doing: 'resolve', state: 'resolved' },
};

/** Whether `kind` would change the alert (accepting an accepted alert is not an action). */
export function actionApplies(kind: BulkActionKind, alert: AlertSummary | undefined): boolean {
  if (!alert) return false;
  return kind === 'accept' ? alert.state === 'PENDING' : alert.state !== 'RESOLVED';
}

/** Calls at most `limit` at a time: a bulk resolve of 500 alerts must not open 500 requests. */
export async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  call: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await call(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Runs actions through the current transport and reports the outcome as notices. The alerts
 * themselves change when the stream says so (the stream is the one source of truth); until
 * then their rows show the action as pending.
 */
export function createAlertActions(
  store: AppStore,
  transport: () => Transport | null,
): AlertActions {
  return {
    async run(kind, ids) {
      const state = store.getState();
      const eligible = ids.filter((id) => actionApplies(kind, state.alerts.byId.get(id)));
      const verb = verbs[kind];
      if (eligible.length === 0) {
        if (ids.length > 0) {
          state.notify({
            tone: 'info',
            text: `Nothing to ${verb.doing}: ${ids.length === 1 ? 'the alert is' : 'the alerts are'} ${verb.state} already.`,
          });
        }
        return;
      }
      const current = transport();
      if (!current) return;
      state.setPending(eligible, kind);
      const call = (id: string): Promise<TransportResult<unknown>> =>
        kind === 'accept' ? current.acceptAlert(id) : current.resolveAlert(id);
      const results = await mapWithLimit(eligible, 4, call);
      store.getState().setPending(eligible, null);
      const failures = results.flatMap((result, i) =>
        result.ok ? [] : [{ id: eligible[i]!, error: result.error }],
      );
      report(store, verb.done, verb.doing, eligible.length, failures);
    },
  };
}

function report(
  store: AppStore,
  done: string,
  doing: string,
  total: number,
  failures: readonly { id: string; error: TransportError }[],
): void {
  const notify = store.getState().notify;
  const first = failures[0];
  if (!first) {
    if (total > 1) notify({ tone: 'info', text: `${done} ${total} alerts.` });
    return;
  }
  const text =
    total === 1
      ? `Could not ${doing} alert ${first.id}: ${first.error.message}`
      : `${done} ${total - failures.length} of ${total} alerts; ${failures.length} failed (alert ${first.id}: ${first.error.message})`;
  notify({ tone: 'error', text, code: first.error.code });
}
