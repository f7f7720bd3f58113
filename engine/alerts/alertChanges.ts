import type { AlertRecord } from '../store/records.js';
import type { WriteTx } from '../store/store.js';

/** A change to an alert, as listeners see it inside the transaction that makes it. */
export interface AlertChange {
  /** The alert before; null when this change created it. */
  readonly before: AlertRecord | null;
  readonly after: AlertRecord;
  /** The transaction's time (the clock's `now`). */
  readonly at: number;
}

/**
 * Does what follows from a change of an alert (escalation: start, cancel, restart; timeouts)
 * in the same transaction, so the change and its consequences commit together or not at all.
 * No I/O, like everything inside a transaction.
 */
export type AlertChangeListener = (tx: WriteTx, change: AlertChange) => Promise<void>;

/**
 * Everyone told of alert changes: every path that creates an alert or changes its state
 * (ingest, people's actions, an alert source's deletion, the engine's own timeouts) calls
 * {@link notify}. Listeners register before the engine takes requests.
 */
export class AlertChangeListeners {
  private readonly listeners: AlertChangeListener[] = [];

  add(listener: AlertChangeListener): void {
    this.listeners.push(listener);
  }

  async notify(tx: WriteTx, change: AlertChange): Promise<void> {
    for (const listener of this.listeners) await listener(tx, change);
  }
}
