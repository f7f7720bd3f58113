import initSqlJs from 'sql.js';
import { copySchema, emptySchema, LIVE, type SqlExec } from './liveSchema.js';

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
 * Durability is the journal's job, not SQLite's: without these, every commit would write and
 * delete a rollback journal in sql.js's in-memory file system.
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
  private readonly columnNames = new Map<Statement, string[]>();
  private ops: SqlOp[] | null = null;
  private readonly rollbackListeners = new Set<() => void>();

  private constructor(private readonly db: Database) {}

  /**
   * Opens a database holding `image` (a snapshot), or an empty one. The tables live in the
   * in-memory schema `live` (see ./liveSchema.ts), whatever the image held in `main`.
   */
  static async open(image?: Uint8Array): Promise<SqlDatabase> {
    const SQL = await loadSqlJs();
    const db = new SQL.Database(image);
    db.exec(pragmas);
    db.exec(`ATTACH ':memory:' AS ${LIVE}`);
    const self = new SqlDatabase(db);
    if (image) {
      copySchema(self.rawExec, 'main', LIVE);
      emptySchema(self.rawExec, 'main');
    }
    return self;
  }

  /** The connection as ./liveSchema.ts uses it: plain SQL, no journaling. */
  private get rawExec(): SqlExec {
    return {
      exec: (sql) => void this.db.exec(sql),
      all: (sql) => this.all(sql),
    };
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
    for (const listener of this.rollbackListeners) listener();
  }

  /** Caches of what a transaction read must forget it when the transaction is rolled back. */
  onRollback(listener: () => void): void {
    this.rollbackListeners.add(listener);
  }

  /**
   * A write that returns its row (`INSERT … RETURNING id`, `UPDATE … RETURNING *`): one
   * statement instead of a write and a read. Recorded for the journal like {@link run}; replay
   * runs it again and ignores the row.
   */
  runReturning(sql: string, params: readonly SqlValue[]): SqlRow | undefined {
    const ops = this.requireTransaction();
    const row = this.get(sql, params);
    ops.push([sql, params]);
    return row;
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
      return stmt.step() ? this.readRow(stmt) : undefined;
    } finally {
      stmt.reset();
    }
  }

  all(sql: string, params: readonly SqlValue[] = []): SqlRow[] {
    const stmt = this.statement(sql);
    const rows: SqlRow[] = [];
    try {
      stmt.bind(params as SqlValue[]);
      while (stmt.step()) rows.push(this.readRow(stmt));
      return rows;
    } finally {
      stmt.reset();
    }
  }

  /** Applies journaled writes (replay); the caller brackets them with begin/commit. */
  apply(ops: readonly SqlOp[]): void {
    for (const [sql, params] of ops) this.run(sql, params);
  }

  /**
   * The whole database as an SQLite file image (what snapshots hold), and closes the database:
   * sql.js re-opens only `main` after an export, so `live` would be gone. Blocks the thread for
   * tens of milliseconds per 10 MB: only the checkpoint worker and shutdown call it.
   */
  exportAndClose(): Uint8Array {
    if (this.ops) throw new Error('cannot export inside a transaction');
    this.freeStatements(); // export() frees them inside sql.js too
    copySchema(this.rawExec, LIVE, 'main');
    const image = this.db.export();
    this.db.close();
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

  /**
   * The current row as an object. sql.js's getAsObject() asks SQLite for every column's name on
   * every row; the names of a prepared statement never change, so ask once.
   */
  private readRow(stmt: Statement): SqlRow {
    let names = this.columnNames.get(stmt);
    if (!names) {
      names = stmt.getColumnNames();
      this.columnNames.set(stmt, names);
    }
    const values = stmt.get() as SqlValue[];
    const row: SqlRow = {};
    for (let i = 0; i < names.length; i += 1) row[names[i]!] = values[i] ?? null;
    return row;
  }

  private freeStatements(): void {
    this.columnNames.clear();
    for (const stmt of this.statements.values()) stmt.free();
    this.statements.clear();
  }
}
