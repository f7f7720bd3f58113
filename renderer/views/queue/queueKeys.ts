/**
 * The queue's keyboard, as a pure reducer: (rows, focus, selection) + a key → the new focus and
 * selection and at most one command for the view to carry out. Unit-tested without a DOM.
 *
 * | key            | does                                                    |
 * | -------------- | ------------------------------------------------------- |
 * | j / ↓, k / ↑   | focus the next / previous row                           |
 * | g / Home, G / End | focus the first / last row                           |
 * | Enter / o      | open the focused alert                                  |
 * | a / r          | accept / resolve the selection, else the focused alert  |
 * | x              | select or unselect the focused alert                    |
 * | / (slash)      | focus the search box                                    |
 * | Escape         | clear the selection (and let the queue re-sort)         |
 */

export interface QueueKeyState {
  readonly rows: readonly string[];
  readonly focusedId: string | null;
  readonly selectedIds: ReadonlySet<string>;
}

export type QueueCommand =
  | { readonly type: 'open'; readonly id: string }
  | { readonly type: 'act'; readonly kind: 'accept' | 'resolve'; readonly ids: readonly string[] }
  | { readonly type: 'focusSearch' }
  | { readonly type: 'release' };

export interface QueueKeyResult {
  readonly focusedId: string | null;
  readonly selectedIds: ReadonlySet<string>;
  readonly command: QueueCommand | null;
}

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
}

/** The result for `press`, or null when the queue does not handle it (let the page have it). */
export function queueKey(state: QueueKeyState, press: KeyPress): QueueKeyResult | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const { rows, focusedId, selectedIds } = state;
  const at = focusedId === null ? -1 : rows.indexOf(focusedId);
  const focus = (index: number): QueueKeyResult => ({
    focusedId: rows.length === 0 ? null : rows[Math.max(0, Math.min(rows.length - 1, index))]!,
    selectedIds,
    command: null,
  });
  const command = (c: QueueCommand): QueueKeyResult => ({ focusedId, selectedIds, command: c });
  switch (press.key) {
    case 'j':
    case 'ArrowDown':
      return focus(at + 1);
    case 'k':
    case 'ArrowUp':
      return focus(at === -1 ? 0 : at - 1);
    case 'g':
    case 'Home':
      return focus(0);
    case 'G':
    case 'End':
      return focus(rows.length - 1);
    case 'Enter':
    case 'o':
      return focusedId !== null && at !== -1 ? command({ type: 'open', id: focusedId }) : null;
    case 'a':
    case 'r': {
      const ids =
        selectedIds.size > 0
          ? rows.filter((id) => selectedIds.has(id))
          : focusedId !== null && at !== -1
            ? [focusedId]
            : [];
      if (ids.length === 0) return null;
      return command({ type: 'act', kind: press.key === 'a' ? 'accept' : 'resolve', ids });
    }
    case 'x': {
      if (focusedId === null || at === -1) return null;
      const next = new Set(selectedIds);
      if (!next.delete(focusedId)) next.add(focusedId);
      return { focusedId, selectedIds: next, command: null };
    }
    case '/':
      return command({ type: 'focusSearch' });
    case 'Escape':
      return { focusedId, selectedIds: new Set(), command: { type: 'release' } };
    default:
      return null;
  }
}
