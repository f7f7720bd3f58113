/**
 * Where the engine's tables live inside sql.js.
 *
 * sql.js keeps its main database in an Emscripten MEMFS file that grows by 12.5% at a time and
 * copies itself whole on every growth, inside COMMIT: at 55 MB one growth blocked the engine's
 * thread for 200 ms, and a transaction cost ≈ 34 µs. An attached `:memory:` database keeps its
 * pages in SQLite's page cache instead (the WebAssembly heap, which grows without copying): no
 * stalls, ≈ 11 µs a transaction (measured with 150k inserts; see docs/storage.md).
 *
 * So every table is created in the schema `live` (migrations say `live.<name>`); unqualified
 * names in queries resolve to it because `main` holds no tables. `main` is only used to load a
 * snapshot image (copied into `live`, then dropped) and to write one (`live` copied into it).
 */
export const LIVE = 'live';

export interface SqlExec {
  exec(sql: string): void;
  all(sql: string): Array<Record<string, string | number | null>>;
}

interface SchemaObject {
  readonly type: 'table' | 'index' | 'trigger' | 'view';
  readonly name: string;
  readonly sql: string;
}

function objectsOf(db: SqlExec, schema: string): SchemaObject[] {
  return db
    .all(`SELECT type, name, sql FROM ${schema}.sqlite_master WHERE sql IS NOT NULL ORDER BY rowid`)
    .map((r) => ({
      type: r.type as SchemaObject['type'],
      name: String(r.name),
      sql: String(r.sql),
    }));
}

/** SQLite stores CREATE statements without their schema: put `schema` back in front of the name. */
function inSchema(sql: string, schema: string): string {
  const qualified = sql.replace(
    /^(CREATE\s+(?:UNIQUE\s+)?(?:TABLE|INDEX|VIEW|TRIGGER)\s+(?:IF\s+NOT\s+EXISTS\s+)?)/i,
    `$1${schema}.`,
  );
  if (qualified === sql) throw new Error(`cannot move this schema object: ${sql.slice(0, 80)}`);
  return qualified;
}

/**
 * Copies every table (with its rows), index, view and trigger, and the user_version, from one
 * schema of the connection to another, empty one.
 */
export function copySchema(db: SqlExec, from: string, to: string): void {
  const objects = objectsOf(db, from);
  const tables = objects.filter((o) => o.type === 'table' && !o.name.startsWith('sqlite_'));
  for (const table of tables) db.exec(inSchema(table.sql, to));
  for (const table of tables)
    db.exec(`INSERT INTO ${to}."${table.name}" SELECT * FROM ${from}."${table.name}"`);
  if (objects.some((o) => o.name === 'sqlite_sequence')) {
    db.exec(
      `DELETE FROM ${to}.sqlite_sequence; INSERT INTO ${to}.sqlite_sequence SELECT * FROM ${from}.sqlite_sequence`,
    );
  }
  for (const other of objects.filter((o) => o.type !== 'table')) db.exec(inSchema(other.sql, to));
  const version = Number(db.all(`PRAGMA ${from}.user_version`)[0]?.user_version ?? 0);
  db.exec(`PRAGMA ${to}.user_version = ${version}`);
}

/** Drops every table of a schema and gives its file's space back. */
export function emptySchema(db: SqlExec, schema: string): void {
  for (const object of objectsOf(db, schema)) {
    if (object.type === 'table' && !object.name.startsWith('sqlite_'))
      db.exec(`DROP TABLE ${schema}."${object.name}"`);
  }
  db.exec(`PRAGMA ${schema}.user_version = 0`);
  db.exec(`VACUUM ${schema}`);
}
