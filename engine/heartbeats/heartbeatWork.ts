import type { HeartbeatMonitorRecord } from '../store/records.js';
import type { WriteTx } from '../store/store.js';

/**
 * The durable deadline of a heartbeat monitor (docs/heartbeats.md): one `due_work` row per
 * monitor, subject `heartbeat:<id>`, never an in-memory timer alone, so a deadline that passed
 * while the engine was down fires at once after a restart, and only once.
 */
export const heartbeatOverdueKind = 'heartbeat-overdue';

export const heartbeatSubject = (monitorId: number) => `heartbeat:${monitorId}`;

export function monitorIdOf(subject: string): number {
  const match = /^heartbeat:(\d{1,15})$/.exec(subject);
  if (!match) throw new Error(`heartbeat work about ${JSON.stringify(subject)}, not a monitor`);
  return Number(match[1]);
}

/** Interval plus grace: how long after the last ping (or the start of watching) it is overdue. */
export const allowanceMs = (m: Pick<HeartbeatMonitorRecord, 'intervalSeconds' | 'graceSeconds'>) =>
  (m.intervalSeconds + m.graceSeconds) * 1000;

/** Replaces the monitor's pending deadline with one at `dueAt` (null: none). */
export async function scheduleDeadline(
  tx: WriteTx,
  monitorId: number,
  dueAt: number | null,
  at: number,
): Promise<void> {
  const subject = heartbeatSubject(monitorId);
  // Looked up first: a cancel is a write the journal would record either way.
  if ((await tx.dueWork.listPending(subject)).length > 0) {
    await tx.dueWork.cancel(subject, [heartbeatOverdueKind], at);
  }
  if (dueAt === null) return;
  await tx.dueWork.schedule({ kind: heartbeatOverdueKind, subject, dueAt, payload: null }, at);
}
