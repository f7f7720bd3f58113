import initSqlJs from 'sql.js';

type SqlJs = Awaited<ReturnType<typeof initSqlJs>>;
type Database = initSqlJs.Database;
type Statement = initSqlJs.Statement;

/** A value SQLite stores for us: no blobs, no booleans (use 0/1). */
export type SqlValue = string | number | null;
export type SqlRow = Record<string, SqlValue>;
/** One write as the journal records it: SQL text and its positional parameters. */
export type SqlOp = readonly [sql: string, params: readonly SqlValue[]];

let sqlJs: Promise<SqlJs> | undefined;
/** Loads the SQLite WebAssembly module once per thread. */
export function loadSqlJs(): Promise<SqlJs> {
  sqlJs ??= initSqlJs();
  return sqlJs;
}

/**
 * sql.js keeps the database in a MEMFS file; without these pragmas every commit writes and
 * deletes a rollback journal there (≈50 µs a transaction instead of ≈6 µs). `export()` re-opens
 * the database and forgets pragmas, so they are applied after every open.
 */
const pragmas =
  'PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; PRAGMA temp_store=MEMORY;';

/**
 * A sql.js database with cached prepared statements that records every write made inside a
 * transaction as an {@link SqlOp}, so the same writes can be journaled and replayed. Writes are
 * only allowed inside {@link begin}/{@link commit}; SQL must be deterministic (no `random()`, no
 * `'now'`): ids and times come in as parameters, or from SQLite's deterministic rowid rules.
 */
export class SqlDatabase {
  private readonly statements = new Map<string, Statement>();
  private ops: SqlOp[] | null = null;

  private constructor(private readonly db: Database) {
    db.exec(pragmas);
  }

  static async open(image?: Uint8Array): Promise<SqlDatabase> {
    const SQL = await loadSqlJs();
    return new SqlDatabase(new SQL.Database(image));
  }

  get inTransaction(): boolean {
    return this.ops !== null;
  }

  begin(): void {
    if (this.ops) throw new Error('a transaction is already open');
    this.statement('BEGIN').run();
    this.ops = [];
  }

  /** Commits and returns the writes made since {@link begin}. */
  commit(): SqlOp[] {
    const ops = this.requireTransaction();
    this.statement('COMMIT').run();
    this.ops = null;
    return ops;
  }

  rollback(): void {
    if (!this.ops) return;
    this.ops = null;
    this.statement('ROLLBACK').run();
  }

  /** A write (INSERT, UPDATE, DELETE, DDL); recorded for the journal. */
  run(sql: string, params: readonly SqlValue[] = []): void {
    const ops = this.requireTransaction();
    this.execute(sql, params);
    ops.push([sql, params]);
  }

  /** Rows changed by the last write. */
  changes(): number {
    return this.db.getRowsModified();
  }

  /** The rowid of the last INSERT (deterministic, so replay assigns the same ids). */
  lastInsertId(): number {
    const row = this.get('SELECT last_insert_rowid() AS id');
    return Number(row?.id);
  }

  get(sql: string, params: readonly SqlValue[] = []): SqlRow | undefined {
    const stmt = this.statement(sql);
    try {
      stmt.bind(params as SqlValue[]);
      return stmt.step() ? (stmt.getAsObject() as SqlRow) : undefined;
    } finally {
      stmt.reset();
    }
  }

  all(sql: string, params: readonly SqlValue[] = []): SqlRow[] {
    const stmt = this.statement(sql);
    const rows: SqlRow[] = [];
    try {
      stmt.bind(params as SqlValue[]);
      while (stmt.step()) rows.push(stmt.getAsObject() as SqlRow);
      return rows;
    } finally {
      stmt.reset();
    }
  }

  /** Applies journaled writes (replay); the caller brackets them with begin/commit. */
  apply(ops: readonly SqlOp[]): void {
    for (const [sql, params] of ops) this.run(sql, params);
  }

  /** The whole database as an SQLite file image. Forgets prepared statements; not in a transaction. */
  export(): Uint8Array {
    if (this.ops) throw new Error('cannot export inside a transaction');
    this.freeStatements(); // export() frees them inside sql.js too
    const image = this.db.export();
    this.db.exec(pragmas);
    return image;
  }

  close(): void {
    this.freeStatements();
    this.db.close();
  }

  private execute(sql: string, params: readonly SqlValue[]): void {
    if (params.length === 0 && /;\s*\S/.test(sql)) {
      this.db.exec(sql); // a script of several statements (migrations)
      return;
    }
    this.statement(sql).run(params as SqlValue[]);
  }

  private requireTransaction(): SqlOp[] {
    if (!this.ops) throw new Error('writes must be made inside a transaction');
    return this.ops;
  }

  private statement(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  private freeStatements(): void {
    for (const stmt of this.statements.values()) stmt.free();
    this.statements.clear();
  }
}
