/**
 * "Nothing jumps under the cursor": while the operator reads (focus, selection, a hovered
 * table), the queue keeps the order it had, and says what is waiting instead of moving rows.
 * Rows keep showing their alert's latest state; only the order and the set of rows wait.
 */
export interface HeldQueue {
  /** The rows to show: the held order, minus alerts the console no longer holds at all. */
  readonly rows: readonly string[];
  /** Alerts that now pass the filter but are not shown yet (new ones, mostly). */
  readonly added: number;
  /** Shown alerts that no longer pass the filter (resolved under a "open only" filter, …). */
  readonly left: number;
  /** Whether releasing would change anything (including the order alone). */
  readonly stale: boolean;
}

export function holdQueue(
  held: readonly string[],
  live: readonly string[],
  exists: (id: string) => boolean,
): HeldQueue {
  const rows = held.filter(exists);
  const shown = new Set(rows);
  const current = new Set(live);
  const added = live.reduce((n, id) => n + (shown.has(id) ? 0 : 1), 0);
  const left = rows.reduce((n, id) => n + (current.has(id) ? 0 : 1), 0);
  const stale =
    added > 0 || left > 0 || rows.length !== live.length || rows.some((id, i) => id !== live[i]);
  return { rows, added, left, stale };
}

/** The "N new" button's words, or null when there is nothing to show. */
export function waitingLabel(held: HeldQueue): string | null {
  if (!held.stale) return null;
  if (held.added > 0) return `${held.added} new — show`;
  if (held.left > 0) return `${held.left} left this view — update`;
  return 'Order changed — update';
}
