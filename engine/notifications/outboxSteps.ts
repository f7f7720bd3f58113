import type { OutboxEntry } from '../store/repositories/outbox.js';
import type { WriteTx } from '../store/store.js';
import type { DeliveryResult } from './delivery.js';
import { retryDelay, type RetryPolicy } from './retryPolicy.js';

/** An outcome as recorded: `retrying` says when the next send is. */
export type RecordedOutcome =
  | { readonly state: 'delivered' | 'skipped'; readonly detail: string }
  | { readonly state: 'retrying'; readonly detail: string; readonly retryAt: number }
  | { readonly state: 'failed'; readonly detail: string; readonly gaveUp: boolean };

/** What the two transactions around a send need to know. */
export interface OutboxStepRules {
  /** Whose leases these are. */
  readonly owner: string;
  readonly policy: RetryPolicy;
  /** [0, 1): the jitter of retry delays. */
  readonly random: () => number;
  /** Why an entry must not go out now (the alert is no longer pending …), or null. */
  readonly reasonToSkip: (tx: WriteTx, entry: OutboxEntry, now: number) => Promise<string | null>;
  /** Records an outcome elsewhere (the alert's log), in the transaction that records it. */
  readonly onOutcome: (
    tx: WriteTx,
    entry: OutboxEntry,
    outcome: RecordedOutcome,
    now: number,
  ) => Promise<void>;
}

export interface ClaimedBatch {
  /** Leased to the owner: send these. */
  readonly toSend: OutboxEntry[];
  /** Claimed and ended at once (skipped, or interrupted too often). */
  readonly ended: Array<{ readonly entry: OutboxEntry; readonly outcome: RecordedOutcome }>;
}

/**
 * The claiming transaction: leases up to `limit` sendable entries until `leaseUntil` (each
 * claim counts as an attempt) and ends at once those that must not go out any more.
 */
export async function claimBatch(
  tx: WriteTx,
  rules: OutboxStepRules,
  now: number,
  leaseUntil: number,
  limit: number,
): Promise<ClaimedBatch> {
  const claimed = await tx.outbox.claim(now, rules.owner, leaseUntil, limit);
  const batch: ClaimedBatch = { toSend: [], ended: [] };
  for (const entry of claimed) {
    // Claims count as attempts, so an entry whose sends keep crashing the engine ends too.
    const interrupted = entry.attempts > rules.policy.maxAttempts;
    const reason = interrupted
      ? `interrupted ${entry.attempts - 1} times (the engine stopped while sending)`
      : await rules.reasonToSkip(tx, entry, now);
    if (reason === null) {
      batch.toSend.push(entry);
      continue;
    }
    const outcome: RecordedOutcome = interrupted
      ? { state: 'failed', detail: reason, gaveUp: true }
      : { state: 'skipped', detail: reason };
    await tx.outbox.finish(entry.id, rules.owner, interrupted ? 'failed' : 'skipped', now, reason);
    await rules.onOutcome(tx, entry, outcome, now);
    batch.ended.push({ entry, outcome });
  }
  return batch;
}

/**
 * The recording transaction: ends the entry or sets its next attempt, if the lease is still the
 * owner's; null when it is not (the lease ran out and another sender took it: theirs to record).
 */
export async function recordResult(
  tx: WriteTx,
  rules: OutboxStepRules,
  entry: OutboxEntry,
  result: DeliveryResult,
  now: number,
): Promise<RecordedOutcome | null> {
  const { owner, policy } = rules;
  let recorded: RecordedOutcome;
  let mine: boolean;
  if (result.outcome !== 'failed') {
    recorded = { state: result.outcome, detail: result.detail };
    mine = await tx.outbox.finish(entry.id, owner, result.outcome, now, result.detail);
  } else if (!result.retry || entry.attempts >= policy.maxAttempts) {
    recorded = { state: 'failed', detail: result.detail, gaveUp: result.retry };
    mine = await tx.outbox.finish(entry.id, owner, 'failed', now, result.detail);
  } else {
    const delay = retryDelay(policy, entry.attempts, rules.random, result.retryAfterMs ?? null);
    recorded = { state: 'retrying', detail: result.detail, retryAt: now + delay };
    mine = await tx.outbox.retryLater(entry.id, owner, now + delay, result.detail);
  }
  if (!mine) return null;
  await rules.onOutcome(tx, entry, recorded, now);
  return recorded;
}
