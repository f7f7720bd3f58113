import type { AlertState, AlertPriority } from '../../shared/domain/alert.js';
import type { Change } from '../../shared/protocol/changes.js';
import type {
  AlertLogRecord,
  AlertPatch,
  AlertRecord,
  AlertSourceRecord,
  ApiTokenRecord,
  NewAlert,
  NewAlertLog,
  NewAlertSource,
  NewUser,
  UserRecord,
} from './records.js';

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
}

export interface WriteTx extends ReadTx {
  readonly alerts: AlertsRepo;
  readonly alertSources: AlertSourcesRepo;
  readonly users: UsersRepo;
  readonly apiTokens: ApiTokensRepo;
  /** Tells consoles about a change once this transaction is durable. */
  publish(change: Change): void;
}

// ── alerts ──────────────────────────────────────────────────────────────────────────────

export interface AlertFilter {
  readonly states?: readonly AlertState[];
  readonly priorities?: readonly AlertPriority[];
  readonly sourceIds?: readonly number[];
  /** Case-insensitive substring of summary, alert key or details. */
  readonly text?: string;
  /** created_at >= from */
  readonly from?: number;
  /** created_at < to */
  readonly to?: number;
}

/** Position after the last row of a page, newest-first order: (createdAt, id) descending. */
export interface AlertCursor {
  readonly createdAt: number;
  readonly id: number;
}

export interface AlertsReader {
  get(id: number): Promise<AlertRecord | null>;
  /** The open (PENDING or ACCEPTED) alert of a source with this normalised key. */
  findOpen(sourceId: number, keyNorm: string): Promise<AlertRecord | null>;
  /** Newest first, `limit` rows after `cursor`. */
  list(filter: AlertFilter, limit: number, cursor: AlertCursor | null): Promise<AlertRecord[]>;
  /** Every open alert and the `resolvedLimit` most recently resolved ones (stream snapshots). */
  listLive(resolvedLimit: number): Promise<AlertRecord[]>;
  listOpenBySource(sourceId: number): Promise<AlertRecord[]>;
  countByState(): Promise<Record<AlertState, number>>;
  /** Oldest first, `limit` entries after the entry with id `afterId`. */
  listLog(alertId: number, limit: number, afterId: number): Promise<AlertLogRecord[]>;
}

export interface AlertsRepo extends AlertsReader {
  insert(alert: NewAlert): Promise<AlertRecord>;
  update(id: number, patch: AlertPatch): Promise<AlertRecord>;
  appendLog(entry: NewAlertLog): Promise<void>;
}

// ── alert sources ───────────────────────────────────────────────────────────────────────

export interface AlertSourcesReader {
  get(id: number): Promise<AlertSourceRecord | null>;
  getByIntegrationKey(key: string): Promise<AlertSourceRecord | null>;
  list(): Promise<AlertSourceRecord[]>;
}

export interface AlertSourcesRepo extends AlertSourcesReader {
  insert(source: NewAlertSource): Promise<AlertSourceRecord>;
  update(
    id: number,
    patch: Partial<
      Pick<AlertSourceRecord, 'name' | 'escalationPolicyId' | 'integrationKey' | 'updatedAt'>
    >,
  ): Promise<AlertSourceRecord>;
  /** Soft delete: alerts keep their source's id; the integration key stops working. */
  remove(id: number, at: number): Promise<void>;
}

// ── users and tokens ────────────────────────────────────────────────────────────────────

export interface UsersReader {
  get(id: number): Promise<UserRecord | null>;
  getByEmail(email: string): Promise<UserRecord | null>;
  list(): Promise<UserRecord[]>;
  count(): Promise<number>;
}

export interface UsersRepo extends UsersReader {
  insert(user: NewUser): Promise<UserRecord>;
}

export interface ApiTokensReader {
  /** The live (not revoked) token with this SHA-256 hash, and its user. */
  findByHash(hash: string): Promise<{ token: ApiTokenRecord; user: UserRecord } | null>;
}

export interface ApiTokensRepo extends ApiTokensReader {
  insert(
    token: Omit<ApiTokenRecord, 'id' | 'revokedAt'> & { hash: string },
  ): Promise<ApiTokenRecord>;
}
