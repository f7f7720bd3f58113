import type { PauseView } from '../../shared/ipc/ipcViews.js';

/** Do-not-disturb of the app's own notifications (the tray's "pause" items). Pure. */
export type PauseState =
  | { readonly kind: 'active' }
  | { readonly kind: 'until'; readonly until: number }
  | { readonly kind: 'indefinite' };

export const notPaused: PauseState = { kind: 'active' };

/** `minutes: null`: until resumed. */
export function pauseFor(minutes: number | null, now: number): PauseState {
  return minutes === null
    ? { kind: 'indefinite' }
    : { kind: 'until', until: now + minutes * 60_000 };
}

export function isPaused(state: PauseState, now: number): boolean {
  return state.kind === 'indefinite' || (state.kind === 'until' && now < state.until);
}

export function pauseView(state: PauseState, now: number): PauseView {
  const paused = isPaused(state, now);
  return {
    paused,
    pausedUntil: paused && state.kind === 'until' ? new Date(state.until).toISOString() : null,
  };
}
