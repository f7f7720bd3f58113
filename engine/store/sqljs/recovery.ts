import { readFileSync, truncateSync } from 'node:fs';
import { basename } from 'node:path';
import { listSegments, listSnapshots, type DataFile } from './dataDir.js';
import { decodeSegment, JournalCorruptError, type JournalRecord } from './journalFormat.js';
import { SqlDatabase } from './sqlDatabase.js';

export class JournalGapError extends Error {
  constructor(expected: number, found: number, file: string) {
    super(
      `The journal has no record ${expected}: the next one, in ${file}, is ${found}. A journal ` +
        'file is missing from the data directory; restore it (or the whole directory) from a backup.',
    );
    this.name = 'JournalGapError';
  }
}

export interface RecoveryOptions {
  readonly dir: string;
  /** Only replay records up to this sequence (checkpoints); all by default. */
  readonly uptoSeq?: number;
  /** Cut a torn tail off the last segment so it is never read again (start-up only). */
  readonly truncateTornTail: boolean;
}

export interface Recovered {
  readonly db: SqlDatabase;
  readonly snapshot: DataFile | null;
  readonly lastSeq: number;
  readonly replayedRecords: number;
  readonly replayedBytes: number;
  readonly tornBytes: number;
}

/** Records per SQL transaction while replaying: one commit per record would be slower. */
const replayBatch = 1000;

/**
 * Start-up (and checkpoint) recovery: open the newest snapshot, replay every journal record
 * after it in sequence order, and drop a torn tail. Records are whole transactions, so a crash
 * leaves each one either applied or absent, never half.
 */
export async function recover(options: RecoveryOptions): Promise<Recovered> {
  const snapshot = listSnapshots(options.dir).at(-1) ?? null;
  const db = await SqlDatabase.open(snapshot ? readFileSync(snapshot.path) : undefined);
  let lastSeq = snapshot?.seq ?? 0;
  let replayedRecords = 0;
  let replayedBytes = 0;
  let tornBytes = 0;
  const upto = options.uptoSeq ?? Number.POSITIVE_INFINITY;

  const segments = listSegments(options.dir);
  let batch: JournalRecord[] = [];
  const applyBatch = () => {
    if (batch.length === 0) return;
    db.begin();
    try {
      for (const record of batch) db.apply(record.ops);
      db.commit();
    } catch (error) {
      db.rollback();
      throw error;
    }
    batch = [];
  };

  for (const [index, segment] of segments.entries()) {
    // A segment whose successor starts at or before the snapshot holds nothing new.
    const next = segments[index + 1];
    if (next && next.seq <= lastSeq + 1) continue;
    if (segment.seq > upto) break;
    if (segment.seq > lastSeq + 1) {
      // Named after its first record: the records before it are missing (even an empty
      // segment proves they existed).
      throw new JournalGapError(lastSeq + 1, segment.seq, basename(segment.path));
    }
    const buf = readFileSync(segment.path);
    const decoded = decodeSegment(basename(segment.path), buf);
    const isLast = index === segments.length - 1;
    if (decoded.validBytes < buf.length) {
      if (!isLast && options.truncateTornTail) {
        // Only the newest segment can be torn; an older one was complete when it was closed.
        throw new JournalCorruptError(
          basename(segment.path),
          decoded.validBytes,
          'a closed journal segment ends in a damaged record',
        );
      }
      tornBytes += buf.length - decoded.validBytes;
      if (options.truncateTornTail) truncateSync(segment.path, decoded.validBytes);
    }
    for (const record of decoded.records) {
      if (record.seq <= lastSeq) continue;
      if (record.seq > upto) break;
      if (record.seq !== lastSeq + 1) {
        throw new JournalGapError(lastSeq + 1, record.seq, basename(segment.path));
      }
      batch.push(record);
      lastSeq = record.seq;
      replayedRecords += 1;
      if (batch.length >= replayBatch) applyBatch();
    }
    replayedBytes += decoded.validBytes;
  }
  applyBatch();
  return { db, snapshot, lastSeq, replayedRecords, replayedBytes, tornBytes };
}
