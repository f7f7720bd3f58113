import type { Migration } from './migration.js';

/** Durable timers: every escalation step, timeout and retry is a row with a due time. */
export const dueWork: Migration = {
  version: 4,
  name: 'due work',
  sql: `
  CREATE TABLE live.due_work (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    payload_json TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'cancelled', 'failed')),
    attempts INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    finished_at INTEGER,
    last_error TEXT
  );
  CREATE INDEX live.due_work_pending ON due_work (due_at, id) WHERE state = 'pending';
  CREATE INDEX live.due_work_subject ON due_work (subject, kind) WHERE state = 'pending';
  CREATE INDEX live.due_work_finished ON due_work (finished_at) WHERE state <> 'pending';
  `,
};
