import type { SyncError, SyncState, SyncStatus } from './syncStatus.js';

/**
 * The status a sync client reports: `since` only moves when the state changes (so "reconnecting
 * for 3 min" survives the retries), `lastLiveAt` only when told, and the error of the last drop
 * stays visible until the client is live again or stopped.
 */
export class StatusTracker {
  private current: SyncStatus;

  constructor(
    private readonly now: () => number,
    private readonly emit: (status: SyncStatus) => void,
  ) {
    this.current = { status: 'stopped', since: now(), lastLiveAt: null };
  }

  get status(): SyncStatus {
    return this.current;
  }

  set(
    status: SyncState,
    more: { retryInMs?: number; error?: SyncError; lastLiveAt?: number } = {},
  ): void {
    const retrying = status === 'connecting' || status === 'reconnecting' || status === 'syncing';
    const error = more.error ?? (retrying ? this.current.error : undefined);
    this.current = {
      status,
      since: status === this.current.status ? this.current.since : this.now(),
      lastLiveAt: more.lastLiveAt ?? this.current.lastLiveAt,
      ...(more.retryInMs !== undefined ? { retryInMs: more.retryInMs } : {}),
      ...(error ? { error } : {}),
    };
    this.emit(this.current);
  }
}
