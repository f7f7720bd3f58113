import type { Actor } from '../../shared/domain/alert.js';
import type { OutboxEntry } from '../store/repositories/outbox.js';
import type { WriteTx } from '../store/store.js';
import { deliveryName } from './notificationText.js';
import type { RecordedOutcome } from './outboxSteps.js';

const system: Actor = { type: 'system' };

/** One `notification` line of an alert's log, by the engine. */
export function logNotification(
  tx: WriteTx,
  alertId: number,
  at: number,
  message: string,
): Promise<void> {
  return tx.alerts.appendLog({ alertId, at, kind: 'notification', actor: system, message });
}

/**
 * An outcome as the alert's log says it: "Email to ada@example.com delivered: 250 OK",
 * "Webhook to hooks.slack.com failed (attempt 1 of 8): HTTP 503 — retrying in 7 s".
 */
export function outcomeText(
  entry: OutboxEntry,
  outcome: RecordedOutcome,
  userName: string,
  maxAttempts: number,
  now: number,
): string {
  const name = deliveryName(entry.channel, entry.address, userName);
  switch (outcome.state) {
    case 'delivered':
      // The console's detail reads on ("delivered to 2 consoles"); the others' are replies.
      return entry.channel === 'console'
        ? `${name} ${outcome.detail}`
        : `${name} delivered: ${outcome.detail}`;
    case 'skipped':
      return `${name} not sent: ${outcome.detail}`;
    case 'retrying':
      return `${name} failed (attempt ${entry.attempts} of ${maxAttempts}): ${outcome.detail} — retrying in ${waitText(outcome.retryAt - now)}`;
    case 'failed':
      return outcome.gaveUp
        ? `${name} failed: ${outcome.detail} — gave up after ${entry.attempts} attempts`
        : `${name} failed: ${outcome.detail} — not retried`;
  }
}

function waitText(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;
}
