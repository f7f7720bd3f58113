import type { Migration } from './migration.js';

/**
 * Escalation (issue #3, docs/escalation.md): policies (levels as the validated model of
 * shared/escalation in JSON, read and written whole), round-robin turns per policy level, where
 * each alert's escalation stands, alert sources' acknowledgement and auto-resolve timeouts, and
 * structured detail on alert log entries (an `escalated` entry's step).
 */
export const escalation: Migration = {
  version: 6,
  name: 'escalation',
  sql: `
  CREATE TABLE live.escalation_policies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    levels_json TEXT NOT NULL,
    repeat_count INTEGER NOT NULL CHECK (repeat_count BETWEEN 0 AND 9),
    version INTEGER NOT NULL CHECK (version >= 1),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER
  );

  CREATE TABLE live.escalation_round_robin (
    policy_id INTEGER NOT NULL,
    level INTEGER NOT NULL,
    next_turn INTEGER NOT NULL,
    PRIMARY KEY (policy_id, level)
  );

  CREATE TABLE live.alert_escalations (
    alert_id INTEGER PRIMARY KEY,
    policy_id INTEGER NOT NULL,
    state_json TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );

  ALTER TABLE live.alert_sources ADD COLUMN ack_timeout_minutes INTEGER;
  ALTER TABLE live.alert_sources ADD COLUMN auto_resolve_minutes INTEGER;
  CREATE INDEX live.alert_sources_policy ON alert_sources (escalation_policy_id)
    WHERE deleted_at IS NULL AND escalation_policy_id IS NOT NULL;

  ALTER TABLE live.alert_log ADD COLUMN data_json TEXT;
  `,
};
