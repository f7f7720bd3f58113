import type { AlertState } from './alert.js';

/** The answer to "may an alert in state `from` move to `to`?" */
export type TransitionCheck =
  | { readonly kind: 'change' }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'illegal'; readonly reason: string };

/**
 * The alert state machine: PENDING → ACCEPTED → RESOLVED, PENDING → RESOLVED, and (for the
 * acknowledgement timeout) ACCEPTED → PENDING. RESOLVED never reopens. Asking for the state an
 * alert is already in is not an error (retries are safe).
 */
export function checkTransition(from: AlertState, to: AlertState): TransitionCheck {
  if (from === to) return { kind: 'unchanged' };
  if (from === 'RESOLVED') {
    return { kind: 'illegal', reason: 'the alert is resolved, and a resolved alert never reopens' };
  }
  return { kind: 'change' };
}

export function isOpen(state: AlertState): boolean {
  return state !== 'RESOLVED';
}
