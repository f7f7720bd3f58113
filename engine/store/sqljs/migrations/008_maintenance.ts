import type { Migration } from './migration.js';

/**
 * Maintenance windows (issue #3, docs/maintenance.md): the window's schedule as the validated
 * model of shared/maintenance in JSON (read and evaluated whole), the alert sources it covers
 * (one row each, looked up by source on every new alert), and on each alert the window it
 * opened in (NULL: it pages as usual).
 */
export const maintenance: Migration = {
  version: 8,
  name: 'maintenance windows',
  sql: `
  CREATE TABLE live.maintenance_windows (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    schedule_json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );

  CREATE TABLE live.maintenance_window_sources (
    window_id INTEGER NOT NULL,
    alert_source_id INTEGER NOT NULL,
    PRIMARY KEY (window_id, alert_source_id)
  );
  CREATE INDEX live.maintenance_window_sources_source
    ON maintenance_window_sources (alert_source_id);

  ALTER TABLE live.alerts ADD COLUMN maintenance_window_id INTEGER;
  `,
};
