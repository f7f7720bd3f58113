import type { Alert, AlertLogEntry } from '../../shared/domain/alert.js';
import type { User, UserRole } from '../../shared/domain/user.js';
import type { AlertLogPage } from '../../shared/api/alertEndpoints.js';
import type { AlertTimeline } from '../../shared/escalation/timelineModel.js';
import type { Change } from '../../shared/protocol/changes.js';
import type { NotificationMessage } from '../../shared/protocol/messages.js';
import type { Snapshot, SyncStatus } from '../../shared/sync/syncStatus.js';
import type { ManageTransport } from './manageTransport.js';
import type { ScheduleTransport } from './scheduleTransport.js';

/**
 * Everything the console needs from the engine, and nothing more. Two implementations:
 * ./browserTransport.ts (a WebSocket and fetch, in a browser or a wall screen) and, in the
 * desktop app (#5), the preload bridge, where the Electron main process owns the connection.
 *
 * Rules that keep it crossable over IPC: every argument and result is plain JSON-like data (no
 * functions, classes, Maps or Errors in them), every REST call resolves (never rejects) with a
 * {@link TransportResult}, and one method is one message. Add a method per call a view needs
 * (`getTimeline`, `listShifts`, …); never a generic `request(path)`.
 */
export interface Transport extends ManageTransport, ScheduleTransport {
  /** The engine's base URL, as signed in (`http://127.0.0.1:7070`). For display and links. */
  readonly engineUrl: string;

  /**
   * Streams the replicated state: a snapshot, then changes, plus connection status and
   * notifications, in stream order. The first subscriber starts the connection; the last one to
   * unsubscribe stops it. Events are not batched here: the store does that (state/syncBatcher).
   */
  subscribe(listener: (event: SyncEvent) => void): () => void;
  /** Connect again now (the network came back; the operator pressed "retry"). */
  reconnect(): void;
  /** Stops everything; the transport is not used again. */
  close(): void;

  /** Who the token belongs to: the sign-in check. */
  whoAmI(): Promise<TransportResult<SignedInUser>>;
  /** `GET /api/v1/alerts/{id}`: every field and the start of the log. */
  getAlert(id: string): Promise<TransportResult<AlertWithLog>>;
  acceptAlert(id: string, comment?: string): Promise<TransportResult<Alert>>;
  resolveAlert(id: string, comment?: string): Promise<TransportResult<Alert>>;
  commentAlert(id: string, text: string): Promise<TransportResult<Alert>>;
  /** `userId: null` removes the assignee. */
  assignAlert(id: string, userId: string | null): Promise<TransportResult<Alert>>;
  /**
   * `GET /api/v1/alerts/{id}/timeline`: what escalation did (notifications and their outcomes,
   * from the log) and what it will do; the detail view reads the history from it.
   */
  getTimeline(id: string): Promise<TransportResult<AlertTimeline>>;
  /**
   * `GET /api/v1/alerts/{id}/log?cursor=`: the entries after `cursor` (a `nextCursor` from
   * {@link getAlert} or an earlier page), up to 200, oldest first.
   */
  getAlertLog(id: string, cursor: string): Promise<TransportResult<AlertLogPage>>;
}

/** One thing the stream said. Plain data: it crosses IPC as it is. */
export type SyncEvent =
  /** Replace all replicated state with this. */
  | { readonly type: 'snapshot'; readonly snapshot: Snapshot }
  /** Apply in order; the state is then at `seq` of stream `streamId`. */
  | {
      readonly type: 'changes';
      readonly streamId: string;
      readonly seq: number;
      readonly changes: readonly Change[];
    }
  | { readonly type: 'status'; readonly status: SyncStatus }
  | { readonly type: 'notification'; readonly notification: NotificationMessage };

export type SyncDataEvent = Extract<SyncEvent, { type: 'snapshot' | 'changes' }>;

/** The caller as `GET /api/v1/me` answers: its user, and what its token may do. */
export interface SignedInUser extends User {
  /** The lower of the user's role and the token's cap: what the console may offer. */
  readonly effectiveRole: UserRole;
}

export interface AlertWithLog extends Alert {
  readonly log: { readonly items: readonly AlertLogEntry[]; readonly nextCursor: string | null };
}

/**
 * Why a call failed. `code` is the engine's stable error code (`unauthorized`,
 * `illegal_transition`, … see shared/api/errors.ts) or one of the transport's own:
 * `engine_unreachable`, `invalid_response`, `invalid_engine_url`.
 */
export interface TransportError {
  readonly code: string;
  /** A sentence for the operator: what went wrong and what to do. */
  readonly message: string;
  /**
   * The engine's HTTP status, when there was an answer. (Optional, as in shared/ipc's IpcError:
   * the desktop app's IPC results fit this type as they are.)
   */
  readonly status?: number;
  /** On validation errors, each field the engine refused (`levels.0.targets`), with a sentence. */
  readonly issues?: ReadonlyArray<{ readonly path: string; readonly message: string }>;
}

export type TransportResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: TransportError };
