import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';
import type { Principal } from './authenticate.js';

/** How stale a token's `lastUsedAt` may get: at most one write per token this often. */
export const tokenUsageResolutionMs = 60_000;

/**
 * Records when tokens were last used, so people can spot and revoke forgotten ones. Writing on
 * every request would turn every read into a durable write; this writes at most once a minute
 * per token, without making the request wait for it. The write is queued before the request
 * reads anything else, so later requests see it.
 */
export class TokenUsage {
  /** Last time written (or being written), by token id. */
  private readonly written = new Map<number, number>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly resolutionMs = tokenUsageResolutionMs,
  ) {}

  note(principal: Principal): void {
    const id = principal.tokenId;
    const now = this.clock.now();
    const last = Math.max(
      principal.token.lastUsedAt ?? -Infinity,
      this.written.get(id) ?? -Infinity,
    );
    if (now - last < this.resolutionMs) return;
    this.written.set(id, now);
    // Losing one mark (shutdown, a failed disk) costs nothing; the next use writes it again.
    this.store.write((tx) => tx.apiTokens.markUsed(id, now)).catch(() => this.written.delete(id));
  }
}
