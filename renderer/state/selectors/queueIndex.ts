import type { AlertSummary } from '../../../shared/domain/alert.js';
import type { QueueFilter, QueueSort } from '../queueFilter.js';
import type { AlertLookups } from './alertLookups.js';
import { alertComparator, alertFilter } from './alertQuery.js';

/** Past this share of the list changed, sorting everything again is as cheap. */
const rebuildShare = 0.25;

/**
 * The queue's ids after a batch, from the ids before it and the alerts the batch touched, in
 * O(n + k log n) instead of filtering and sorting all n alerts again: the untouched ids keep
 * their order (their alerts did not change, nor did the filter, sort or names), the touched
 * ones that still match are sorted and merged in by binary search. Returns `previous` itself
 * when the batch changed nothing the queue shows; null when rebuilding is the cheaper way.
 * Equal to `queryAlerts` on the new alerts (test/renderer/queueIndex.test.ts checks it).
 */
export function updateQueryResult(
  previous: readonly string[],
  changedIds: Iterable<string>,
  byId: ReadonlyMap<string, AlertSummary>,
  filter: QueueFilter,
  sort: QueueSort,
  lookups: AlertLookups,
): readonly string[] | null {
  return updateSortedIds(
    previous,
    changedIds,
    byId,
    alertFilter(filter, lookups),
    alertComparator(sort, lookups),
  );
}

/** The same for any filter and total order over alerts (the wall's oldest pending, too). */
export function updateSortedIds(
  previous: readonly string[],
  changedIds: Iterable<string>,
  byId: ReadonlyMap<string, AlertSummary>,
  matches: (alert: AlertSummary) => boolean,
  compare: (a: AlertSummary, b: AlertSummary) => number,
): readonly string[] | null {
  const changed = new Set(changedIds);
  if (changed.size === 0) return previous;
  if (changed.size > Math.max(64, previous.length * rebuildShare)) return null;
  const added: AlertSummary[] = [];
  for (const id of changed) {
    const alert = byId.get(id);
    if (alert && matches(alert)) added.push(alert);
  }
  const kept: string[] = [];
  for (const id of previous) if (!changed.has(id)) kept.push(id);
  if (added.length === 0 && kept.length === previous.length) return previous;
  added.sort(compare);
  const result: string[] = [];
  let k = 0;
  for (const alert of added) {
    let lo = k;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(byId.get(kept[mid]!)!, alert) <= 0) lo = mid + 1;
      else hi = mid;
    }
    while (k < lo) result.push(kept[k++]!);
    result.push(alert.id);
  }
  while (k < kept.length) result.push(kept[k++]!);
  return result;
}
