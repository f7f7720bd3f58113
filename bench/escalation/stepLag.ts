import type { Store } from '../../engine/store/store.js';
import { LatencyRecorder } from '../ingest/latency.js';
import type { OffsetClock } from './offsetClock.js';

/**
 * Watches durable commits for escalation steps (a `alertEscalation` change with a new last
 * step): the step's notifications entered the outbox in that same transaction, so the lag of a
 * step is the real time its commit became durable minus the real time its due time came.
 */
export class StepLag {
  private recorder = new LatencyRecorder();
  private readonly seen = new Map<string, number>();
  private firstAt = Number.POSITIVE_INFINITY;
  private lastAt = 0;
  private readonly stop: () => void;

  constructor(store: Store, clock: OffsetClock) {
    this.stop = store.onCommit((commit) => {
      const durableAt = Date.now();
      for (const change of commit.changes) {
        if (change.kind !== 'alertEscalation' || !change.value.last) continue;
        const { alertId, steps, last } = change.value;
        if ((this.seen.get(alertId) ?? 0) >= steps) continue; // a halt, not a step
        this.seen.set(alertId, steps);
        this.recorder.record(Math.max(0, durableAt - clock.realTimeOf(Date.parse(last.dueAt))));
        this.firstAt = Math.min(this.firstAt, durableAt);
        this.lastAt = Math.max(this.lastAt, durableAt);
      }
    });
  }

  /** Starts a new phase; answers the previous one's steps and span. */
  take() {
    const phase = {
      latency: this.recorder.summary(),
      steps: this.recorder.count,
      spanMs: this.recorder.count > 0 ? this.lastAt - this.firstAt : 0,
    };
    this.recorder = new LatencyRecorder();
    this.firstAt = Number.POSITIVE_INFINITY;
    this.lastAt = 0;
    return phase;
  }

  close(): void {
    this.stop();
  }
}

export type PhaseResult = ReturnType<StepLag['take']>;
