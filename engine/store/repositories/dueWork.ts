/**
 * Durable timers (ARCHITECTURE.md): every escalation step, acknowledgement and auto-resolve
 * timeout, heartbeat deadline and delivery retry is a row with a due time, so that after a
 * restart overdue work runs at once, nothing is skipped and nothing runs twice. The work and
 * its effects commit in one transaction (see engine/work/workRunner.ts).
 */
export interface DueWork {
  readonly id: number;
  /** What to do: the name a handler is registered under (`escalate`, `ack-timeout`, …). */
  readonly kind: string;
  /** What it is about, e.g. `alert:42`: work is cancelled by subject. */
  readonly subject: string;
  readonly dueAt: number;
  readonly payload: unknown;
  /** Failed runs so far (a handler that threw). */
  readonly attempts: number;
  readonly createdAt: number;
}

export interface NewDueWork {
  readonly kind: string;
  readonly subject: string;
  readonly dueAt: number;
  readonly payload: unknown;
}

export interface DueWorkReader {
  /** The earliest due time of pending work, or null when there is none. */
  nextDueAt(): Promise<number | null>;
  /** Pending work about a subject, soonest first (escalation timelines show it). */
  listPending(subject: string): Promise<DueWork[]>;
  countPending(): Promise<number>;
}

export interface DueWorkRepo extends DueWorkReader {
  schedule(work: NewDueWork, at: number): Promise<DueWork>;
  /**
   * The oldest pending work due at or before `now`, claimed for this transaction. (PostgreSQL:
   * `SELECT … FOR UPDATE SKIP LOCKED`, so engine replicas never run the same work twice.)
   */
  claimNext(now: number): Promise<DueWork | null>;
  complete(id: number, at: number): Promise<void>;
  /** Cancels the pending work of a subject (of the given kinds, or all); returns how many. */
  cancel(subject: string, kinds: readonly string[] | null, at: number): Promise<number>;
  /** Counts a failed run and sets the next attempt. */
  retry(id: number, dueAt: number, error: string): Promise<void>;
  /** Gives up on work after too many failed runs. */
  fail(id: number, error: string, at: number): Promise<void>;
  /** Forgets finished work older than `before`; returns how many rows went. */
  prune(before: number): Promise<number>;
}
