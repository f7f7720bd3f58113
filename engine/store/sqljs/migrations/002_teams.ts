import type { Migration } from './migration.js';

/**
 * Teams and their members; API tokens get a role cap and a last-use time; open alerts are found
 * by assignee (a deleted user's alerts are unassigned).
 */
export const teams: Migration = {
  version: 2,
  name: 'teams',
  sql: `
  ALTER TABLE live.api_tokens ADD COLUMN role TEXT CHECK (role IN ('admin', 'responder', 'viewer'));
  ALTER TABLE live.api_tokens ADD COLUMN last_used_at INTEGER;
  CREATE INDEX live.api_tokens_user ON api_tokens (user_id) WHERE revoked_at IS NULL;

  CREATE TABLE live.teams (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    description TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX live.teams_name ON teams (lower(name));

  CREATE TABLE live.team_members (
    team_id INTEGER NOT NULL REFERENCES teams (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('manager', 'member')),
    PRIMARY KEY (team_id, user_id)
  );
  CREATE INDEX live.team_members_user ON team_members (user_id);

  CREATE INDEX live.alerts_open_assignee ON alerts (assignee_id)
    WHERE assignee_id IS NOT NULL AND state <> 'RESOLVED';
  `,
};
