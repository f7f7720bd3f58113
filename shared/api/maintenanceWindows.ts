import { z } from 'zod';
import {
  MaintenanceSchedule,
  MaintenanceWindowDefinition,
} from '../maintenance/maintenanceModel.js';

/**
 * Requests and answers of `/api/v1/maintenance-windows` (docs/maintenance.md), shared by the
 * engine and the console. The engine checks every write with parseMaintenanceWindow against the
 * alert sources that exist, so a console can check a draft the same way first.
 */

/**
 * A window as stored: in REST answers and the stream's `maintenanceWindow` changes. Whether it
 * is on now is not stored (it changes with the clock): consoles compute it with
 * shared/maintenance (`occurrenceAt`), REST answers add it.
 */
export const StoredMaintenanceWindow = z.object({
  id: z.string(),
  name: z.string(),
  alertSourceIds: z.array(z.string()),
  schedule: MaintenanceSchedule,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredMaintenanceWindow = z.infer<typeof StoredMaintenanceWindow>;

/** An occurrence as the API writes it (RFC 3339, UTC). */
export const OccurrenceView = z.object({ start: z.string(), end: z.string() });
export type OccurrenceView = z.infer<typeof OccurrenceView>;

/**
 * `GET /api/v1/maintenance-windows/{id}` and every write's answer: the stored window, the
 * occurrence under way when the engine answered (null: none), and the next one to start.
 */
export const MaintenanceWindowResponse = StoredMaintenanceWindow.extend({
  current: OccurrenceView.nullable(),
  next: OccurrenceView.nullable(),
});
export type MaintenanceWindowResponse = z.infer<typeof MaintenanceWindowResponse>;

/** `POST /api/v1/maintenance-windows`: checked whole with parseMaintenanceWindow. */
export const CreateMaintenanceWindowRequest = MaintenanceWindowDefinition;
export type CreateMaintenanceWindowRequest = z.input<typeof CreateMaintenanceWindowRequest>;

/**
 * `PATCH /api/v1/maintenance-windows/{id}`: the fields given replace the stored ones (a
 * `schedule` is replaced whole), then the result is checked as on creation.
 */
export const UpdateMaintenanceWindowRequest = z.strictObject({
  name: z.unknown().optional(),
  alertSourceIds: z.unknown().optional(),
  schedule: z.unknown().optional(),
});
export type UpdateMaintenanceWindowRequest = z.infer<typeof UpdateMaintenanceWindowRequest>;
