import type { AlertSummary } from '../../../shared/domain/alert.js';
import type { NocturneApi } from '../../../shared/ipc/ipcContract.js';
import { actionApplies } from '../../app/alertActions.js';
import { desktopErrorSentence } from '../../app/desktopSettingsSave.js';
import type { AppStore } from '../../state/createAppStore.js';
import { rowKey, type AllEnginesRow } from './allEnginesRows.js';

export type RowActionKind = 'accept' | 'resolve';

export interface RowActionContext {
  readonly store: AppStore;
  readonly api: NocturneApi;
  /** Actions under way by `rowKey`; the model shows them on their rows. */
  readonly pending: Map<string, RowActionKind>;
  /** The pending map changed: show it (at the next frame). */
  readonly changed: () => void;
}

const verbs: Record<RowActionKind, { doing: string; state: string }> = {
  accept: { doing: 'accept', state: 'accepted or resolved' },
  resolve: { doing: 'resolve', state: 'resolved' },
};

/**
 * Accepts or resolves one row's alert on the row's own engine (`api.acceptAlert({engineId,
 * alertId})`). As in the queue (app/alertActions.ts), the row changes when the stream says so;
 * a refusal becomes a notice naming the alert and its engine.
 */
export async function runRowAction(
  context: RowActionContext,
  kind: RowActionKind,
  row: AllEnginesRow,
  current: AlertSummary | undefined,
): Promise<void> {
  const { store, api, pending, changed } = context;
  const key = rowKey(row);
  const where = `alert ${row.alert.id} on ${row.engineLabel}`;
  if (pending.has(key)) return;
  if (!actionApplies(kind, current ?? row.alert)) {
    const text = `Nothing to ${verbs[kind].doing}: ${where} is ${verbs[kind].state} already.`;
    store.getState().notify({ tone: 'info', text });
    return;
  }
  pending.set(key, kind);
  changed();
  const args = { engineId: row.engineId, alertId: row.alert.id };
  const result = await (kind === 'accept' ? api.acceptAlert(args) : api.resolveAlert(args));
  pending.delete(key);
  changed();
  if (result.ok) return;
  const text = desktopErrorSentence(result.error, `Could not ${verbs[kind].doing} ${where}`);
  store.getState().notify({ tone: 'error', text, code: result.error.code });
}
