import { occurrenceAt } from '../../shared/maintenance/occurrences.js';
import type { AlertRecord, MaintenanceWindowRecord } from '../store/records.js';
import type { ReadTx } from '../store/store.js';

/**
 * What maintenance windows do to alerts (docs/maintenance.md): an alert that opens while its
 * source is in a window is marked with it and pages nobody; it stays so after the window ends,
 * until its source reports the problem again (a repeated trigger) with no window on — then the
 * problem has outlasted the maintenance and the alert pages as usual. The alert service asks
 * these in the transaction that creates or updates the alert; escalation reads the mark.
 */

export interface ActiveMaintenance {
  readonly window: MaintenanceWindowRecord;
  /** When the occurrence under way ends. */
  readonly until: number;
}

/** A log entry (kind `maintenance`) saying what a window did to an alert. */
export interface MaintenanceNote {
  readonly message: string;
  readonly data: Readonly<Record<string, unknown>>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The window `sourceId` is in at `at`, or null; when several are on, the one whose occurrence
 * lasts longest.
 */
export async function activeMaintenance(
  tx: ReadTx,
  sourceId: number,
  at: number,
): Promise<ActiveMaintenance | null> {
  let found: ActiveMaintenance | null = null;
  for (const window of await tx.maintenanceWindows.listBySource(sourceId)) {
    const occurrence = occurrenceAt(window.schedule, at);
    if (occurrence && (found === null || occurrence.end > found.until)) {
      found = { window, until: occurrence.end };
    }
  }
  return found;
}

/** A new alert of `sourceId`: the window it opens in (null: none), and the entry to log. */
export async function markNewAlert(
  tx: ReadTx,
  sourceId: number,
  at: number,
): Promise<{ windowId: number | null; note: MaintenanceNote | null }> {
  const active = await activeMaintenance(tx, sourceId, at);
  if (!active) return { windowId: null, note: null };
  const { window, until } = active;
  return {
    windowId: window.id,
    note: {
      message: `Opened during maintenance window "${window.name}" (until ${iso(until)}): nobody is paged for this alert. Accept or resolve it as usual; it pages only if its source reports it again after the maintenance.`,
      data: { maintenanceWindowId: String(window.id), until: iso(until), paged: false },
    },
  };
}

/**
 * A repeated trigger of an open alert. A marked alert stays marked while a window of its
 * source is on; with none on, it leaves maintenance (and starts paging: escalation sees the
 * mark go).
 */
export async function markRepeatedAlert(
  tx: ReadTx,
  open: AlertRecord,
  at: number,
): Promise<{ patch: { maintenanceWindowId?: null }; note: MaintenanceNote | null }> {
  if (open.maintenanceWindowId === null) return { patch: {}, note: null };
  if (await activeMaintenance(tx, open.sourceId, at)) return { patch: {}, note: null };
  const window = await tx.maintenanceWindows.get(open.maintenanceWindowId);
  const name = window ? `"${window.name}"` : `${open.maintenanceWindowId} (deleted since)`;
  return {
    patch: { maintenanceWindowId: null },
    note: {
      message: `Reported again after maintenance window ${name} ended: the problem outlasted the maintenance, so the alert now pages as usual.`,
      data: { maintenanceWindowId: String(open.maintenanceWindowId), paged: true },
    },
  };
}
