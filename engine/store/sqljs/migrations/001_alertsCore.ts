import type { Migration } from './migration.js';

/** Users, API tokens, alert sources, alerts and their log. */
export const alertsCore: Migration = {
  version: 1,
  name: 'alerts core',
  sql: `
  CREATE TABLE live.users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'responder', 'viewer')),
    time_zone TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX live.users_email ON users (lower(email));

  CREATE TABLE live.api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    prefix TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  );

  CREATE TABLE live.alert_sources (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    integration_key TEXT NOT NULL UNIQUE,
    escalation_policy_id TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER
  );

  CREATE TABLE live.alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id INTEGER NOT NULL REFERENCES alert_sources (id),
    alert_key TEXT NOT NULL,
    key_norm TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('PENDING', 'ACCEPTED', 'RESOLVED')),
    priority TEXT NOT NULL CHECK (priority IN ('HIGH', 'LOW')),
    severity TEXT,
    summary TEXT NOT NULL,
    details TEXT,
    origin TEXT NOT NULL,
    labels_json TEXT NOT NULL,
    links_json TEXT NOT NULL,
    images_json TEXT NOT NULL,
    custom_details_json TEXT,
    event_count INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    last_event_at INTEGER NOT NULL,
    accepted_at INTEGER,
    accepted_by INTEGER,
    resolved_at INTEGER,
    assignee_id INTEGER
  );
  -- At most one open alert per source and key: de-duplication, enforced by the database too.
  CREATE UNIQUE INDEX live.alerts_open_key ON alerts (source_id, key_norm) WHERE state <> 'RESOLVED';
  CREATE INDEX live.alerts_created ON alerts (created_at, id);
  CREATE INDEX live.alerts_state_created ON alerts (state, created_at, id);
  CREATE INDEX live.alerts_resolved ON alerts (resolved_at) WHERE resolved_at IS NOT NULL;

  CREATE TABLE live.alert_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id INTEGER NOT NULL REFERENCES alerts (id),
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    actor_json TEXT NOT NULL,
    message TEXT NOT NULL
  );
  CREATE INDEX live.alert_log_alert ON alert_log (alert_id, id);
  `,
};
