import { z } from 'zod';

/**
 * The durable due work of escalation (docs/escalation.md, "Guarantees"): one subject per alert,
 * three kinds. Payloads are checked when the work runs: a payload this engine cannot read is a
 * bug, retried and then reported (engine/work/workRunner.ts).
 */

/** Notify the level `level` of round `round` of policy `policyId` (the level count: end the round). */
export const escalateKind = 'escalate';
/** An accepted alert still unresolved goes back to PENDING. */
export const ackTimeoutKind = 'ack-timeout';
/** An open alert without events for a while is resolved. */
export const autoResolveKind = 'auto-resolve';

export const escalationKinds = [escalateKind, ackTimeoutKind, autoResolveKind] as const;

export const EscalatePayload = z.object({
  policyId: z.number().int(),
  level: z.number().int().min(0),
  round: z.number().int().min(0),
});
export type EscalatePayload = z.infer<typeof EscalatePayload>;

/** The due work of an alert is cancelled by this subject. */
export const alertSubject = (alertId: number) => `alert:${alertId}`;

export function alertIdOf(subject: string): number {
  const match = /^alert:(\d{1,15})$/.exec(subject);
  if (!match) throw new Error(`escalation work about ${JSON.stringify(subject)}, not an alert`);
  return Number(match[1]);
}
