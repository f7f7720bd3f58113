import { crc32 } from 'node:zlib';
import type { SqlOp } from './sqlDatabase.js';

/** One committed transaction: its sequence number, commit time and writes. */
export interface JournalRecord {
  readonly seq: number;
  readonly at: number;
  readonly ops: readonly SqlOp[];
}

/**
 * A record is one line: 8 hex digits of CRC-32 over the JSON, a space, the JSON, `\n`.
 * JSON never contains a raw newline, so a line break always ends a record, and a crash can only
 * leave a torn *last* line: missing its newline, or with a CRC that does not match.
 */
export function encodeRecord(record: JournalRecord): Buffer {
  const json = Buffer.from(JSON.stringify(record), 'utf8');
  const line = Buffer.allocUnsafe(9 + json.length + 1);
  line.write(crc32(json).toString(16).padStart(8, '0'), 0, 'latin1');
  line[8] = 0x20;
  json.copy(line, 9);
  line[line.length - 1] = 0x0a;
  return line;
}

export class JournalCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly offset: number,
    detail: string,
  ) {
    super(
      `The journal ${file} is damaged at byte ${offset} (${detail}), and intact records follow ` +
        'the damage, so this is not a torn write from a crash. Nocturne will not start on it: ' +
        'restore the data directory from a backup, or move this file away to accept losing the ' +
        'records it holds.',
    );
    this.name = 'JournalCorruptError';
  }
}

export interface DecodedSegment {
  readonly records: JournalRecord[];
  /** Bytes holding whole, intact records; anything after is a torn tail. */
  readonly validBytes: number;
}

/** Parses one line (without its newline), or says why it is not a record. */
function decodeLine(line: Buffer): JournalRecord | string {
  if (line.length < 10 || line[8] !== 0x20) return 'no record header';
  const json = line.subarray(9);
  const expected = Number.parseInt(line.toString('latin1', 0, 8), 16);
  if (!Number.isFinite(expected) || crc32(json) !== expected) return 'checksum mismatch';
  try {
    const value = JSON.parse(json.toString('utf8')) as JournalRecord;
    if (!Number.isSafeInteger(value.seq) || !Array.isArray(value.ops)) return 'not a record';
    return value;
  } catch {
    return 'unreadable JSON';
  }
}

/**
 * Decodes a journal segment. A damaged or unterminated line with nothing intact after it is a
 * torn tail and ends the segment (`validBytes` marks where); damage followed by intact records
 * throws {@link JournalCorruptError}.
 */
export function decodeSegment(file: string, buf: Buffer): DecodedSegment {
  const records: JournalRecord[] = [];
  let offset = 0;
  while (offset < buf.length) {
    const newline = buf.indexOf(0x0a, offset);
    if (newline < 0) break; // unterminated last line: torn
    const decoded = decodeLine(buf.subarray(offset, newline));
    if (typeof decoded === 'string') {
      assertNothingIntactAfter(file, buf, newline + 1, offset, decoded);
      break;
    }
    records.push(decoded);
    offset = newline + 1;
  }
  return { records, validBytes: offset };
}

function assertNothingIntactAfter(
  file: string,
  buf: Buffer,
  from: number,
  damageAt: number,
  detail: string,
): void {
  let offset = from;
  while (offset < buf.length) {
    const newline = buf.indexOf(0x0a, offset);
    if (newline < 0) return;
    if (typeof decodeLine(buf.subarray(offset, newline)) !== 'string') {
      throw new JournalCorruptError(file, damageAt, detail);
    }
    offset = newline + 1;
  }
}
