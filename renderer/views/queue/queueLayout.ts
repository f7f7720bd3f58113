import type { QueueColumn } from '../../state/queueFilter.js';

/** Every row has this height (px): the virtualizer relies on it, and the CSS sets it. */
export const queueRowHeight = 32;

/** Column headers, in display order (the grid template is in styles/queue.css). */
export const queueHeaders: ReadonlyArray<{ column: QueueColumn; label: string }> = [
  { column: 'priority', label: 'Priority' },
  { column: 'state', label: 'State' },
  { column: 'summary', label: 'Summary' },
  { column: 'source', label: 'Source' },
  { column: 'assignee', label: 'Assignee' },
  { column: 'age', label: 'Age' },
  { column: 'events', label: 'Events' },
];

/** How long a new alert's row stays marked (ms). */
export const newMarkMs = 10_000;
