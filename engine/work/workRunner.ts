import type { Clock } from '../clock.js';
import type { DueWork } from '../store/repositories/dueWork.js';
import type { Store, WriteTx } from '../store/store.js';

/**
 * Does one piece of due work inside the transaction that also marks it done: its effects and
 * its completion commit together, so work is never half-done and never done twice. A handler
 * does no I/O of its own (outbound messages go to an outbox, see docs/storage.md).
 */
export type WorkHandler = (tx: WriteTx, work: DueWork, now: number) => Promise<void>;

export interface WorkRunnerOptions {
  readonly store: Store;
  readonly clock: Clock;
  /** Reports handlers that failed (they are retried with backoff, then given up on). */
  readonly onProblem: (message: string) => void;
  /** Due work → done, per kind, in seconds (metrics). */
  readonly onDone?: (kind: string, lagSeconds: number) => void;
  /** Runs of a failing handler before its work is given up on. Default 5. */
  readonly maxAttempts?: number;
  /** Items done before yielding to the event loop (HTTP keeps being served). Default 200. */
  readonly batch?: number;
}

/** Longest sleep between checks: guards against clock changes and lost wake-ups. */
const maxSleepMs = 60_000;
/** Done work whose transaction is not durable yet, at most (then the runner waits for some). */
const maxUndurable = 256;
/** Finished work is kept this long (for timelines and inspection), then pruned hourly. */
const keepFinishedMs = 7 * 24 * 3600_000;
const pruneEveryMs = 3600_000;

/**
 * Runs due work as time passes: sleeps until the earliest due time, wakes early when a
 * transaction schedules something sooner (`Store.onWorkScheduled`) or a manual clock jumps,
 * and after a restart runs everything overdue at once, oldest first.
 */
export class WorkRunner {
  private readonly handlers = new Map<string, WorkHandler>();
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Number.POSITIVE_INFINITY;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private readonly unsubscribe: Array<() => void> = [];
  private lastPrune = 0;

  constructor(private readonly options: WorkRunnerOptions) {}

  /** Registers the handler of a kind of work; before {@link start}. */
  register(kind: string, handler: WorkHandler): void {
    if (this.handlers.has(kind)) throw new Error(`a handler for ${kind} is registered already`);
    this.handlers.set(kind, handler);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe.push(this.options.store.onWorkScheduled((dueAt) => this.wakeAt(dueAt)));
    const jump = this.options.clock.onJump?.(() => this.kick());
    if (jump) this.unsubscribe.push(jump);
    this.kick();
  }

  /** Stops taking new work; resolves when the run under way is finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const off of this.unsubscribe.splice(0)) off();
    this.clearTimer();
    await this.running;
  }

  /** Resolves once nothing is due at the clock's current time and no run is under way (tests). */
  async idle(): Promise<void> {
    for (;;) {
      await this.running;
      const next = await this.options.store.read((tx) => tx.dueWork.nextDueAt());
      if (this.running) continue;
      if (next === null || next > this.options.clock.now() || this.stopped) return;
      this.kick();
    }
  }

