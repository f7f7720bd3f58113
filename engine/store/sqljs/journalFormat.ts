import { crc32 } from 'node:zlib';
import type { SqlOp, SqlValue } from './sqlDatabase.js';

/** One committed transaction: its sequence number, commit time and writes. */
export interface JournalRecord {
  readonly seq: number;
  readonly at: number;
  readonly ops: readonly SqlOp[];
}

/**
 * A segment is a series of lines: 8 hex digits of CRC-32 over the JSON, a space, the JSON, `\n`.
 * JSON never contains a raw newline, so a line break always ends a line, and a crash can only
 * leave a torn *last* line: missing its newline, or with a CRC that does not match.
 *
 * Two kinds of line:
 *   {"sql":[7,"INSERT INTO …"]}                   defines statement 7 of this segment
 *   {"seq":42,"at":1764,"ops":[[7,[1,"a"]],…]}    a transaction: statement ids and parameters
 * A statement is defined once per segment, before its first use (SQL text is most of a
 * transaction's bytes otherwise), so every segment can be read on its own.
 */
type Line =
  { sql: [number, string] } | { seq: number; at: number; ops: Array<[number, SqlValue[]]> };

function frame(json: string): Buffer {
  const body = Buffer.from(json, 'utf8');
  const line = Buffer.allocUnsafe(9 + body.length + 1);
  line.write(crc32(body).toString(16).padStart(8, '0'), 0, 'latin1');
  line[8] = 0x20;
  body.copy(line, 9);
  line[line.length - 1] = 0x0a;
  return line;
}

/** Encodes the records of one segment, defining each SQL text the first time it is used. */
export class SegmentEncoder {
  private readonly ids = new Map<string, number>();

  encode(record: JournalRecord): Buffer {
    const lines: Buffer[] = [];
    const ops = record.ops.map(([sql, params]): [number, readonly SqlValue[]] => {
      let id = this.ids.get(sql);
      if (id === undefined) {
        id = this.ids.size + 1;
        this.ids.set(sql, id);
        lines.push(frame(JSON.stringify({ sql: [id, sql] })));
      }
      return [id, params];
    });
    lines.push(frame(JSON.stringify({ seq: record.seq, at: record.at, ops })));
    return lines.length === 1 ? lines[0]! : Buffer.concat(lines);
  }
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
  /** Bytes holding whole, intact lines; anything after is a torn tail. */
  readonly validBytes: number;
}

/** Parses one line (without its newline), or says why it is not a line of the journal. */
function decodeLine(line: Buffer): Line | string {
  if (line.length < 10 || line[8] !== 0x20) return 'no line header';
  const json = line.subarray(9);
  const expected = Number.parseInt(line.toString('latin1', 0, 8), 16);
  if (!Number.isFinite(expected) || crc32(json) !== expected) return 'checksum mismatch';
  try {
    const value = JSON.parse(json.toString('utf8')) as Line;
    if ('sql' in value) return Array.isArray(value.sql) ? value : 'not a statement';
    if (!Number.isSafeInteger(value.seq) || !Array.isArray(value.ops)) return 'not a record';
    return value;
  } catch {
    return 'unreadable JSON';
  }
}

/**
 * Decodes a journal segment. A damaged or unterminated line with nothing intact after it is a
 * torn tail and ends the segment (`validBytes` marks where); damage followed by intact lines
 * throws {@link JournalCorruptError}.
 */
export function decodeSegment(file: string, buf: Buffer): DecodedSegment {
  const statements = new Map<number, string>();
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
    if ('sql' in decoded) {
      statements.set(decoded.sql[0], decoded.sql[1]);
    } else {
      const ops = decoded.ops.map(([id, params]): SqlOp => {
        const sql = statements.get(id);
        if (sql === undefined)
          throw new JournalCorruptError(file, offset, `statement ${id} is not defined`);
        return [sql, params];
      });
      records.push({ seq: decoded.seq, at: decoded.at, ops });
    }
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
