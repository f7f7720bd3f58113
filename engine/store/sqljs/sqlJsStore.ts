import { mkdirSync } from 'node:fs';
import type { Change } from '../../../shared/protocol/changes.js';
import type { Clock } from '../../clock.js';
import type { Commit, ReadTx, Store, StoreHealth, WriteTx } from '../store.js';
import { CheckpointScheduler } from './checkpointScheduler.js';
import { journalSize, removeTempFiles } from './dataDir.js';
import { lockDataDir } from './dataDirLock.js';
import { DurableCommits } from './durableCommits.js';
import { JournalWriter } from './journalWriter.js';
import { LIVE } from './liveSchema.js';
import { migrationTableSql, pendingMigrations, schemaVersion } from './migrations.js';
import { recover } from './recovery.js';
import { pruneBefore, writeSnapshot } from './snapshotWriter.js';
import { createSqlRepos } from './sqlRepos.js';
import type { SqlDatabase } from './sqlDatabase.js';

export interface SqlJsStoreOptions {
  readonly dir: string;
  readonly clock: Clock;
  /** Journal bytes after which a segment is closed and a checkpoint (snapshot) built. */
  readonly segmentBytes?: number;
  readonly onFlush?: (info: { seconds: number; records: number; bytes: number }) => void;
  readonly onCheckpoint?: (info: { seq: number; bytes: number; seconds: number }) => void;
  readonly onProblem?: (message: string) => void;
}

export interface StartupReport {
  readonly snapshotSeq: number;
  readonly replayedRecords: number;
  readonly replayedBytes: number;
  readonly tornBytes: number;
  readonly migrated: number;
}

export class StoreClosedError extends Error {
  constructor() {
    super('The engine is shutting down and accepts no more changes.');
    this.name = 'StoreClosedError';
  }
}

const defaultSegmentBytes = 64 * 1024 * 1024;

/**
 * The embedded store: sql.js in memory, made durable by a journal of committed transactions
 * (group commit, fdatasync before a write resolves) and snapshots built by a worker thread from
 * the closed journal segments. See docs/storage.md.
 */
export class SqlJsStore implements Store {
  private tail: Promise<unknown> = Promise.resolve();
  private seq: number;
  private readonly durable: DurableCommits;
  private readonly checkpoints: CheckpointScheduler;
  private readonly workListeners = new Set<(dueAt: number) => void>();
  /** The earliest due time the open transaction scheduled (Infinity: none). */
  private txWakeAt = Number.POSITIVE_INFINITY;
  private journal!: JournalWriter;
  private closing = false;
  private readonly repos;

  private constructor(
    private readonly options: SqlJsStoreOptions,
    private readonly db: SqlDatabase,
    lastSeq: number,
    snapshotSeq: number,
    private readonly lock: { release(): void },
  ) {
    this.seq = lastSeq;
    this.durable = new DurableCommits(lastSeq);
    this.checkpoints = new CheckpointScheduler(options, snapshotSeq);
    this.repos = createSqlRepos(db, (dueAt) => {
      this.txWakeAt = Math.min(this.txWakeAt, dueAt);
    });
  }

