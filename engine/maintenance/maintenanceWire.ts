import type {
  MaintenanceWindowResponse,
  StoredMaintenanceWindow,
} from '../../shared/api/maintenanceWindows.js';
import {
  nextOccurrence,
  occurrenceAt,
  type Occurrence,
} from '../../shared/maintenance/occurrences.js';
import type { MaintenanceWindowRecord } from '../store/records.js';

const iso = (ms: number) => new Date(ms).toISOString();
const view = (o: Occurrence | null) =>
  o === null ? null : { start: iso(o.start), end: iso(o.end) };

/** A window as stored: REST answers and the stream's `maintenanceWindow` changes. */
export function toStoredMaintenanceWindow(w: MaintenanceWindowRecord): StoredMaintenanceWindow {
  return {
    id: String(w.id),
    name: w.name,
    alertSourceIds: w.alertSourceIds.map(String),
    schedule: w.schedule,
    createdAt: iso(w.createdAt),
    updatedAt: iso(w.updatedAt),
  };
}

/** A window for REST, with the occurrence under way at `now` and the next one to start. */
export function toMaintenanceWindowResponse(
  w: MaintenanceWindowRecord,
  now: number,
): MaintenanceWindowResponse {
  return {
    ...toStoredMaintenanceWindow(w),
    current: view(occurrenceAt(w.schedule, now)),
    next: view(nextOccurrence(w.schedule, now + 1)),
  };
}
