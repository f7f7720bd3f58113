import type { Change } from '../protocol/changes.js';
import type {
  AlertSource,
  AlertSummary,
  NotificationMessage,
  StoredSchedule,
  StoredEscalationPolicy,
  AlertEscalation,
  HeartbeatMonitor,
  StoredMaintenanceWindow,
  Team,
  User,
} from '../protocol/messages.js';

/**
 * Where the connection to the engine stands.
 * - `connecting`: no data yet; opening a connection (or waiting to retry: `retryInMs`).
 * - `syncing`: connected; the snapshot or the missed deltas are on their way.
 * - `live`: up to date; deltas apply as they come.
 * - `reconnecting`: the data shown is stale; opening a connection or waiting to retry.
 * - `unauthorized`: the engine refused the token; nothing is retried until the host calls
 *   `reconnect()` (after the user signed in again).
 * - `stopped`: `stop()` was called.
 */
export type SyncState =
  'connecting' | 'syncing' | 'live' | 'reconnecting' | 'unauthorized' | 'stopped';

/** Why the last connection ended, for the console to show. */
export interface SyncError {
  /**
   * The engine's error code (`slow_consumer`, `unauthorized`, …), or the client's own:
   * `connect_failed`, `connection_lost`, `heartbeat_timeout`, `gap`, `invalid_message`,
   * `unexpected_message`.
   */
  readonly code: string;
  readonly message: string;
}

export interface SyncStatus {
  readonly status: SyncState;
  /** When this status began (ms since the epoch); retries within one status keep it. */
  readonly since: number;
  /** When the client was last live (when it went live, or when it stopped being live); null before. */
  readonly lastLiveAt: number | null;
  /** While waiting to retry: how long until the next attempt. */
  readonly retryInMs?: number;
  readonly error?: SyncError;
}

/** The whole replicated state at `seq`, assembled from a snapshot's parts. */
export interface Snapshot {
  readonly streamId: string;
  readonly seq: number;
  readonly serverTime: string;
  readonly alerts: readonly AlertSummary[];
  readonly alertSources: readonly AlertSource[];
  readonly users: readonly User[];
  readonly teams: readonly Team[];
  readonly schedules: readonly StoredSchedule[];
  readonly escalationPolicies: readonly StoredEscalationPolicy[];
  readonly alertEscalations: readonly AlertEscalation[];
  /** Absent: none (hosts and fixtures written before heartbeat monitors). */
  readonly heartbeatMonitors?: readonly HeartbeatMonitor[];
  /** Absent: none (hosts and fixtures written before maintenance windows). */
  readonly maintenanceWindows?: readonly StoredMaintenanceWindow[];
}

/** What the sync client tells its host. Called synchronously, in stream order. */
export interface SyncListener {
  /** Replace everything held with this. */
  onSnapshot(snapshot: Snapshot): void;
  /** Apply these, in order; the state is then at `seq`. */
  onChanges(changes: readonly Change[], seq: number): void;
  onStatus(status: SyncStatus): void;
  /**
   * A notification for the signed-in user (docs/notifications.md), to raise natively (the tray).
   * Not replicated state: a console that was offline does not get it later. Optional.
   */
  onNotification?(notification: NotificationMessage): void;
}
