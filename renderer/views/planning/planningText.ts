import type { IpcError, PushReport } from '../../../shared/ipc/ipcViews.js';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * How old the offline copy is, for the planning header: "copied from the engine 5 min ago",
 * "… just now", "… 3 h 20 min ago", "… 2 days ago"; "never copied from the engine" when
 * `syncedAt` is null. A copy dated ahead of this clock (skew) reads "just now".
 */
export function copyAgeText(syncedAt: string | null, now: number): string {
  if (syncedAt === null) return 'never copied from the engine';
  const at = Date.parse(syncedAt);
  if (Number.isNaN(at)) return 'never copied from the engine';
  const age = now - at;
  let ago: string;
  if (age < minute) ago = 'just now';
  else if (age < hour) ago = `${Math.floor(age / minute)} min ago`;
  else if (age < day) {
    const minutes = Math.floor((age % hour) / minute);
    ago = `${Math.floor(age / hour)} h${minutes ? ` ${minutes} min` : ''} ago`;
  } else ago = `${plural(Math.floor(age / day), 'day')} ago`;
  return `copied from the engine ${ago}`;
}

/**
 * A push's outcome as one sentence: "Pushed 2 drafts, 1 conflict, 0 rejected.", "Engine
 * unreachable: everything stays queued.", or what was done before the engine went away.
 */
export function pushReportSentence(report: PushReport): string {
  const done = report.pushed + report.conflicts + report.rejected;
  const counts = `pushed ${plural(report.pushed, 'draft')}, ${plural(report.conflicts, 'conflict')}, ${report.rejected} rejected`;
  if (report.offline) {
    return done === 0
      ? 'Engine unreachable: everything stays queued.'
      : `${capitalise(counts)}; then the engine became unreachable: the rest stays queued.`;
  }
  if (done === 0) return 'Nothing to push: no draft is pending.';
  return `${capitalise(counts)}.`;
}

const capitalise = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The engine could not be reached: main's own code, or a 5xx passed on. */
export function isUnreachable(error: IpcError): boolean {
  return error.code === 'engine_unreachable' || (error.status ?? 0) >= 500;
}

/** A failed planning request as a sentence: what did not happen, and why. */
export function planningErrorSentence(error: IpcError, what: string): string {
  const reason = error.message.trim() || `the desktop app answered ${error.code}`;
  return `${what}: ${reason}${/[.!?]$/.test(reason) ? '' : '.'}`;
}

/** "Refresh copy" failed: the copy stays, and the sentence says so. */
export function refreshFailureSentence(
  error: IpcError,
  syncedAt: string | null,
  now: number,
): string {
  const kept =
    syncedAt === null
      ? 'There is no offline copy yet.'
      : `The offline copy stays as it was (${copyAgeText(syncedAt, now)}).`;
  if (isUnreachable(error)) return `The engine could not be reached. ${kept}`;
  return `${planningErrorSentence(error, 'Not refreshed')} ${kept}`;
}

/**
 * A draft main refused as a sentence. Main's argument check answers
 * `draftScheduleEdit: schedule.layers.0.userIds: <the schema's sentence>`: the sentence comes
 * first and the field after it, in brackets, for whoever reports it.
 */
export function draftRefusalSentence(error: IpcError): string {
  const parts = /^\w+: (?:([\w.]+): )?(.+)$/s.exec(error.message.trim());
  if (error.code !== 'invalid_argument' || !parts)
    return planningErrorSentence(error, 'Not drafted');
  const [, field, reason] = parts as unknown as [string, string | undefined, string];
  const sentence = /[.!?]$/.test(reason) ? reason : `${reason}.`;
  return `Not drafted: the desktop app refused it. ${sentence}${field ? ` (${field})` : ''}`;
}
