import { runCheckpointWorker } from './checkpoint.js';
import { pruneBefore } from './snapshotWriter.js';

export interface CheckpointSchedulerOptions {
  readonly dir: string;
  readonly onCheckpoint?: (info: { seq: number; bytes: number; seconds: number }) => void;
  readonly onProblem?: (message: string) => void;
}

/**
 * Folds closed journal segments into snapshots, one worker-thread checkpoint at a time
 * (docs/storage.md, "Checkpoints"): requests while one runs raise the target and are served by
 * the next round; a failed checkpoint keeps the journal and is retried by a later request.
 */
export class CheckpointScheduler {
  private wanted = 0;
  private running: Promise<void> | null = null;

  constructor(
    private readonly options: CheckpointSchedulerOptions,
    /** The sequence the newest snapshot on disk holds. */
    public lastSnapshotSeq: number,
  ) {}

  /** Asks for a snapshot holding everything up to `uptoSeq` (journal segments closed to it). */
  request(uptoSeq: number): void {
    this.wanted = Math.max(this.wanted, uptoSeq);
    if (this.running || this.wanted <= this.lastSnapshotSeq) return;
    this.running = this.run().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no checkpoint is running. */
  async idle(): Promise<void> {
    await this.running;
  }

  private async run(): Promise<void> {
    while (this.wanted > this.lastSnapshotSeq) {
      const upto = this.wanted;
      const started = performance.now();
      const reply = await runCheckpointWorker({ dir: this.options.dir, uptoSeq: upto });
      if (!reply.ok) {
        // Nothing is lost: the journal stays until a later checkpoint succeeds.
        this.options.onProblem?.(
          `A snapshot could not be written; the journal is kept. ${reply.error}`,
        );
        return;
      }
      pruneBefore(this.options.dir, reply.seq);
      this.lastSnapshotSeq = reply.seq;
      this.options.onCheckpoint?.({
        seq: reply.seq,
        bytes: reply.bytes,
        seconds: (performance.now() - started) / 1000,
      });
    }
  }
}
