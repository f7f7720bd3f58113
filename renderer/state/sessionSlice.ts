import type { StateCreator } from 'zustand/vanilla';
import type { SignedInUser, TransportError } from '../transport/transport.js';
import type { AppState } from './appState.js';

/**
 * - `signedOut`: the sign-in form shows (with `error` when the last attempt failed).
 * - `signingIn`: checking the engine URL and token.
 * - `signedIn`: `user` is who the token belongs to; the stream is on.
 */
export interface SessionState {
  readonly phase: 'signedOut' | 'signingIn' | 'signedIn';
  /** The engine signed in to (or last tried). */
  readonly engineUrl: string;
  readonly user: SignedInUser | null;
  readonly error: TransportError | null;
  /** Signed in, but the engine refuses the stream from this page (../app/streamDiagnosis.ts). */
  readonly streamProblem: string | null;
}

export interface SessionSlice {
  readonly session: SessionState;
  setSession(session: Partial<SessionState>): void;
}

export const createSessionSlice =
  (engineUrl: string): StateCreator<AppState, [], [], SessionSlice> =>
  (set) => ({
    session: { phase: 'signedOut', engineUrl, user: null, error: null, streamProblem: null },
    setSession: (change) => set((state) => ({ session: { ...state.session, ...change } })),
  });
