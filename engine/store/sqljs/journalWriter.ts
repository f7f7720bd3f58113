import { close, fdatasync, open, write } from 'node:fs';
import { join } from 'node:path';
import { fsyncDir, segmentName } from './dataDir.js';
import { SegmentEncoder, type JournalRecord } from './journalFormat.js';

interface Waiter {
  resolve(): void;
  reject(error: Error): void;
}

export interface JournalWriterOptions {
  readonly dir: string;
  /** Start a new segment once the current one holds this many bytes. */
  readonly segmentBytes: number;
  /** Called after every flush, before the flushed records' promises resolve. */
  readonly onFlush?: (info: {
    seconds: number;
    records: number;
    bytes: number;
    lastSeq: number;
  }) => void;
  /** Called once a full segment is closed: every record up to `lastSeq` is in closed segments. */
  readonly onSegmentClosed?: (lastSeq: number) => void;
}

export class JournalWriteError extends Error {
  constructor(cause: unknown) {
    super(
      `Writing the journal failed (${(cause as Error)?.message ?? String(cause)}). The engine ` +
        'stopped accepting changes so that nothing is confirmed that is not on disk; fix the ' +
        'disk (space, permissions) and restart the engine.',
      { cause },
    );
    this.name = 'JournalWriteError';
  }
}

/**
 * Appends records to the current journal segment with group commit: records appended while a
 * flush is under way share the next `write` + `fdatasync`, so one flush's cost is spread over
 * every request waiting for it. A record's promise resolves only once it is on disk.
 *
 * After a failed write or sync the writer refuses everything (after a failed fsync the kernel
 * may have dropped the dirty pages, so a retry proves nothing); a restart recovers from what is
 * on disk.
 */
export class JournalWriter {
  private pending: JournalRecord[] = [];
  /** Statement definitions are per segment: a new segment starts a new encoder. */
  private encoder = new SegmentEncoder();
  private waiters: Waiter[] = [];
  private pendingLastSeq = 0;
  private flushedSeq: number;
  private segmentSize = 0;
  private failure: JournalWriteError | null = null;
  /** Every file operation runs on this chain, one at a time. */
  private chain: Promise<void> = Promise.resolve();
  private flushQueued = false;

  private constructor(
    private readonly options: JournalWriterOptions,
    private fd: number,
    lastSeq: number,
  ) {
    this.flushedSeq = lastSeq;
  }

  /** Begins a new segment after `lastSeq` (the last sequence already on disk). */
  static async open(options: JournalWriterOptions, lastSeq: number): Promise<JournalWriter> {
    const fd = await openSegment(options.dir, lastSeq + 1);
    return new JournalWriter(options, fd, lastSeq);
  }

  get failed(): JournalWriteError | null {
    return this.failure;
  }

  /** Queues a record; resolves once it is durable. */
  append(record: JournalRecord): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    this.pending.push(record);
    this.pendingLastSeq = record.seq;
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.flushQueued) {
      this.flushQueued = true;
      // setImmediate lets every record committed in this turn of the event loop join the batch.
      setImmediate(() => this.enqueue(() => this.flush()));
    }
    return done;
  }

  /** Closes the current segment (after what is pending) and begins the next one. */
  rotate(): Promise<number> {
    return this.enqueue(async () => {
      await this.flush();
      if (this.failure) throw this.failure;
      return this.segmentSize === 0 ? this.flushedSeq : this.startNextSegment();
    });
  }

  /** Flushes what is pending and closes the segment. */
  close(): Promise<void> {
    return this.enqueue(async () => {
      await this.flush();
      await closeFd(this.fd);
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task);
    this.chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async flush(): Promise<void> {
    this.flushQueued = false;
    if (this.pending.length === 0 || this.failure) return;
    const batch = this.pending;
    const waiters = this.waiters;
    const lastSeq = this.pendingLastSeq;
    this.pending = [];
    this.waiters = [];
    const started = process.hrtime.bigint();
    const encoded = batch.map((record) => this.encoder.encode(record));
    const data = encoded.length === 1 ? encoded[0]! : Buffer.concat(encoded);
    try {
      await writeAll(this.fd, data);
      await datasync(this.fd);
    } catch (error) {
      this.fail(error, waiters);
      return;
    }
    this.flushedSeq = lastSeq;
    this.segmentSize += data.length;
    this.options.onFlush?.({
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      records: batch.length,
      bytes: data.length,
      lastSeq,
    });
    for (const waiter of waiters) waiter.resolve();
    if (this.segmentSize >= this.options.segmentBytes) {
      await this.startNextSegment();
    }
  }

  /** Returns the last sequence of the closed segment. */
  private async startNextSegment(): Promise<number> {
    const closedLastSeq = this.flushedSeq;
    const next = await openSegment(this.options.dir, closedLastSeq + 1);
    const previous = this.fd;
    this.fd = next;
    this.encoder = new SegmentEncoder();
    this.segmentSize = 0;
    await closeFd(previous);
    this.options.onSegmentClosed?.(closedLastSeq);
    return closedLastSeq;
  }

  private fail(error: unknown, waiters: Waiter[]): void {
    this.failure = new JournalWriteError(error);
    for (const waiter of [...waiters, ...this.waiters]) waiter.reject(this.failure);
    this.pending = [];
    this.waiters = [];
  }
}

/*
 * The callback forms of write and fdatasync: the FileHandle promise API costs noticeably more
 * per call, and the journal makes hundreds of these calls a second.
 */
const callback =
  <T>(resolve: (value: T) => void, reject: (error: Error) => void) =>
  (error: NodeJS.ErrnoException | null, value?: T) =>
    error ? reject(error) : resolve(value as T);

async function writeAll(fd: number, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    offset += await new Promise<number>((resolve, reject) =>
      write(fd, data, offset, data.length - offset, null, callback(resolve, reject)),
    );
  }
}

const datasync = (fd: number) =>
  new Promise<void>((resolve, reject) => fdatasync(fd, callback(resolve, reject)));
const closeFd = (fd: number) =>
  new Promise<void>((resolve, reject) => close(fd, callback(resolve, reject)));

async function openSegment(dir: string, firstSeq: number): Promise<number> {
  // 'w' truncates: a segment named after the next sequence can only hold a torn tail.
  const fd = await new Promise<number>((resolve, reject) =>
    open(join(dir, segmentName(firstSeq)), 'w', callback(resolve, reject)),
  );
  fsyncDir(dir);
  return fd;
}
