import type { AlertPriority, AlertState, AlertSummary } from '../../../shared/domain/alert.js';
import type { AppState } from '../appState.js';
import { alertLookups, type AlertLookups } from './alertLookups.js';
import { queryAlerts } from './alertQuery.js';
import { memoizeLast } from './memo.js';

/**
 * Derived state for views: plain functions of the store's state, memoised on the slices they
 * read, so that a component's `useAppStore(selectQueueIds)` re-renders only when its answer
 * changes. Unit-tested without React (test/renderer/alertSelectors.test.ts).
 */

const lookups = memoizeLast(alertLookups);

export const selectLookups = (state: AppState): AlertLookups =>
  lookups(state.entities.alertSources, state.entities.users);

const queueIds = memoizeLast(
  (
    byId: AppState['alerts']['byId'],
    filter: AppState['filters']['queue'],
    sort: AppState['filters']['sort'],
    names: AlertLookups,
  ) => queryAlerts(byId.values(), filter, sort, names),
);

/** The queue's rows: ids of the alerts that pass the filters, in the chosen order. */
export const selectQueueIds = (state: AppState): readonly string[] =>
  queueIds(state.alerts.byId, state.filters.queue, state.filters.sort, selectLookups(state));

export interface AlertCounts {
  /** Every alert held, by state (RESOLVED: the recently resolved the console keeps). */
  readonly byState: Readonly<Record<AlertState, number>>;
  /** Open alerts (PENDING or ACCEPTED) by priority. */
  readonly openByPriority: Readonly<Record<AlertPriority, number>>;
  /** PENDING alerts by priority: what still pages. */
  readonly pendingByPriority: Readonly<Record<AlertPriority, number>>;
}

export function countAlerts(alerts: Iterable<AlertSummary>): AlertCounts {
  const byState = { PENDING: 0, ACCEPTED: 0, RESOLVED: 0 };
  const openByPriority = { HIGH: 0, LOW: 0 };
  const pendingByPriority = { HIGH: 0, LOW: 0 };
  for (const alert of alerts) {
    byState[alert.state] += 1;
    if (alert.state !== 'RESOLVED') openByPriority[alert.priority] += 1;
    if (alert.state === 'PENDING') pendingByPriority[alert.priority] += 1;
  }
  return { byState, openByPriority, pendingByPriority };
}

const counts = memoizeLast((byId: AppState['alerts']['byId']) => countAlerts(byId.values()));

export const selectAlertCounts = (state: AppState): AlertCounts => counts(state.alerts.byId);

/** One alert by id (undefined when the console does not hold it). */
export const selectAlert = (id: string) => (state: AppState) => state.alerts.byId.get(id);

const oldestPending = memoizeLast((byId: AppState['alerts']['byId']) =>
  [...byId.values()]
    .filter((alert) => alert.state === 'PENDING')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || Number(a.id) - Number(b.id)),
);

/** PENDING alerts, oldest first: what nobody has taken yet (the wall's list). */
export const selectOldestPending = (state: AppState): readonly AlertSummary[] =>
  oldestPending(state.alerts.byId);
