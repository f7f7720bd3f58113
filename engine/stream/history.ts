import type { Change } from '../../shared/protocol/changes.js';
import { changeKey } from '../../shared/protocol/changes.js';

/** A durable commit as the stream sends it: each change serialized once, for every console. */
export interface StreamEntry {
  readonly seq: number;
  /** `JSON.stringify` of each change. */
  readonly parts: readonly string[];
  /** `changeKey` of each change, for coalescing. */
  readonly keys: readonly string[];
  readonly bytes: number;
}

export function toEntry(seq: number, changes: readonly Change[]): StreamEntry {
  const parts = changes.map((c) => JSON.stringify(c));
  return {
    seq,
    parts,
    keys: changes.map(changeKey),
    bytes: parts.reduce((n, p) => n + p.length, 0),
  };
}

/**
 * The recent past of the stream, so a console that reconnects gets what it missed instead of a
 * whole snapshot. Holds every entry after `floor`, up to a count and a byte budget.
 */
export class StreamHistory {
  private readonly entries: StreamEntry[] = [];
  private head = 0;
  private bytes = 0;
  /** Every entry with a sequence above this is held. */
  private floorSeq: number;

  constructor(
    startSeq: number,
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {
    this.floorSeq = startSeq;
  }

  get floor(): number {
    return this.floorSeq;
  }

  add(entry: StreamEntry): void {
    this.entries.push(entry);
    this.bytes += entry.bytes;
    while (
      this.entries.length - this.head > this.maxEntries ||
      (this.bytes > this.maxBytes && this.entries.length - this.head > 1)
    ) {
      const evicted = this.entries[this.head]!;
      this.head += 1;
      this.bytes -= evicted.bytes;
      this.floorSeq = evicted.seq;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Entries after `seq`, or null when some of them are no longer held. */
  since(seq: number): StreamEntry[] | null {
    if (seq < this.floorSeq) return null;
    const out: StreamEntry[] = [];
    for (let i = this.entries.length - 1; i >= this.head; i -= 1) {
      const entry = this.entries[i]!;
      if (entry.seq <= seq) break;
      out.push(entry);
    }
    return out.reverse();
  }
}
