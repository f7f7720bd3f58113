import type { AlertState, AlertSummary } from '../../../shared/domain/alert.js';
import type { Replica } from '../../../shared/sync/replica.js';
import { ownerId } from '../../state/selectors/alertQuery.js';

/** One alert of one engine, as the All engines table shows it. */
export interface AllEnginesRow {
  readonly engineId: string;
  readonly engineLabel: string;
  readonly alert: AlertSummary;
  readonly sourceName: string;
  /** Its assignee, else whoever accepted it; null when nobody has it. */
  readonly assigneeName: string | null;
}

/** Unique across engines (alert ids are per engine). */
export const rowKey = (row: { engineId: string; alert: { id: string } }) =>
  `${row.engineId}/${row.alert.id}`;

/**
 * The rows of one engine's replica: its open alerts (PENDING, ACCEPTED), and its resolved ones
 * when asked. Names come from the same replica, so they are the engine's own.
 */
export function engineRows(
  engineId: string,
  engineLabel: string,
  replica: Replica,
  withResolved: boolean,
): AllEnginesRow[] {
  const rows: AllEnginesRow[] = [];
  for (const alert of replica.alerts.values()) {
    if (alert.state === 'RESOLVED' && !withResolved) continue;
    const owner = ownerId(alert);
    rows.push({
      engineId,
      engineLabel,
      alert,
      sourceName: replica.alertSources.get(alert.sourceId)?.name ?? alert.sourceId,
      assigneeName: owner === null ? null : (replica.users.get(owner)?.name ?? owner),
    });
  }
  return rows;
}

const stateRank: Record<AlertState, number> = { PENDING: 0, ACCEPTED: 1, RESOLVED: 2 };
const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * HIGH before LOW, then PENDING before ACCEPTED, then oldest first (the one waiting longest);
 * resolved rows last, the most recently resolved first. Ties: engine, then alert id, so the
 * order never depends on which engine answered first.
 */
export function compareRows(a: AllEnginesRow, b: AllEnginesRow): number {
  const x = a.alert;
  const y = b.alert;
  const resolved = Number(x.state === 'RESOLVED') - Number(y.state === 'RESOLVED');
  if (resolved !== 0) return resolved;
  if (x.state === 'RESOLVED') {
    const when = order(y.resolvedAt ?? '', x.resolvedAt ?? '');
    if (when !== 0) return when;
  }
  return (
    Number(x.priority !== 'HIGH') - Number(y.priority !== 'HIGH') ||
    stateRank[x.state] - stateRank[y.state] ||
    order(x.createdAt, y.createdAt) ||
    order(a.engineId, b.engineId) ||
    order(x.id, y.id)
  );
}

/** Every engine's rows in one list, sorted by {@link compareRows}. */
export function mergeRows(perEngine: Iterable<readonly AllEnginesRow[]>): AllEnginesRow[] {
  const all: AllEnginesRow[] = [];
  for (const rows of perEngine) all.push(...rows);
  return all.sort(compareRows);
}

/** Open alerts by state, for the header. */
export function countOpen(replica: Replica): { pending: number; accepted: number } {
  let pending = 0;
  let accepted = 0;
  for (const alert of replica.alerts.values()) {
    if (alert.state === 'PENDING') pending++;
    else if (alert.state === 'ACCEPTED') accepted++;
  }
  return { pending, accepted };
}

/** What the chips keep: empty lists keep everything. */
export interface AllEnginesFilter {
  readonly engineIds: readonly string[];
  readonly states: readonly AlertState[];
}

export function filterRows(
  rows: readonly AllEnginesRow[],
  filter: AllEnginesFilter,
): readonly AllEnginesRow[] {
  if (filter.engineIds.length === 0 && filter.states.length === 0) return rows;
  return rows.filter(
    (row) =>
      (filter.engineIds.length === 0 || filter.engineIds.includes(row.engineId)) &&
      (filter.states.length === 0 || filter.states.includes(row.alert.state)),
  );
}

/** Colours that read on the dark and the light theme; the label is always shown beside. */
const palette = 8;

/**
 * An engine's colour, 0–7 (`engine-tag--0` … in allEngines.css), from its id, so it stays the
 * same across restarts and when other engines come and go.
 */
export function engineColour(engineId: string): number {
  let hash = 0;
  for (let i = 0; i < engineId.length; i++) hash = (hash * 31 + engineId.charCodeAt(i)) >>> 0;
  return hash % palette;
}
