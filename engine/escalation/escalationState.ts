import type {
  AlertEscalation,
  EscalationStopReason,
} from '../../shared/escalation/alertEscalation.js';
import type { AlertLogKind } from '../../shared/domain/alert.js';
import type { WriteTx } from '../store/store.js';

/** Where an alert's escalation stands: kept and pushed together (../store/repositories/alertEscalations.ts). */

export const iso = (ms: number) => new Date(ms).toISOString();

/** Stores the new state and tells consoles, in the caller's transaction. */
export async function saveEscalation(
  tx: WriteTx,
  value: Omit<AlertEscalation, 'updatedAt'>,
  at: number,
): Promise<AlertEscalation> {
  const saved: AlertEscalation = { ...value, updatedAt: iso(at) };
  await tx.alertEscalations.put(saved, at);
  tx.publish({ kind: 'alertEscalation', value: saved });
  return saved;
}

/** An engine log entry about an alert's escalation; answers its id. */
export function logSystem(
  tx: WriteTx,
  alertId: number,
  at: number,
  kind: AlertLogKind,
  message: string,
  data?: Record<string, unknown>,
): Promise<number> {
  return tx.alerts.appendLogReturningId({
    alertId,
    at,
    kind,
    actor: { type: 'system' },
    message,
    ...(data ? { data } : {}),
  });
}

/** Escalation stops for good (until the alert is PENDING again): logged, stored, pushed. */
export async function stopEscalation(
  tx: WriteTx,
  current: AlertEscalation,
  at: number,
  reason: EscalationStopReason,
  message: string,
): Promise<void> {
  await logSystem(tx, Number(current.alertId), at, 'escalation-stopped', message, { reason });
  await saveEscalation(
    tx,
    { ...current, next: null, stopped: { at: iso(at), reason, message } },
    at,
  );
}