  /** Opens (or creates) the store in `dir`: newest snapshot + journal replay + migrations. */
  static async open(
    options: SqlJsStoreOptions,
  ): Promise<{ store: SqlJsStore; report: StartupReport }> {
    mkdirSync(options.dir, { recursive: true });
    const lock = lockDataDir(options.dir);
    try {
      removeTempFiles(options.dir);
      const recovered = await recover({ dir: options.dir, truncateTornTail: true });
      const store = new SqlJsStore(
        options,
        recovered.db,
        recovered.lastSeq,
        recovered.snapshot?.seq ?? 0,
        lock,
      );
      store.journal = await JournalWriter.open(
        {
          dir: options.dir,
          segmentBytes: options.segmentBytes ?? defaultSegmentBytes,
          onFlush: (info) => store.onFlushed(info),
          onSegmentClosed: (lastSeq) => store.checkpoints.request(lastSeq),
        },
        recovered.lastSeq,
      );
      const migrated = await store.migrate();
      if (recovered.replayedBytes >= (options.segmentBytes ?? defaultSegmentBytes)) {
        // A long journal makes the next start slow: fold it into a snapshot now.
        store.journal.rotate().then(
          (upto) => store.checkpoints.request(upto),
          (error: unknown) =>
            options.onProblem?.(`Could not start a new journal segment: ${String(error)}`),
        );
      }
      return {
        store,
        report: {
          snapshotSeq: recovered.snapshot?.seq ?? 0,
          replayedRecords: recovered.replayedRecords,
          replayedBytes: recovered.replayedBytes,
          tornBytes: recovered.tornBytes,
          migrated,
        },
      };
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new StoreClosedError());
    const failure = this.journal.failed;
    if (failure) return Promise.reject(failure);
    const committed = this.exclusive(async () => {
      const changes: Change[] = [];
      const tx: WriteTx = {
        seq: this.seq,
        ...this.repos,
        publish: (change) => void changes.push(change),
      };
      this.db.begin();
      this.txWakeAt = Number.POSITIVE_INFINITY;
      let result: T;
      try {
        result = await fn(tx);
      } catch (error) {
        this.db.rollback();
        throw error;
      }
      const ops = this.db.commit();
      if (this.txWakeAt !== Number.POSITIVE_INFINITY) {
        // Work scheduled here can only run after this commit (the runner's own transaction
        // queues behind it), so the hint need not wait for durability.
        const wakeAt = this.txWakeAt;
        for (const listener of this.workListeners) listener(wakeAt);
      }
      if (ops.length === 0) {
        // Nothing written, but what was read may not be durable yet: answer after it is.
        return { result, durable: this.whenDurable(this.seq) };
      }
      const seq = ++this.seq;
      if (changes.length > 0) this.durable.add({ seq, changes });
      return { result, durable: this.journal.append({ seq, at: this.options.clock.now(), ops }) };
    });
    return committed.then(async ({ result, durable }) => {
      await durable;
      return result;
    });
  }

  read<T>(fn: (tx: ReadTx) => Promise<T>): Promise<T> {
    // After a failed journal write, memory holds changes the disk does not: show none of it.
    const failure = this.journal.failed;
    if (failure) return Promise.reject(failure);
    return this.exclusive(() => fn({ seq: this.seq, ...this.repos }));
  }

  whenDurable(seq: number): Promise<void> {
    if (seq <= this.durable.durableSeq) return Promise.resolve();
    const failure = this.journal.failed;
    if (failure) return Promise.reject(failure);
    return this.durable.when(seq);
  }

  onWorkScheduled(listener: (dueAt: number) => void): () => void {
    this.workListeners.add(listener);
    return () => this.workListeners.delete(listener);
  }

  onCommit(listener: (commit: Commit) => void): () => void {
    return this.durable.onCommit(listener);
  }

  health(): StoreHealth {
    const failure = this.journal.failed;
    return {
      ok: !failure && !this.closing,
      problem: failure?.message ?? (this.closing ? 'shutting down' : null),
      seq: this.seq,
      durableSeq: this.durable.durableSeq,
      journalBytes: journalSize(this.options.dir),
      lastSnapshotSeq: this.checkpoints.lastSnapshotSeq,
    };
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.tail.catch(() => undefined);
    await this.journal.close().catch(() => undefined);
    await this.checkpoints.idle();
    try {
      if (!this.journal.failed && this.seq > this.checkpoints.lastSnapshotSeq) {
        // A final snapshot makes the next start a plain load. Blocking is fine here.
        writeSnapshot(this.options.dir, this.seq, this.db.exportAndClose());
        pruneBefore(this.options.dir, this.seq, { includingNewest: true });
      } else {
        this.db.close();
      }
    } finally {
      this.lock.release();
    }
  }

  /** Builds a snapshot now (tests, operators); resolves with its sequence. */
  async checkpoint(): Promise<number> {
    const upto = await this.journal.rotate();
    this.checkpoints.request(upto);
    await this.checkpoints.idle();
    return this.checkpoints.lastSnapshotSeq;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async migrate(): Promise<number> {
    const pending = await this.exclusive(async () => pendingMigrations(this.db));
    for (const migration of pending) {
      await this.write(async () => {
        this.db.run(migrationTableSql);
        this.db.run(migration.sql);
        this.db.run(
          `INSERT INTO ${LIVE}.schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
          [migration.version, migration.name, this.options.clock.now()],
        );
        this.db.run(
          `PRAGMA ${LIVE}.user_version = ${Math.max(migration.version, schemaVersion(this.db))}`,
        );
      });
    }
    return pending.length;
  }

  private onFlushed(info: {
    seconds: number;
    records: number;
    bytes: number;
    lastSeq: number;
  }): void {
    this.durable.durableSeq = info.lastSeq;
    this.options.onFlush?.(info);
    this.durable.flushed(info.lastSeq);
  }
}
