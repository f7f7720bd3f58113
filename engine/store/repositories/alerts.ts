import type { AlertPriority, AlertState } from '../../../shared/domain/alert.js';
import type { AlertLogRecord, AlertPatch, AlertRecord, NewAlert, NewAlertLog } from '../records.js';

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
  /** Open alerts assigned to a user, oldest first. */
  listOpenByAssignee(userId: number): Promise<AlertRecord[]>;
  countByState(): Promise<Record<AlertState, number>>;
  /** Oldest first, `limit` entries after the entry with id `afterId`. */
  listLog(alertId: number, limit: number, afterId: number): Promise<AlertLogRecord[]>;
  /**
   * The newest `limit` entries but those of `exceptKinds`, oldest first, and how many older ones
   * were left out (escalation timelines).
   */
  listLogTail(
    alertId: number,
    limit: number,
    exceptKinds: readonly string[],
  ): Promise<{ entries: AlertLogRecord[]; omitted: number }>;
}

export interface AlertsRepo extends AlertsReader {
  insert(alert: NewAlert): Promise<AlertRecord>;
  update(id: number, patch: AlertPatch): Promise<AlertRecord>;
  appendLog(entry: NewAlertLog): Promise<void>;
  /** {@link appendLog}, answering the entry's id (to complete it later in the transaction). */
  appendLogReturningId(entry: NewAlertLog): Promise<number>;
  /**
   * Completes an entry written earlier in the same transaction (an escalation step is logged
   * before the notifications it causes, and completed with them).
   */
  completeLogEntry(
    id: number,
    message: string,
    data: Readonly<Record<string, unknown>>,
  ): Promise<void>;
}
