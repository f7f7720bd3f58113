import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appState.js';

export type AlertActionKind = 'accept' | 'resolve' | 'comment' | 'assign';

/** A message for the operator after an action (a toast), dismissed by id. */
export interface Notice {
  readonly id: number;
  readonly tone: 'info' | 'error';
  readonly text: string;
  /** The engine's error code, for support and tests. */
  readonly code?: string;
  readonly at: number;
}

/**
 * Alert actions in flight and what became of them. The alert itself changes only when the
 * stream says so; until then its row shows the action as pending.
 */
export interface ActionsSlice {
  readonly actions: {
    readonly pending: ReadonlyMap<string, AlertActionKind>;
    readonly notices: readonly Notice[];
  };
  setPending(ids: readonly string[], kind: AlertActionKind | null): void;
  notify(notice: Omit<Notice, 'id' | 'at'>): void;
  dismissNotice(id: number): void;
}

/** Notices kept at most; older ones go first. */
const maxNotices = 5;

export const createActionsSlice =
  (now: () => number): StateCreator<AppState, [], [], ActionsSlice> =>
  (set) => {
    let serial = 0;
    return {
      actions: { pending: new Map(), notices: [] },
      setPending: (ids, kind) =>
        set((state) => {
          const pending = new Map(state.actions.pending);
          for (const id of ids) {
            if (kind) pending.set(id, kind);
            else pending.delete(id);
          }
          return { actions: { ...state.actions, pending } };
        }),
      notify: (notice) =>
        set((state) => ({
          actions: {
            ...state.actions,
            notices: [...state.actions.notices, { ...notice, id: ++serial, at: now() }].slice(
              -maxNotices,
            ),
          },
        })),
      dismissNotice: (id) =>
        set((state) => ({
          actions: { ...state.actions, notices: state.actions.notices.filter((n) => n.id !== id) },
        })),
    };
  };
