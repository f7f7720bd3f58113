import { describe, expect, it } from 'vitest';
import {
  decodeSegment,
  JournalCorruptError,
  SegmentEncoder,
  type JournalRecord,
} from '../../../engine/store/sqljs/journalFormat.js';

const record = (seq: number): JournalRecord => ({
  seq,
  at: 1_700_000_000_000 + seq,
  ops: [
    ['INSERT INTO t (a, b) VALUES (?, ?)', [seq, `value with "quotes", \n newline and ü ${seq}`]],
  ],
});

/** A fresh segment holding these records (statements defined on first use). */
const segment = (...seqs: number[]) => {
  const encoder = new SegmentEncoder();
  return Buffer.concat(seqs.map((s) => encoder.encode(record(s))));
};
/** A record as a later line of a segment (its statement already defined). */
const later = (seq: number) => {
  const encoder = new SegmentEncoder();
  encoder.encode(record(0));
  return encoder.encode(record(seq));
};

describe('journal records', () => {
  it('round-trip through encode and decode', () => {
    const buf = segment(1, 2, 3);
    const decoded = decodeSegment('j', buf);
    expect(decoded.records).toEqual([record(1), record(2), record(3)]);
    expect(decoded.validBytes).toBe(buf.length);
  });

  it('drop a torn last line that lacks its newline (crash mid-write)', () => {
    const whole = segment(1, 2);
    const torn = later(3).subarray(0, 20);
    const decoded = decodeSegment('j', Buffer.concat([whole, torn]));
    expect(decoded.records.map((r) => r.seq)).toEqual([1, 2]);
    expect(decoded.validBytes).toBe(whole.length);
  });

  it('drop a last line whose checksum does not match (partly written page)', () => {
    const whole = segment(1);
    const bad = Buffer.from(later(2));
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
    const first = segment(1);
    const damaged = Buffer.from(later(2));
    damaged[12] = 0x7a;
    const buf = Buffer.concat([first, damaged, later(3)]);
    expect(() => decodeSegment('journal-x.log', buf)).toThrow(JournalCorruptError);
    expect(() => decodeSegment('journal-x.log', buf)).toThrow(
      /journal-x\.log is damaged at byte \d+/,
    );
  });

  it('define each statement once per segment, before its first use', () => {
    const buf = segment(1, 2, 3);
    const lines = buf.toString('utf8').trim().split('\n');
    expect(lines).toHaveLength(4); // one definition, three records
    expect(lines[0]).toContain('"sql":[1,"INSERT INTO t (a, b) VALUES (?, ?)"]');
    expect(lines.slice(1).every((l) => !l.includes('INSERT'))).toBe(true);
  });

  it('refuse a record that uses a statement the segment never defined', () => {
    expect(() => decodeSegment('journal-y.log', later(5))).toThrow(/statement 1 is not defined/);
  });
});
