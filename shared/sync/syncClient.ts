import type { BackoffSettings } from './backoff.js';
import type { Scheduler } from './scheduler.js';
import type { StreamPosition } from './streamCursor.js';
import { StreamSync } from './streamSync.js';
import type { Connector } from './transport.js';
import type { SyncListener, SyncStatus } from './syncStatus.js';

export type { StreamPosition };

export { defaultConnectTimeoutMs, defaultHeartbeatTimeoutMs } from './streamSync.js';

export interface SyncClientOptions {
  readonly connect: Connector;
  readonly listener: SyncListener;
  /** Default: the host's setTimeout and Date.now. */
  readonly scheduler?: Scheduler;
  readonly backoff?: Partial<BackoffSettings>;
  /** [0, 1); default Math.random. */
  readonly random?: () => number;
  /** No message for this long on an open connection means it is dead: reconnect. Default 37.5 s. */
  readonly heartbeatTimeoutMs?: number;
  /** A connection that has not opened after this long counts as failed. Default 15 s. */
  readonly connectTimeoutMs?: number;
  /**
   * Asks the engine over REST whether the token is still good; resolves false on a 401. Browsers
   * cannot see why an upgrade failed (only a close with 1006), so after `checkTokenAfter`
   * consecutive attempts that never opened, the client asks this, and on false stops retrying
   * with the status `unauthorized` instead of knocking forever with a dead token.
   */
  readonly checkToken?: () => Promise<boolean>;
  /** Default 2. */
  readonly checkTokenAfter?: number;
}

/** Keeps a console in sync with the engine's stream (docs/protocol.md). */
export interface SyncClient {
  /** Connects; from `stopped` only (a new client starts stopped). */
  start(): void;
  /** Closes the connection and stops retrying; the position is kept for a later `start()`. */
  stop(): void;
  /** Connects again now, resuming: after a new token, or when the network came back. */
  reconnect(): void;
  readonly status: SyncStatus;
  readonly position: StreamPosition | null;
}

/** A client in the `stopped` state: call `start()`. */
export function createSyncClient(options: SyncClientOptions): SyncClient {
  return new StreamSync(options);
}
