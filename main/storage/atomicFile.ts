import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, basename, join } from 'node:path';

/**
 * Writes `data` to `file` so that a crash at any moment leaves either the old file or the new
 * one, never a torn mix: write a temp file beside it, fsync it, rename it over the target (atomic
 * on POSIX and on NTFS), then fsync the directory so the rename itself is durable.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const fd = openSync(temp, 'w', 0o600);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Nothing to clean up: the temp file never got created or is already gone.
    }
    throw error;
  }
  closeSync(fd);
  renameSync(temp, file);
  syncDirectory(dirname(file));
}

function syncDirectory(dir: string): void {
  // Windows cannot open a directory for fsync (EPERM/EISDIR); NTFS journals the rename anyway.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Removes temp files a crash left beside `file` (their content never became the file). */
export function removeStaleTemps(file: string): void {
  const prefix = `.${basename(file)}.`;
  for (const name of readdirSync(dirname(file)))
    if (name.startsWith(prefix) && name.endsWith('.tmp')) unlinkSync(join(dirname(file), name));
}
