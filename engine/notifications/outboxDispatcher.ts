import { randomUUID } from 'node:crypto';
import type { NotificationChannel } from '../../shared/api/notificationRules.js';
import type { Clock } from '../clock.js';
import type { OutboxEntry } from '../store/repositories/outbox.js';
import type { Store } from '../store/store.js';
import type { Channel, DeliveryResult } from './delivery.js';
import type { NotificationMetrics } from './notificationMetrics.js';
import {
  claimBatch,
  recordResult,
  type OutboxStepRules,
  type RecordedOutcome,
} from './outboxSteps.js';
import { WakeTimer } from './wakeTimer.js';

export interface OutboxDispatcherOptions extends Omit<OutboxStepRules, 'owner'> {
  readonly store: Store;
  readonly clock: Clock;
  readonly channels: ReadonlyMap<NotificationChannel, Channel>;
  /** How long a claimed entry stays leased: longer than any send can take. */
  readonly leaseMs: number;
  /** Sends under way at once. */
  readonly concurrency: number;
  /**
   * The store has a single writer (the embedded one holds the data directory's lock), so leases
   * found at start belong to a process that died mid-send: send those again at once instead of
   * waiting for the lease to run out.
   */
  readonly reclaimLeasesOnStart: boolean;
  readonly metrics: NotificationMetrics;
  readonly onProblem: (message: string) => void;
}

/** Longest sleep between looks: guards against lost wake-ups and clock changes. */
const maxSleepMs = 60_000;
/** Finished entries are kept two weeks (GET …/notifications shows them), pruned hourly. */
const keepFinishedMs = 14 * 24 * 3600_000;
const pruneEveryMs = 3600_000;

/**
 * Sends what the outbox holds (docs/notifications.md, "The outbox"). Delivery is I/O, so it is
 * never inside a transaction: an entry is claimed (leased, counted as an attempt, checked that
 * it should still go out) in one transaction, sent outside any, and its outcome recorded in
 * another — only if the lease is still ours. A crash between claim and record leaves the lease,
 * and the entry is sent again after a restart: at least once, with the same idempotency key.
 */
export class OutboxDispatcher {
  /** Names this dispatcher's leases. */
  readonly owner = randomUUID();
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly abort = new AbortController();
  private pumping: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private readonly timer: WakeTimer;
  private readonly unsubscribe: Array<() => void> = [];
  private lastPrune = 0;
  private readonly rules: OutboxStepRules;

  constructor(private readonly options: OutboxDispatcherOptions) {
    this.rules = { ...options, owner: this.owner };
    this.timer = new WakeTimer(
      () => options.clock.now(),
      () => this.kick(),
      maxSleepMs,
    );
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    const { store, clock } = this.options;
    if (this.options.reclaimLeasesOnStart) {
      await store.write((tx) => tx.outbox.releaseLeases(clock.now()));
    }
    this.unsubscribe.push(store.onWorkScheduled((at) => this.wakeAt(at)));
    const jump = clock.onJump?.(() => this.kick());
    if (jump) this.unsubscribe.push(jump);
    this.kick();
  }

  /**
   * Stops claiming, aborts the sends under way and returns once they let go. Their leases stay:
   * the next start sends them again (the receiver may or may not have got them).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const off of this.unsubscribe.splice(0)) off();
    this.timer.clear();
    this.abort.abort();
    await this.pumping;
    await Promise.all(this.inFlight.values());
  }

  /** Resolves once nothing is sendable at the clock's time and nothing is being sent (tests). */
  async idle(): Promise<void> {
    for (;;) {
      await this.pumping;
      await Promise.all(this.inFlight.values());
      const next = await this.options.store.read((tx) => tx.outbox.nextWakeAt());
      if (this.pumping || this.inFlight.size > 0) continue;
      if (this.stopped || next === null || next > this.options.clock.now()) return;
      this.kick();
    }
  }

