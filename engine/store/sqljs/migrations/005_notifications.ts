import type { Migration } from './migration.js';

/**
 * Notification rules (alert and on-call) and the persistent outbox (docs/notifications.md).
 * Users who exist already get the default rules new users get (../../../notifications/
 * defaultRules.ts says which; keep the two in step).
 */
export const notifications: Migration = {
  version: 5,
  name: 'notifications',
  sql: `
  CREATE TABLE live.notification_rules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('console', 'email', 'webhook')),
    delay_minutes INTEGER NOT NULL,
    priority TEXT NOT NULL CHECK (priority IN ('HIGH', 'LOW')),
    address TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX live.notification_rules_user ON notification_rules (user_id, delay_minutes, id);

  CREATE TABLE live.on_call_notification_rules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('console', 'email', 'webhook')),
    minutes_before INTEGER NOT NULL,
    address TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX live.on_call_notification_rules_user
    ON on_call_notification_rules (user_id, minutes_before, id);

  CREATE TABLE live.outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('alert', 'shift', 'test')),
    channel TEXT NOT NULL,
    user_id INTEGER NOT NULL,
    alert_id INTEGER,
    address TEXT,
    message_json TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL
      CHECK (state IN ('pending', 'sending', 'delivered', 'failed', 'skipped')),
    attempts INTEGER NOT NULL,
    next_attempt_at INTEGER,
    lease_owner TEXT,
    lease_until INTEGER,
    due_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    finished_at INTEGER,
    outcome TEXT
  );
  CREATE INDEX live.outbox_pending ON outbox (next_attempt_at, id) WHERE state = 'pending';
  CREATE INDEX live.outbox_leased ON outbox (lease_until, id) WHERE state = 'sending';
  CREATE INDEX live.outbox_user ON outbox (user_id, id);
  CREATE INDEX live.outbox_alert ON outbox (alert_id, id) WHERE alert_id IS NOT NULL;
  CREATE INDEX live.outbox_finished ON outbox (finished_at) WHERE finished_at IS NOT NULL;

  INSERT INTO live.notification_rules
    (user_id, channel, delay_minutes, priority, address, created_at, updated_at)
    SELECT id, 'console', 0, 'HIGH', NULL, updated_at, updated_at FROM live.users;
  INSERT INTO live.notification_rules
    (user_id, channel, delay_minutes, priority, address, created_at, updated_at)
    SELECT id, 'console', 0, 'LOW', NULL, updated_at, updated_at FROM live.users;
  INSERT INTO live.notification_rules
    (user_id, channel, delay_minutes, priority, address, created_at, updated_at)
    SELECT id, 'email', 5, 'HIGH', NULL, updated_at, updated_at FROM live.users;
  INSERT INTO live.on_call_notification_rules
    (user_id, channel, minutes_before, address, created_at, updated_at)
    SELECT id, 'console', 15, NULL, updated_at, updated_at FROM live.users;
  `,
};
