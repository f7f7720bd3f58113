import type { AlertSourceRecord } from '../store/records.js';
import type { WriteTx } from '../store/store.js';

/**
 * Does what follows from a change of an alert source's settings (its timeouts: reschedule the
 * open alerts' timers) in the same transaction.
 */
export type AlertSourceChangeListener = (
  tx: WriteTx,
  change: {
    readonly before: AlertSourceRecord;
    readonly after: AlertSourceRecord;
    readonly at: number;
  },
) => Promise<void>;

/**
 * Does what follows from an alert source's deletion (its heartbeat monitors go, its maintenance
 * windows forget it) in the transaction that deletes it.
 */
export type AlertSourceRemovalListener = (
  tx: WriteTx,
  removed: { readonly source: AlertSourceRecord; readonly at: number },
) => Promise<void>;
