import { closeSync, fsyncSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Files of an embedded store's data directory:
 *   snapshot-<seq>.sqlite   the database as of sequence <seq> (written to .tmp, then renamed)
 *   journal-<seq>.log       committed transactions from sequence <seq> on
 *   LOCK                    the pid of the engine that owns the directory
 * Sequence numbers are zero-padded so names sort in order.
 */
const pad = (seq: number) => String(seq).padStart(16, '0');

export const snapshotName = (seq: number) => `snapshot-${pad(seq)}.sqlite`;
export const segmentName = (firstSeq: number) => `journal-${pad(firstSeq)}.log`;

export interface DataFile {
  readonly seq: number;
  readonly path: string;
}

function listMatching(dir: string, pattern: RegExp): DataFile[] {
  return readdirSync(dir)
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((f): f is { name: string; match: RegExpExecArray } => f.match !== null)
    .map(({ name, match }) => ({ seq: Number(match[1]), path: join(dir, name) }))
    .sort((a, b) => a.seq - b.seq);
}

export const listSnapshots = (dir: string) => listMatching(dir, /^snapshot-(\d{16})\.sqlite$/);
export const listSegments = (dir: string) => listMatching(dir, /^journal-(\d{16})\.log$/);

/** Leftovers of a write interrupted by a crash. */
export function removeTempFiles(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
  }
}

/** Makes a file's creation, rename or removal in `dir` durable. */
export function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Bytes of journal not yet folded into a snapshot. */
export function journalSize(dir: string): number {
  let bytes = 0;
  for (const segment of listSegments(dir)) {
    try {
      bytes += statSync(segment.path).size;
    } catch {
      // removed by a checkpoint meanwhile
    }
  }
  return bytes;
}
