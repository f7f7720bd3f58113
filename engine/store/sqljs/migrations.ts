import { LIVE } from './liveSchema.js';
import type { Migration } from './migrations/migration.js';
import { migrations as known } from './migrations/index.js';
import type { SqlDatabase } from './sqlDatabase.js';

export { known as migrations };

/**
 * Which migrations a database has had is kept in `live.schema_migrations` (one row a version),
 * so migrations written side by side apply in version order whatever order they were merged in;
 * `PRAGMA live.user_version` mirrors the highest one.
 */
export const migrationTableSql = `CREATE TABLE IF NOT EXISTS ${LIVE}.schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`;

function appliedVersions(db: SqlDatabase): Set<number> {
  const exists = db.get(
    `SELECT 1 AS x FROM ${LIVE}.sqlite_master WHERE name = 'schema_migrations'`,
  );
  if (!exists) return new Set();
  return new Set(
    db.all(`SELECT version FROM ${LIVE}.schema_migrations`).map((r) => Number(r.version)),
  );
}

export function schemaVersion(db: SqlDatabase): number {
  return Number(db.get(`PRAGMA ${LIVE}.user_version`)?.user_version ?? 0);
}

/** Migrations still to run, in version order; refuses data written by a newer engine. */
export function pendingMigrations(db: SqlDatabase): Migration[] {
  const applied = appliedVersions(db);
  const knownVersions = new Set(known.map((m) => m.version));
  const unknown = [...applied].filter((v) => !knownVersions.has(v));
  const newest = Math.max(0, ...known.map((m) => m.version));
  if (unknown.length > 0 || schemaVersion(db) > newest) {
    throw new Error(
      `This data directory was written by a newer Nocturne (schema ${Math.max(schemaVersion(db), ...unknown)}; ` +
        `this one knows up to ${newest}). Run the newer version, or restore a backup made for this one.`,
    );
  }
  return known.filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version);
}
