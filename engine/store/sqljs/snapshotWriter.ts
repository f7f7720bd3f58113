import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fsyncDir, listSegments, listSnapshots, snapshotName } from './dataDir.js';

/** Writes a database image as `snapshot-<seq>.sqlite`: temp file, fsync, rename, fsync dir. */
export function writeSnapshot(dir: string, seq: number, image: Uint8Array): string {
  const path = join(dir, snapshotName(seq));
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    let offset = 0;
    while (offset < image.length) offset += writeSync(fd, image, offset, image.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  fsyncDir(dir);
  return path;
}

/**
 * After a snapshot at `seq` is durable: older snapshots, and journal segments whose every record
 * is at or before `seq`, are no longer needed. (A segment's records end where the next begins;
 * the newest segment's end is only known when the journal is closed: `includingNewest`.)
 */
export function pruneBefore(
  dir: string,
  seq: number,
  options: { includingNewest?: boolean } = {},
): void {
  for (const snapshot of listSnapshots(dir)) {
    if (snapshot.seq < seq) rmSync(snapshot.path, { force: true });
  }
  const segments = listSegments(dir);
  segments.forEach((segment, index) => {
    const next = segments[index + 1];
    const coveredByNext = next !== undefined && next.seq <= seq + 1;
    const closedNewest =
      next === undefined && options.includingNewest === true && segment.seq <= seq + 1;
    if (coveredByNext || closedNewest) rmSync(segment.path, { force: true });
  });
  fsyncDir(dir);
}