  /** Looks for due work now. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.clearTimer();
    this.running = this.drain()
      .catch((error: unknown) => this.options.onProblem(`Due work could not run: ${String(error)}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        } else {
          void this.sleep();
        }
      });
  }

  private wakeAt(dueAt: number): void {
    if (this.stopped) return;
    if (dueAt <= this.options.clock.now()) this.kick();
    else if (dueAt < this.timerAt && !this.running) this.arm(dueAt);
    else if (this.running) this.again = true;
  }

  private async drain(): Promise<void> {
    const batch = this.options.batch ?? 200;
    const undurable = new Set<Promise<void>>();
    try {
      for (;;) {
        for (let i = 0; i < batch; i += 1) {
          if (this.stopped) return;
          const done = await this.runOne(undurable);
          if (!done) return;
          if (undurable.size >= maxUndurable) await Promise.race(undurable);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      // A run is over once what it did is durable: idle() and stop() see it on disk.
      await Promise.all(undurable);
    }
  }

  /**
   * Runs the oldest due work, if any; false when nothing is due. Returns once its transaction
   * has run, without waiting for it to be durable: the store queues the next transaction after
   * this one's commit and makes transactions durable in commit order, so the next item can be
   * claimed at once and many share one fdatasync (group commit). Whatever waits for an item's
   * effects (a sender claiming its outbox entry) waits for a later transaction to be durable,
   * and so for this one. `undurable` tracks the durability still awaited.
   */
  private async runOne(undurable: Set<Promise<void>>): Promise<boolean> {
    const { store, clock } = this.options;
    let ran: DueWork | null | undefined;
    let failed: { work: DueWork; error: unknown } | null = null;
    let txDone!: () => void;
    const finished = new Promise<void>((resolve) => (txDone = resolve));
    const write = store.write(async (tx) => {
      try {
        const now = clock.now();
        const next = await tx.dueWork.claimNext(now);
        if (!next) return (ran = null);
        const handler = this.handlers.get(next.kind);
        if (!handler) {
          await tx.dueWork.fail(next.id, `no handler for work of kind ${next.kind}`, now);
          return (ran = next);
        }
        try {
          await handler(tx, next, now);
        } catch (error) {
          failed = { work: next, error };
          throw error;
        }
        await tx.dueWork.complete(next.id, now);
        return (ran = next);
      } finally {
        txDone();
      }
    });
    const durable = write.then(
      () => undefined,
      (error: unknown) => {
        if (!failed) throw error; // the store itself failed
      },
    );
    await Promise.race([finished, durable]);
    if (failed || ran === undefined) {
      await durable; // a rollback, or the store refused: settled without a flush
      if (failed) await this.recordFailure(failed);
      return failed !== null;
    }
    const work = ran;
    if (work === null) {
      durable.catch(() => undefined); // nothing was written
      return false;
    }
    const done: Promise<void> = durable
      .then(
        () => this.options.onDone?.(work.kind, Math.max(0, clock.now() - work.dueAt) / 1000),
        (error: unknown) =>
          this.options.onProblem(
            `${work.kind} for ${work.subject} was not saved: ${String(error)}`,
          ),
      )
      .finally(() => undurable.delete(done));
    undurable.add(done);
    return true;
  }

  private async recordFailure({ work, error }: { work: DueWork; error: unknown }): Promise<void> {
    const { store, clock, onProblem } = this.options;
    const message = error instanceof Error ? error.message : String(error);
    const attempts = work.attempts + 1;
    const giveUp = attempts >= (this.options.maxAttempts ?? 5);
    onProblem(
      `${work.kind} for ${work.subject} failed (attempt ${attempts}): ${message}` +
        (giveUp ? ' — giving up on it.' : ' — will retry.'),
    );
    await store.write(async (tx) => {
      const now = clock.now();
      if (giveUp) await tx.dueWork.fail(work.id, message, now);
      else await tx.dueWork.retry(work.id, now + Math.min(60_000, 1000 * 2 ** attempts), message);
    });
  }

  private async sleep(): Promise<void> {
    if (this.stopped) return;
    await this.pruneNowAndThen();
    const next = await this.options.store.read((tx) => tx.dueWork.nextDueAt()).catch(() => null);
    if (this.stopped || this.running) return;
    this.arm(next ?? this.options.clock.now() + maxSleepMs);
  }

  private async pruneNowAndThen(): Promise<void> {
    const now = this.options.clock.now();
    if (now - this.lastPrune < pruneEveryMs) return;
    this.lastPrune = now;
    await this.options.store
      .write((tx) => tx.dueWork.prune(now - keepFinishedMs))
      .catch((error: unknown) =>
        this.options.onProblem(`Pruning finished work failed: ${String(error)}`),
      );
  }

  private arm(at: number): void {
    this.clearTimer();
    this.timerAt = at;
    const delay = Math.min(maxSleepMs, Math.max(0, at - this.options.clock.now()));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Number.POSITIVE_INFINITY;
      this.kick();
    }, delay);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Number.POSITIVE_INFINITY;
  }
}
