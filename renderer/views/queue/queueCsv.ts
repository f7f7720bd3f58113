import type { AlertSummary } from '../../../shared/domain/alert.js';
import type { AlertLookups } from '../../state/selectors/alertLookups.js';
import { ownerId } from '../../state/selectors/alertQuery.js';

/** The columns of the exported CSV: the queue's, unabbreviated, plus what a report needs. */
const columns: ReadonlyArray<[string, (alert: AlertSummary, names: AlertLookups) => string]> = [
  ['id', (a) => a.id],
  ['priority', (a) => a.priority],
  ['severity', (a) => a.severity ?? ''],
  ['state', (a) => a.state],
  ['summary', (a) => a.summary],
  ['source', (a, names) => names.sourceName(a.sourceId)],
  ['assignee', (a, names) => names.userName(a.assigneeId) ?? ''],
  ['accepted_by', (a, names) => names.userName(a.acceptedBy) ?? ''],
  ['owner', (a, names) => names.userName(ownerId(a)) ?? ''],
  ['created_at', (a) => a.createdAt],
  ['last_event_at', (a) => a.lastEventAt],
  ['resolved_at', (a) => a.resolvedAt ?? ''],
  ['events', (a) => String(a.eventCount)],
  ['alert_key', (a) => a.alertKey],
];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A field that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`:
 * alert summaries come from monitoring tools, i.e. from outside (OWASP "CSV injection").
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The queue's current rows as CSV, in the order shown; CRLF line ends, a header line first. */
export function queueCsv(
  ids: readonly string[],
  alert: (id: string) => AlertSummary | undefined,
  names: AlertLookups,
): string {
  const lines = [columns.map(([name]) => name).join(',')];
  for (const id of ids) {
    const a = alert(id);
    if (a) lines.push(columns.map(([, value]) => csvField(value(a, names))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** `nocturne-alerts-2026-11-28T0914Z.csv` */
export function csvFileName(now: number): string {
  const iso = new Date(now).toISOString();
  return `nocturne-alerts-${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z.csv`;
}
