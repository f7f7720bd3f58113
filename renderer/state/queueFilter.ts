import type { AlertPriority, AlertState } from '../../shared/domain/alert.js';

/** The queue's columns: what can be sorted by, shown and exported. */
export const queueColumns = [
  'priority',
  'state',
  'summary',
  'source',
  'assignee',
  'age',
  'events',
] as const;
export type QueueColumn = (typeof queueColumns)[number];

/**
 * What the queue shows. Within a field, values combine with OR; an empty list means "any".
 * Fields combine with AND (as `GET /api/v1/alerts` does).
 */
export interface QueueFilter {
  readonly states: readonly AlertState[];
  readonly priorities: readonly AlertPriority[];
  readonly sourceIds: readonly string[];
  /** User ids; `unassigned` for alerts nobody is assigned to. */
  readonly assigneeIds: readonly string[];
  /** Case-insensitive text in the summary, alert key, source name or a label value. */
  readonly text: string;
}

export interface QueueSort {
  readonly column: QueueColumn;
  readonly direction: 'asc' | 'desc';
}

export interface SavedView {
  readonly name: string;
  readonly filter: QueueFilter;
  readonly sort: QueueSort;
}

export const unassigned = 'unassigned';

export const defaultQueueFilter: QueueFilter = {
  states: ['PENDING', 'ACCEPTED'],
  priorities: [],
  sourceIds: [],
  assigneeIds: [],
  text: '',
};

/** HIGH first, then (ties) newest first: what an operator wants to see at the top. */
export const defaultQueueSort: QueueSort = { column: 'priority', direction: 'desc' };

/** The list fields of a filter, for chips that toggle one value. */
export type FilterListField = 'states' | 'priorities' | 'sourceIds' | 'assigneeIds';

export function toggleValue(
  filter: QueueFilter,
  field: FilterListField,
  value: string,
): QueueFilter {
  const values = filter[field] as readonly string[];
  const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  return { ...filter, [field]: next };
}

/** Clicking a column header: sort by it, or flip the direction if it is the sort already. */
export function nextSort(sort: QueueSort, column: QueueColumn): QueueSort {
  if (sort.column === column) {
    return { column, direction: sort.direction === 'asc' ? 'desc' : 'asc' };
  }
  // Text reads best A→Z; numbers and priority best largest / most urgent first.
  return { column, direction: column === 'summary' || column === 'source' ? 'asc' : 'desc' };
}

export function isDefaultFilter(filter: QueueFilter): boolean {
  return JSON.stringify(filter) === JSON.stringify(defaultQueueFilter);
}
