import { describe, expect, it } from 'vitest';
import {
  decodeSegment,
  encodeRecord,
  JournalCorruptError,
  type JournalRecord,
} from '../../../engine/store/sqljs/journalFormat.js';

const record = (seq: number): JournalRecord => ({
  seq,
  at: 1_700_000_000_000 + seq,
  ops: [
    ['INSERT INTO t (a, b) VALUES (?, ?)', [seq, `value with "quotes", \n newline and ü ${seq}`]],
  ],
});

const segment = (...seqs: number[]) => Buffer.concat(seqs.map((s) => encodeRecord(record(s))));

describe('journal records', () => {
  it('round-trip through encode and decode', () => {
    const buf = segment(1, 2, 3);
    const decoded = decodeSegment('j', buf);
    expect(decoded.records).toEqual([record(1), record(2), record(3)]);
    expect(decoded.validBytes).toBe(buf.length);
  });

  it('drop a torn last line that lacks its newline (crash mid-write)', () => {
    const whole = segment(1, 2);
    const torn = encodeRecord(record(3)).subarray(0, 20);
    const decoded = decodeSegment('j', Buffer.concat([whole, torn]));
    expect(decoded.records.map((r) => r.seq)).toEqual([1, 2]);
    expect(decoded.validBytes).toBe(whole.length);
  });

  it('drop a last line whose checksum does not match (partly written page)', () => {
    const whole = segment(1);
    const bad = Buffer.from(encodeRecord(record(2)));
    bad[bad.length - 5] = 0x41; // damage inside the JSON
    const decoded = decodeSegment('j', Buffer.concat([whole, bad]));
    expect(decoded.records.map((r) => r.seq)).toEqual([1]);
    expect(decoded.validBytes).toBe(whole.length);
  });

  it('drop a zero-filled tail (file extended, data never written)', () => {
    const whole = segment(1, 2);
    const decoded = decodeSegment('j', Buffer.concat([whole, Buffer.alloc(4096)]));
    expect(decoded.records).toHaveLength(2);
    expect(decoded.validBytes).toBe(whole.length);
  });

  it('refuse damage that intact records follow: that is corruption, not a torn write', () => {
    const first = encodeRecord(record(1));
    const damaged = Buffer.from(encodeRecord(record(2)));
    damaged[12] = 0x7a;
    const buf = Buffer.concat([first, damaged, encodeRecord(record(3))]);
    expect(() => decodeSegment('journal-x.log', buf)).toThrow(JournalCorruptError);
    expect(() => decodeSegment('journal-x.log', buf)).toThrow(
      /journal-x\.log is damaged at byte \d+/,
    );
  });
});
