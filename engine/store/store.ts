import type { Change } from '../../shared/protocol/changes.js';
import type { AlertsReader, AlertsRepo } from './repositories/alerts.js';
import type { AlertSourcesReader, AlertSourcesRepo } from './repositories/alertSources.js';
import type {
  ApiTokensReader,
  ApiTokensRepo,
  UsersReader,
  UsersRepo,
} from './repositories/users.js';
import type { TeamsReader, TeamsRepo } from './repositories/teams.js';
import type { SchedulesReader, SchedulesRepo } from './repositories/schedules.js';
import type { CalendarFeedsReader, CalendarFeedsRepo } from './repositories/calendarFeeds.js';
import type { DueWorkReader, DueWorkRepo } from './repositories/dueWork.js';
import type {
  NotificationRulesReader,
  NotificationRulesRepo,
} from './repositories/notificationRules.js';
import type { OutboxReader, OutboxRepo } from './repositories/outbox.js';
import type {
  EscalationPoliciesReader,
  EscalationPoliciesRepo,
} from './repositories/escalationPolicies.js';
import type {
  AlertEscalationsReader,
  AlertEscalationsRepo,
} from './repositories/alertEscalations.js';
import type {
  HeartbeatMonitorsReader,
  HeartbeatMonitorsRepo,
} from './repositories/heartbeatMonitors.js';
import type {
  MaintenanceWindowsReader,
  MaintenanceWindowsRepo,
} from './repositories/maintenanceWindows.js';

export type * from './repositories/alerts.js';
export type * from './repositories/alertSources.js';
export type * from './repositories/users.js';
export type * from './repositories/dueWork.js';
export type * from './repositories/teams.js';
export type * from './repositories/schedules.js';
export type * from './repositories/calendarFeeds.js';
export type * from './repositories/notificationRules.js';
export type * from './repositories/outbox.js';
export type * from './repositories/escalationPolicies.js';
export type * from './repositories/alertEscalations.js';
export type * from './repositories/heartbeatMonitors.js';
export type * from './repositories/maintenanceWindows.js';

/**
 * The engine's one way to its data. The embedded implementation is sql.js plus a journal
 * (./sqljs); a PostgreSQL implementation serves teams that outgrow one machine (docs/storage.md
 * says how each method maps). Every method is asynchronous for that reason, even where sql.js
 * answers at once.
 *
 * Rules for callers: a transaction does no I/O of its own (no HTTP, no timers): it reads and
 * writes, then ends. Outbound work is written to an outbox in the transaction and done after.
 */
export interface Store {
  /**
   * Runs `fn` as one atomic transaction and resolves with its result once the transaction is
   * durable (on disk, fsynced). If `fn` throws, nothing it wrote remains.
   */
  write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T>;
  /** Runs `fn` against one consistent view of the data. */
  read<T>(fn: (tx: ReadTx) => Promise<T>): Promise<T>;
  /** Resolves once every transaction up to `seq` is durable. */
  whenDurable(seq: number): Promise<void>;
  /**
   * Durable commits that changed what consoles see, in sequence order, each exactly once.
   * Returns a function that stops listening.
   */
  onCommit(listener: (commit: Commit) => void): () => void;
  /**
   * Called after a transaction that scheduled due work commits, with the earliest due time it
   * scheduled: the work runner's wake-up hint (PostgreSQL: NOTIFY). Outbox entries made
   * sendable (enqueued, or set to retry) count too: the notification dispatcher listens here.
   */
  onWorkScheduled(listener: (dueAt: number) => void): () => void;
  health(): StoreHealth;
  /** Waits for pending writes, writes a final snapshot, releases the data directory. */
  close(): Promise<void>;
}

export interface Commit {
  readonly seq: number;
  readonly changes: readonly Change[];
}

export interface StoreHealth {
  readonly ok: boolean;
  readonly problem: string | null;
  /** Highest committed sequence (visible to reads). */
  readonly seq: number;
  readonly durableSeq: number;
  readonly journalBytes: number;
  readonly lastSnapshotSeq: number;
}

export interface ReadTx {
  /** The highest sequence this view includes. */
  readonly seq: number;
  readonly alerts: AlertsReader;
  readonly alertSources: AlertSourcesReader;
  readonly users: UsersReader;
  readonly apiTokens: ApiTokensReader;
  readonly teams: TeamsReader;
  readonly schedules: SchedulesReader;
  readonly calendarFeeds: CalendarFeedsReader;
  readonly dueWork: DueWorkReader;
  readonly notificationRules: NotificationRulesReader;
  readonly outbox: OutboxReader;
  readonly escalationPolicies: EscalationPoliciesReader;
  readonly alertEscalations: AlertEscalationsReader;
  readonly heartbeatMonitors: HeartbeatMonitorsReader;
  readonly maintenanceWindows: MaintenanceWindowsReader;
}

export interface WriteTx extends ReadTx {
  readonly alerts: AlertsRepo;
  readonly alertSources: AlertSourcesRepo;
  readonly users: UsersRepo;
  readonly apiTokens: ApiTokensRepo;
  readonly teams: TeamsRepo;
  readonly schedules: SchedulesRepo;
  readonly calendarFeeds: CalendarFeedsRepo;
  readonly dueWork: DueWorkRepo;
  readonly notificationRules: NotificationRulesRepo;
  readonly outbox: OutboxRepo;
  readonly escalationPolicies: EscalationPoliciesRepo;
  readonly alertEscalations: AlertEscalationsRepo;
  readonly heartbeatMonitors: HeartbeatMonitorsRepo;
  readonly maintenanceWindows: MaintenanceWindowsRepo;
  /** Tells consoles about a change once this transaction is durable. */
  publish(change: Change): void;
}
