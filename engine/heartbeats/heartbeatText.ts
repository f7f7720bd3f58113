import type { HeartbeatMonitorRecord } from '../store/records.js';

/** The sentences heartbeat monitors put into alerts and their logs (docs/heartbeats.md). */

/** `2026-11-28 09:00:00 UTC`: exact, and readable in a queue row. */
export const utcText = (ms: number) =>
  `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/** `1 h 30 min`, `45 s`, `2 d`: a number of seconds as people say it. */
export function durationText(seconds: number): string {
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['min', 60],
    ['s', 1],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n} ${unit}`);
    rest -= n * size;
  }
  return parts.join(' ') || '0 s';
}

/** What the monitor expects: `a ping every 1 h (5 min grace)`. */
export const expectation = (m: HeartbeatMonitorRecord) =>
  `a ping every ${durationText(m.intervalSeconds)}` +
  (m.graceSeconds > 0 ? ` (${durationText(m.graceSeconds)} grace)` : '');

/** The overdue alert's summary: which monitor, and when it was last seen. */
export function overdueSummary(m: HeartbeatMonitorRecord): string {
  return m.lastPingAt !== null
    ? `Heartbeat "${m.name}" is overdue: last seen ${utcText(m.lastPingAt)}`
    : `Heartbeat "${m.name}" is overdue: never seen since it was created at ${utcText(m.createdAt)}`;
}

export function overdueDetails(m: HeartbeatMonitorRecord, now: number): string {
  return (
    `Heartbeat monitor "${m.name}" expects ${expectation(m)}; ` +
    `none had come by ${utcText(now)}. The next ping resolves this alert.`
  );
}

/** Why a ping resolved the overdue alert (`before`: the monitor as it was). */
export const recoveredMessage = (before: HeartbeatMonitorRecord, now: number) =>
  `Resolved: heartbeat monitor "${before.name}" was pinged again at ${utcText(now)}` +
  (before.lastPingAt !== null
    ? ` (the ping before came at ${utcText(before.lastPingAt)}).`
    : ' (its first ping).');

export const deletedMessage = (m: HeartbeatMonitorRecord, by: string) =>
  `Resolved: heartbeat monitor "${m.name}" was deleted by ${by}; nothing would resolve it any more.`;
