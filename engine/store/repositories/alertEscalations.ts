import type { AlertEscalation } from '../../../shared/escalation/alertEscalation.js';

/**
 * Where each alert's escalation stands (shared/escalation/alertEscalation.ts): kept in the same
 * transaction as the due work it describes, and pushed to consoles as it changes. The due work
 * (`due_work`) decides what runs; this row says it to people.
 */
export interface AlertEscalationsReader {
  get(alertId: number): Promise<AlertEscalation | null>;
  /** Those of the given alerts that have one (stream snapshots). */
  listFor(alertIds: readonly number[]): Promise<AlertEscalation[]>;
}

export interface AlertEscalationsRepo extends AlertEscalationsReader {
  put(value: AlertEscalation, at: number): Promise<void>;
}
