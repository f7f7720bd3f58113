import type { StateCreator } from 'zustand/vanilla';
import type { SyncError, SyncState, SyncStatus } from '../../shared/sync/syncStatus.js';
import type { AppState } from './appState.js';

/**
 * What the operator is told about the connection (karma's states):
 * - `connecting`: nothing shown yet; the first snapshot is on its way.
 * - `live`: what is shown is current; changes apply as they come.
 * - `stale`: the connection dropped a moment ago; what is shown may be behind; reconnecting.
 * - `offline`: the engine cannot be reached (or refused the token); what is shown is as of
 *   `lastLiveAt`. The sync client keeps retrying unless the token was refused.
 */
export type ConnectionState = 'connecting' | 'live' | 'stale' | 'offline';

export interface ConnectionInfo {
  readonly state: ConnectionState;
  /** When `state` began (ms since the epoch). */
  readonly since: number;
  /** When the console was last live (null: never yet). "Offline since" shows this. */
  readonly lastLiveAt: number | null;
  /** The sync client's own finer state (`syncing`, `reconnecting`, `unauthorized`, …). */
  readonly sync: SyncState;
  /** Why the last connection ended, while not live. */
  readonly error: SyncError | null;
  /** While waiting to retry: how long until the next attempt (ms), from `since`. */
  readonly retryInMs: number | null;
}

export interface ConnectionSlice {
  readonly connection: ConnectionInfo;
  setSyncStatus(status: SyncStatus): void;
}

/**
 * The console's state for a sync status. A connection that dropped is `stale` while the client
 * tries again; once an attempt failed to reach the engine at all it is `offline`.
 */
export function connectionStateOf(status: SyncStatus, hasData: boolean): ConnectionState {
  switch (status.status) {
    case 'live':
      return 'live';
    case 'unauthorized':
    case 'stopped':
      return 'offline';
    case 'connecting':
      return status.error?.code === 'connect_failed' ? 'offline' : 'connecting';
    case 'syncing':
      return hasData ? 'stale' : 'connecting';
    case 'reconnecting':
      return status.error?.code === 'connect_failed' ? 'offline' : 'stale';
  }
}

export function nextConnection(
  previous: ConnectionInfo,
  status: SyncStatus,
  hasData: boolean,
  now: number,
): ConnectionInfo {
  const state = connectionStateOf(status, hasData);
  return {
    state,
    since: state === previous.state ? previous.since : now,
    lastLiveAt: state === 'live' ? now : (status.lastLiveAt ?? previous.lastLiveAt),
    sync: status.status,
    error: state === 'live' ? null : (status.error ?? null),
    retryInMs: status.retryInMs ?? null,
  };
}

export const initialConnection = (now: number): ConnectionInfo => ({
  state: 'connecting',
  since: now,
  lastLiveAt: null,
  sync: 'stopped',
  error: null,
  retryInMs: null,
});

export const createConnectionSlice =
  (now: () => number): StateCreator<AppState, [], [], ConnectionSlice> =>
  (set) => ({
    connection: initialConnection(now()),
    setSyncStatus: (status) =>
      set((state) => ({
        connection: nextConnection(state.connection, status, state.sync.position !== null, now()),
      })),
  });
