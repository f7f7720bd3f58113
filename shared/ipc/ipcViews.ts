import type { Alert, AlertLogEntry } from '../domain/alert.js';
import type { User, UserRole } from '../domain/user.js';
import type { Change } from '../protocol/changes.js';
import type { NotificationMessage } from '../protocol/messages.js';
import type { StoredSchedule } from '../api/schedules.js';
import type { Snapshot, SyncStatus } from '../sync/syncStatus.js';

/**
 * The plain-data shapes that cross the desktop app's IPC (./ipcContract.ts). Everything here is
 * structured-clone safe: no functions, classes, Maps or Errors.
 */

/** Why a call failed: a stable `code` and a sentence for the operator. */
export interface IpcError {
  /**
   * The engine's error code (`unauthorized`, `version_conflict`, …) or main's own:
   * `forbidden_sender`, `invalid_argument`, `unknown_engine`, `engine_unreachable`,
   * `secure_storage_unavailable`, `not_found`, `internal`.
   */
  readonly code: string;
  readonly message: string;
  /** The engine's HTTP status, when the failure was an engine's answer. */
  readonly status?: number;
  /** On the engine's validation errors, each field it refused (`levels.0.targets`). */
  readonly issues?: ReadonlyArray<{ readonly path: string; readonly message: string }>;
}

/** Every request resolves with this: only an error's message would survive `invoke` rejecting. */
export type IpcResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

export type EngineKind = 'embedded' | 'remote';

/** One engine connection as the console and the tray see it. */
export interface EngineView {
  readonly id: string;
  readonly label: string;
  readonly kind: EngineKind;
  /** `http://127.0.0.1:7070`; empty while the embedded engine is starting. */
  readonly url: string;
  /** `starting`/`failed`: the embedded engine itself; otherwise the stream's state. */
  readonly status: SyncStatus['status'] | 'starting' | 'failed';
  /** Why it failed or why the stream is down, for the operator. */
  readonly problem: string | null;
  readonly pendingForMe: number;
  readonly pendingOverall: number;
}

/** One thing an engine's stream said (the renderer's `SyncEvent`, per engine). */
export type IpcSyncEvent =
  | { readonly type: 'snapshot'; readonly snapshot: Snapshot }
  | {
      readonly type: 'changes';
      readonly streamId: string;
      readonly seq: number;
      readonly changes: readonly Change[];
    }
  | { readonly type: 'status'; readonly status: SyncStatus }
  | { readonly type: 'notification'; readonly notification: NotificationMessage };

export interface SignedInUserView extends User {
  readonly effectiveRole: UserRole;
}

export interface AlertWithLogView extends Alert {
  readonly log: { readonly items: readonly AlertLogEntry[]; readonly nextCursor: string | null };
}

export interface PauseView {
  /** RFC 3339; null when not paused or paused until resumed. */
  readonly pausedUntil: string | null;
  readonly paused: boolean;
}

export interface DisplayView {
  readonly id: number;
  readonly label: string;
  readonly primary: boolean;
  readonly bounds: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
}

export interface AppInfoView {
  readonly version: string;
  readonly platform: string;
  /** The first engine to show when the console starts (the embedded one if running). */
  readonly defaultEngineId: string | null;
}

/** A change drafted offline, waiting to be pushed (or stuck: see `state`). */
export interface DraftView {
  readonly id: string;
  readonly engineId: string;
  readonly scheduleId: string;
  readonly kind: 'override' | 'schedule';
  /** The schedule version the draft was based on. */
  readonly baseVersion: number;
  /** The override `{start, end, userId}` or the whole schedule body of a PUT. */
  readonly payload: unknown;
  readonly createdAt: string;
  /** `pending`: waits to be pushed; `conflict`: see the conflict; `rejected`: see `problem`. */
  readonly state: 'pending' | 'conflict' | 'rejected';
  readonly problem: string | null;
}

/** A draft that met a newer version: both sides, for the operator to choose. */
export interface ConflictView {
  readonly id: string;
  readonly draftId: string;
  readonly engineId: string;
  readonly scheduleId: string;
  /** The schedule as the draft would make it (or the override to add). */
  readonly mine: unknown;
  /** The schedule as the engine has it now. */
  readonly theirs: StoredSchedule;
  readonly detectedAt: string;
}

/** The offline copy of one engine's planning data. */
export interface PlanningView {
  readonly engineId: string;
  readonly schedules: readonly StoredSchedule[];
  readonly users: readonly User[];
  readonly drafts: readonly DraftView[];
  readonly conflicts: readonly ConflictView[];
  /** When the copy was last refreshed from the engine; null: never. */
  readonly syncedAt: string | null;
}

export interface PushReport {
  readonly pushed: number;
  readonly conflicts: number;
  readonly rejected: number;
  /** The engine could not be reached: everything stays queued. */
  readonly offline: boolean;
}
