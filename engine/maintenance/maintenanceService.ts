import type { UpdateMaintenanceWindowRequest } from '../../shared/api/maintenanceWindows.js';
import {
  InvalidMaintenanceWindowError,
  parseMaintenanceWindow,
} from '../../shared/maintenance/maintenanceValidation.js';
import type { AlertSourceService } from '../alertSources/alertSourceService.js';
import type { Clock } from '../clock.js';
import { EngineError, notFound } from '../errors.js';
import type { MaintenanceWindowContent, MaintenanceWindowRecord } from '../store/records.js';
import type { ReadTx, Store, WriteTx } from '../store/store.js';
import { toStoredMaintenanceWindow } from './maintenanceWire.js';

export const windowNotFound = (id: number | string) =>
  notFound('maintenance_window_not_found', `Maintenance window ${id}`);

/**
 * Maintenance windows (docs/maintenance.md): admins define them over alert sources; the alert
 * service marks alerts that open inside one (./maintenanceMarks.ts). A change applies to alerts
 * that open from then on: alerts marked already keep their mark.
 */
export class MaintenanceService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    alertSources: AlertSourceService,
  ) {
    alertSources.onSourceRemoved((tx, { source, at }) => this.forgetSource(tx, source.id, at));
  }

  list(): Promise<MaintenanceWindowRecord[]> {
    return this.store.read((tx) => tx.maintenanceWindows.list());
  }

  get(id: number): Promise<MaintenanceWindowRecord> {
    return this.store.read((tx) => requireWindow(tx, id));
  }

  /** `body` is checked whole (400 `invalid_maintenance_window`, naming every problem). */
  create(body: unknown): Promise<MaintenanceWindowRecord> {
    return this.store.write(async (tx) => {
      const content = await checked(tx, body);
      const window = await tx.maintenanceWindows.insert(content, this.clock.now());
      tx.publish({ kind: 'maintenanceWindow', value: toStoredMaintenanceWindow(window) });
      return window;
    });
  }

  /** The fields given replace the stored ones; the result is checked as on creation. */
  update(id: number, request: UpdateMaintenanceWindowRequest): Promise<MaintenanceWindowRecord> {
    return this.store.write(async (tx) => {
      const current = toStoredMaintenanceWindow(await requireWindow(tx, id));
      const content = await checked(tx, {
        name: request.name !== undefined ? request.name : current.name,
        alertSourceIds:
          request.alertSourceIds !== undefined ? request.alertSourceIds : current.alertSourceIds,
        schedule: request.schedule !== undefined ? request.schedule : current.schedule,
      });
      const window = await tx.maintenanceWindows.update(id, content, this.clock.now());
      tx.publish({ kind: 'maintenanceWindow', value: toStoredMaintenanceWindow(window) });
      return window;
    });
  }

  remove(id: number): Promise<void> {
    return this.store.write(async (tx) => {
      await requireWindow(tx, id);
      await tx.maintenanceWindows.remove(id);
      tx.publish({ kind: 'maintenanceWindow.removed', id: String(id) });
    });
  }

  /** A deleted source leaves every window (a window may then cover no source: it does nothing). */
  private async forgetSource(tx: WriteTx, alertSourceId: number, at: number): Promise<void> {
    for (const window of await tx.maintenanceWindows.removeSourceEverywhere(alertSourceId, at)) {
      tx.publish({ kind: 'maintenanceWindow', value: toStoredMaintenanceWindow(window) });
    }
  }
}

async function requireWindow(tx: ReadTx, id: number): Promise<MaintenanceWindowRecord> {
  const window = await tx.maintenanceWindows.get(id);
  if (!window) throw windowNotFound(id);
  return window;
}

/** The body as a valid window over existing sources, or 400 `invalid_maintenance_window`. */
async function checked(tx: ReadTx, body: unknown): Promise<MaintenanceWindowContent> {
  const known = (await tx.alertSources.list()).map((s) => String(s.id));
  try {
    const window = parseMaintenanceWindow(body, known);
    return {
      name: window.name,
      alertSourceIds: [...new Set(window.alertSourceIds.map(Number))].sort((a, b) => a - b),
      schedule: window.schedule,
    };
  } catch (error) {
    if (!(error instanceof InvalidMaintenanceWindowError)) throw error;
    throw new EngineError(
      400,
      'invalid_maintenance_window',
      error.message,
      error.issues.slice(0, 20),
      undefined,
      { problems: error.problems },
    );
  }
}