  /** Looks for sendable entries now. */
  kick(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.timer.clear();
    this.pumping = this.pump()
      .catch((error: unknown) =>
        this.options.onProblem(`The outbox could not be read: ${String(error)}`),
      )
      .finally(() => {
        this.pumping = null;
        if (this.again) {
          this.again = false;
          this.kick();
        } else {
          void this.sleep();
        }
      });
  }

  private wakeAt(at: number): void {
    if (this.stopped) return;
    if (at <= this.options.clock.now()) this.kick();
    else if (this.pumping) this.again = true;
    else if (at < this.timer.armedAt) this.timer.arm(at);
  }

  /** Claims as many entries as there are free slots, and starts sending them. */
  private async pump(): Promise<void> {
    for (;;) {
      const free = this.options.concurrency - this.inFlight.size;
      if (free <= 0 || this.stopped) return;
      const entries = await this.claim(free);
      if (entries.length === 0) return;
      for (const entry of entries) {
        // Our own send outlived its lease (a test clock jumped): it records the outcome itself.
        if (this.inFlight.has(entry.id)) continue;
        const sending = this.deliver(entry).finally(() => {
          this.inFlight.delete(entry.id);
          this.kick();
        });
        this.inFlight.set(entry.id, sending);
      }
    }
  }

  private async claim(limit: number): Promise<OutboxEntry[]> {
    const { store, clock, leaseMs } = this.options;
    const batch = await store.write((tx) => {
      const now = clock.now();
      return claimBatch(tx, this.rules, now, now + leaseMs, limit);
    });
    for (const { entry, outcome } of batch.ended) this.count(entry, outcome);
    return batch.toSend;
  }

  private async deliver(entry: OutboxEntry): Promise<void> {
    const channel = this.options.channels.get(entry.channel);
    let result: DeliveryResult;
    try {
      result = channel
        ? await channel.send(entry, this.abort.signal)
        : { outcome: 'failed', detail: `no ${entry.channel} channel`, retry: false };
    } catch (error) {
      result = { outcome: 'failed', detail: String(error), retry: true };
    }
    // Stopping: whether it went out is unknown; the lease makes the next start send it again.
    if (this.abort.signal.aborted) return;
    try {
      await this.record(entry, result);
    } catch (error) {
      this.options.onProblem(
        `The outcome of notification ${entry.id} could not be recorded (${String(error)}); it will be sent again when its lease ends.`,
      );
    }
  }

  private async record(entry: OutboxEntry, result: DeliveryResult): Promise<void> {
    const { store, clock } = this.options;
    const recorded = await store.write(async (tx) => {
      const now = clock.now();
      const outcome = await recordResult(tx, this.rules, entry, result, now);
      return outcome && { outcome, now };
    });
    if (!recorded) return;
    this.count(entry, recorded.outcome);
    if (recorded.outcome.state === 'delivered') {
      this.options.metrics.delivered(entry.channel, (recorded.now - entry.dueAt) / 1000);
    }
  }

  private count(entry: OutboxEntry, outcome: RecordedOutcome): void {
    this.options.metrics.count(entry.channel, outcome.state);
  }

  private async sleep(): Promise<void> {
    if (this.stopped) return;
    await this.pruneNowAndThen();
    const next = await this.options.store.read((tx) => tx.outbox.nextWakeAt()).catch(() => null);
    if (this.stopped || this.pumping) return;
    this.timer.arm(next ?? this.options.clock.now() + maxSleepMs);
  }

  private async pruneNowAndThen(): Promise<void> {
    const now = this.options.clock.now();
    if (now - this.lastPrune < pruneEveryMs) return;
    this.lastPrune = now;
    await this.options.store
      .write((tx) => tx.outbox.prune(now - keepFinishedMs))
      .catch((error: unknown) =>
        this.options.onProblem(`Pruning sent notifications failed: ${String(error)}`),
      );
  }
}
