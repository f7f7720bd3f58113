import type { AlertState, AlertSummary } from '../../../shared/domain/alert.js';
import { unassigned, type QueueFilter, type QueueSort } from '../queueFilter.js';
import type { AlertLookups } from './alertLookups.js';

/** Who an alert's row names: its assignee, else whoever accepted it. */
export function ownerId(alert: AlertSummary): string | null {
  return alert.assigneeId ?? alert.acceptedBy;
}

const searchTexts = new WeakMap<AlertSummary, string>();

/**
 * The lower-cased text the search box looks in. Alerts are immutable and a change replaces the
 * object, so it is computed once per version of an alert (the source name is added per search).
 */
function searchText(alert: AlertSummary): string {
  let text = searchTexts.get(alert);
  if (text === undefined) {
    text = [alert.id, alert.summary, alert.alertKey, ...Object.values(alert.labels)]
      .join('\n')
      .toLowerCase();
    searchTexts.set(alert, text);
  }
  return text;
}

/** `filter` as a test of one alert, with what does not depend on the alert worked out once. */
export function alertFilter(
  filter: QueueFilter,
  lookups: AlertLookups,
): (alert: AlertSummary) => boolean {
  const needle = filter.text.trim().toLowerCase();
  const { states, priorities, sourceIds, assigneeIds } = filter;
  return (alert) => {
    if (states.length > 0 && !states.includes(alert.state)) return false;
    if (priorities.length > 0 && !priorities.includes(alert.priority)) return false;
    if (sourceIds.length > 0 && !sourceIds.includes(alert.sourceId)) return false;
    if (assigneeIds.length > 0 && !assigneeIds.includes(alert.assigneeId ?? unassigned)) {
      return false;
    }
    if (
      needle &&
      !searchText(alert).includes(needle) &&
      !lookups.sourceName(alert.sourceId).toLowerCase().includes(needle)
    ) {
      return false;
    }
    return true;
  };
}

const stateRank: Record<AlertState, number> = { PENDING: 2, ACCEPTED: 1, RESOLVED: 0 };

/**
 * Code-unit order of two ISO timestamps (one format, so it is time order): at 50,000 alerts a
 * sort makes ~800,000 comparisons, and `localeCompare` costs a collation each.
 */
function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One collator for every text column (`localeCompare` with options builds one per call). */
const textOrder = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare;
const nameOrder = new Intl.Collator(undefined, { sensitivity: 'base' }).compare;

/** Newest first, then by id: the order when the sort column ties. */
function newestFirst(a: AlertSummary, b: AlertSummary): number {
  return compareIso(b.createdAt, a.createdAt) || Number(b.id) - Number(a.id);
}

/** The order of `sort`'s column alone (its direction applied); ties are left to the caller. */
function primaryComparator(
  sort: QueueSort,
  lookups: AlertLookups,
): (a: AlertSummary, b: AlertSummary) => number {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const text = (value: (alert: AlertSummary) => string) => (a: AlertSummary, b: AlertSummary) =>
    textOrder(value(a), value(b));
  const primary: Record<QueueSort['column'], (a: AlertSummary, b: AlertSummary) => number> = {
    priority: (a, b) => priorityRank(a) - priorityRank(b),
    state: (a, b) => stateRank[a.state] - stateRank[b.state],
    summary: text((alert) => alert.summary),
    source: text((alert) => lookups.sourceName(alert.sourceId)),
    assignee: (a, b) => {
      const an = lookups.userName(ownerId(a));
      const bn = lookups.userName(ownerId(b));
      // Nobody sorts last whichever the direction: the question is "who has it".
      if (an === null || bn === null) return an === bn ? 0 : (an === null ? 1 : -1) * sign;
      return nameOrder(an, bn);
    },
    // Larger age = created earlier.
    age: (a, b) => compareIso(b.createdAt, a.createdAt),
    events: (a, b) => a.eventCount - b.eventCount,
  };
  const compare = primary[sort.column];
  return (a, b) => sign * compare(a, b);
}

/** HIGH above LOW, then PENDING above ACCEPTED above RESOLVED: 0–5. */
function priorityRank(alert: AlertSummary): number {
  return (alert.priority === 'HIGH' ? 3 : 0) + stateRank[alert.state];
}

/** Columns of a handful of values: their order is a small rank; grouping by it is one pass. */
const ranks: Partial<Record<QueueSort['column'], (alert: AlertSummary) => number>> = {
  priority: priorityRank,
  state: (alert) => stateRank[alert.state],
};

/**
 * The comparator of a sort. `desc` on priority is HIGH first (then PENDING before ACCEPTED), on
 * age the oldest first, on events the most first; ties are always newest first.
 */
export function alertComparator(
  sort: QueueSort,
  lookups: AlertLookups,
): (a: AlertSummary, b: AlertSummary) => number {
  const primary = primaryComparator(sort, lookups);
  return (a, b) => primary(a, b) || newestFirst(a, b);
}

/**
 * The ids of the alerts that pass `filter`, in `sort` order ({@link alertComparator}'s). Sorted
 * in two steps: newest first (a sort with that one cheap comparator), then by the column with
 * a stable sort, which keeps ties newest first — a column of a few values (priority, state) is
 * grouped in one pass. In a console just started, the first sort of 10,000 alerts took
 * 8–22 ms with the whole comparator and 6–14 ms this way (docs/benchmarks.md, session 5).
 */
export function queryAlerts(
  alerts: Iterable<AlertSummary>,
  filter: QueueFilter,
  sort: QueueSort,
  lookups: AlertLookups,
): string[] {
  const matches = alertFilter(filter, lookups);
  const matching: AlertSummary[] = [];
  for (const alert of alerts) if (matches(alert)) matching.push(alert);
  // V8's sort (TimSort) takes runs already in order, or reversed, in one pass.
  matching.sort(newestFirst);
  const rank = ranks[sort.column];
  const ordered = rank
    ? groupByRank(matching, rank, sort.direction)
    : matching.sort(primaryComparator(sort, lookups)); // stable: ties stay newest first
  return ordered.map((alert) => alert.id);
}

/** `alerts` grouped by `rank` (ascending, or descending for `desc`), each group in its order. */
function groupByRank(
  alerts: readonly AlertSummary[],
  rank: (alert: AlertSummary) => number,
  direction: QueueSort['direction'],
): AlertSummary[] {
  const groups: AlertSummary[][] = [];
  for (const alert of alerts) (groups[rank(alert)] ??= []).push(alert);
  if (direction === 'desc') groups.reverse();
  const ordered: AlertSummary[] = [];
  for (const group of groups) if (group) for (const alert of group) ordered.push(alert);
  return ordered;
}
