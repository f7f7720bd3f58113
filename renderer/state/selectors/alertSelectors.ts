import type { AlertPriority, AlertState, AlertSummary } from '../../../shared/domain/alert.js';
import type { AppState } from '../appState.js';
import { alertsChangedSince } from '../alertsLineage.js';
import { alertLookups, type AlertLookups } from './alertLookups.js';
import { queryAlerts } from './alertQuery.js';
import { memoizeLast } from './memo.js';
import { updateQueryResult, updateSortedIds } from './queueIndex.js';

/**
 * Derived state for views: plain functions of the store's state, memoised on the slices they
 * read, so that a component's `useAppStore(selectQueueIds)` re-renders only when its answer
 * changes. Unit-tested without React (test/renderer/alertSelectors.test.ts).
 */

const lookups = memoizeLast(alertLookups);

export const selectLookups = (state: AppState): AlertLookups =>
  lookups(state.entities.alertSources, state.entities.users);

interface QueueMemo {
  readonly byId: AppState['alerts']['byId'];
  readonly filter: AppState['filters']['queue'];
  readonly sort: AppState['filters']['sort'];
  readonly names: AlertLookups;
  readonly ids: readonly string[];
}

let lastQueue: QueueMemo | null = null;

/**
 * The queue's rows: ids of the alerts that pass the filters, in the chosen order. After a batch
 * of changes (same filter, sort and names) the last answer is updated from the alerts the batch
 * touched (./queueIndex.ts); a snapshot or a new filter sorts everything again.
 */
export const selectQueueIds = (state: AppState): readonly string[] => {
  const { byId } = state.alerts;
  const { queue: filter, sort } = state.filters;
  const names = selectLookups(state);
  const last = lastQueue;
  if (last && last.filter === filter && last.sort === sort && last.names === names) {
    if (last.byId === byId) return last.ids;
    const changed = alertsChangedSince(byId, last.byId);
    const ids = changed && updateQueryResult(last.ids, changed.keys(), byId, filter, sort, names);
    if (ids) {
      lastQueue = { ...last, byId, ids };
      return ids;
    }
  }
  const ids = queryAlerts(byId.values(), filter, sort, names);
  lastQueue = { byId, filter, sort, names, ids };
  return ids;
};

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

function addCounts(counts: AlertCounts, alert: AlertSummary, by: 1 | -1): void {
  const c = counts as { [K in keyof AlertCounts]: Record<string, number> };
  c.byState[alert.state]! += by;
  if (alert.state !== 'RESOLVED') c.openByPriority[alert.priority]! += by;
  if (alert.state === 'PENDING') c.pendingByPriority[alert.priority]! += by;
}

let lastCounts: { byId: AppState['alerts']['byId']; counts: AlertCounts } | null = null;

/** The counts, updated from the alerts a batch touched when the last answer is one batch old. */
export const selectAlertCounts = (state: AppState): AlertCounts => {
  const { byId } = state.alerts;
  if (lastCounts?.byId === byId) return lastCounts.counts;
  const changed = lastCounts && alertsChangedSince(byId, lastCounts.byId);
  let counts: AlertCounts;
  if (lastCounts && changed) {
    const previous = lastCounts.counts;
    counts = {
      byState: { ...previous.byState },
      openByPriority: { ...previous.openByPriority },
      pendingByPriority: { ...previous.pendingByPriority },
    };
    for (const [id, before] of changed) {
      if (before) addCounts(counts, before, -1);
      const after = byId.get(id);
      if (after) addCounts(counts, after, 1);
    }
  } else {
    counts = countAlerts(byId.values());
  }
  lastCounts = { byId, counts };
  return counts;
};

/** One alert by id (undefined when the console does not hold it). */
export const selectAlert = (id: string) => (state: AppState) => state.alerts.byId.get(id);

const isPending = (alert: AlertSummary) => alert.state === 'PENDING';
const oldestFirst = (a: AlertSummary, b: AlertSummary) =>
  (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
  Number(a.id) - Number(b.id);

let lastPending: {
  byId: AppState['alerts']['byId'];
  ids: readonly string[];
  alerts: readonly AlertSummary[];
} | null = null;

/** PENDING alerts, oldest first: what nobody has taken yet (the wall's list). */
export const selectOldestPending = (state: AppState): readonly AlertSummary[] => {
  const { byId } = state.alerts;
  if (lastPending?.byId === byId) return lastPending.alerts;
  const changed = lastPending && alertsChangedSince(byId, lastPending.byId);
  const ids =
    (lastPending &&
      changed &&
      updateSortedIds(lastPending.ids, changed.keys(), byId, isPending, oldestFirst)) ||
    [...byId.values()]
      .filter(isPending)
      .sort(oldestFirst)
      .map((alert) => alert.id);
  const alerts =
    lastPending && ids === lastPending.ids ? lastPending.alerts : ids.map((id) => byId.get(id)!);
  lastPending = { byId, ids, alerts };
  return alerts;
};
