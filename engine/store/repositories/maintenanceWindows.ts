import type { MaintenanceWindowContent, MaintenanceWindowRecord } from '../records.js';

export interface MaintenanceWindowsReader {
  get(id: number): Promise<MaintenanceWindowRecord | null>;
  /** Ordered by id. */
  list(): Promise<MaintenanceWindowRecord[]>;
  /**
   * The windows that cover an alert source, by id. Asked on every new alert, so implementations
   * may cache (the embedded store does, forgetting on any window change and on rollback).
   */
  listBySource(alertSourceId: number): Promise<MaintenanceWindowRecord[]>;
}

export interface MaintenanceWindowsRepo extends MaintenanceWindowsReader {
  insert(content: MaintenanceWindowContent, at: number): Promise<MaintenanceWindowRecord>;
  update(
    id: number,
    content: MaintenanceWindowContent,
    at: number,
  ): Promise<MaintenanceWindowRecord>;
  /** Takes an alert source out of every window (the source is being deleted); answers the windows changed. */
  removeSourceEverywhere(alertSourceId: number, at: number): Promise<MaintenanceWindowRecord[]>;
  remove(id: number): Promise<void>;
}
