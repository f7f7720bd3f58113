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
  // Both lists made at their final size and filled by index: grown push by push, each was
  // reallocated and copied several times over — garbage at every batch, 60 a second.
  const kept: string[] = new Array<string>(previous.length);
  let keptCount = 0;
  for (const id of previous) if (!changed.has(id)) kept[keptCount++] = id;
  if (added.length === 0 && keptCount === previous.length) return previous;
  added.sort(compare);
  const result: string[] = new Array<string>(keptCount + added.length);
  let r = 0;
  let k = 0;
  for (const alert of added) {
    let lo = k;
    let hi = keptCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(byId.get(kept[mid]!)!, alert) <= 0) lo = mid + 1;
      else hi = mid;
    }
    while (k < lo) result[r++] = kept[k++]!;
    result[r++] = alert.id;
  }
  while (k < keptCount) result[r++] = kept[k++]!;
  return result;
}
