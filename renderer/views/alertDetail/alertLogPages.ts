import type { AlertLogEntry } from '../../../shared/domain/alert.js';

export interface LogPage {
  readonly items: readonly AlertLogEntry[];
  readonly nextCursor: string | null;
}

/** A page read after the first, with the cursor that read it (to read it again). */
export interface LaterPage extends LogPage {
  readonly cursor: string;
}

/**
 * The log as shown: the first page (which comes with the alert and is read again on every
 * change) and the pages read after it, oldest first, each entry once; `nextCursor` is where
 * the next "show later entries" reads from, null when everything is shown.
 */
export function mergedLog(first: LogPage, later: readonly LaterPage[]): LogPage {
  if (later.length === 0) return first;
  const seen = new Set<string>();
  const items: AlertLogEntry[] = [];
  for (const page of [first, ...later]) {
    for (const entry of page.items) {
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      items.push(entry);
    }
  }
  return { items, nextCursor: later.at(-1)?.nextCursor ?? null };
}

/** `later` with `page` added after the others, or in place of the one read with its cursor. */
export function withLaterPage(later: readonly LaterPage[], page: LaterPage): LaterPage[] {
  const at = later.findIndex((p) => p.cursor === page.cursor);
  if (at === -1) return [...later, page];
  // A page read again (the alert changed): what followed it was read from its old end.
  return [...later.slice(0, at), page];
}

/** The cursor to read again when the alert changed: the last page's, whose end may have grown. */
export function cursorToRefresh(later: readonly LaterPage[]): string | null {
  return later.at(-1)?.cursor ?? null;
}
