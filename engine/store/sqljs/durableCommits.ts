import type { Commit } from '../store.js';

/**
 * What waits for durability: commits whose changes consoles see (told to listeners once the
 * journal has them on disk, in sequence order, each once) and callers of `whenDurable`.
 */
export class DurableCommits {
  private readonly pending: Commit[] = [];
  private readonly waiters: Array<{ seq: number; resolve(): void }> = [];
  private readonly listeners = new Set<(commit: Commit) => void>();

  constructor(
    /** Every commit up to this sequence is on disk. */
    public durableSeq: number,
  ) {}

  /** A commit with changes, in the journal but maybe not yet on disk. */
  add(commit: Commit): void {
    this.pending.push(commit);
  }

  /** Resolves once everything up to `seq` is on disk. */
  when(seq: number): Promise<void> {
    if (seq <= this.durableSeq) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ seq, resolve }));
  }

  onCommit(listener: (commit: Commit) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The journal flushed everything up to `lastSeq`. */
  flushed(lastSeq: number): void {
    this.durableSeq = lastSeq;
    let commits = 0;
    while (commits < this.pending.length && this.pending[commits]!.seq <= lastSeq) commits += 1;
    for (const commit of this.pending.splice(0, commits)) {
      for (const listener of this.listeners) listener(commit);
    }
    for (let i = this.waiters.length - 1; i >= 0; i -= 1) {
      const waiter = this.waiters[i]!;
      if (waiter.seq <= lastSeq) {
        this.waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }
}
