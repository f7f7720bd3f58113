import type { Migration } from './migration.js';

/**
 * Heartbeat monitors (issue #3, docs/heartbeats.md): a job pings a secret URL; no ping within
 * the interval and grace opens an alert on the monitor's alert source. The deadline itself is a
 * row of `due_work` (kind `heartbeat-overdue`); `deadline_at` mirrors it for consoles.
 */
export const heartbeats: Migration = {
  version: 7,
  name: 'heartbeat monitors',
  sql: `
  CREATE TABLE live.heartbeat_monitors (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    alert_source_id INTEGER NOT NULL,
    interval_seconds INTEGER NOT NULL CHECK (interval_seconds > 0),
    grace_seconds INTEGER NOT NULL CHECK (grace_seconds >= 0),
    ping_key TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('pending', 'up', 'overdue', 'paused')),
    last_ping_at INTEGER,
    deadline_at INTEGER,
    alert_id INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX live.heartbeat_monitors_source ON heartbeat_monitors (alert_source_id);
  `,
};
