import type { Migration } from './migration.js';

/**
 * On-call schedules (issue #3) and their secret calendar feeds. A schedule's layers and
 * overrides are the validated model of shared/schedule as JSON (PostgreSQL: jsonb): they are
 * always read and written whole, and resolution needs all of them at once.
 */
export const schedules: Migration = {
  version: 3,
  name: 'schedules',
  sql: `
  CREATE TABLE live.schedules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    layers_json TEXT NOT NULL,
    overrides_json TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER
  );

  -- subject_id is a schedule's or a user's id, by kind; owner_id the user who asked for the feed.
  CREATE TABLE live.calendar_feeds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('schedule', 'user')),
    subject_id INTEGER NOT NULL,
    owner_id INTEGER NOT NULL,
    secret_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX live.calendar_feeds_owner ON calendar_feeds (kind, subject_id, owner_id);
  `,
};
