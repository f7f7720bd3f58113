import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import {
  CloseCode,
  type HelloMessage,
  type NotificationMessage,
  protocolOf,
  type ProtocolVersion,
} from '../../shared/protocol/messages.js';
import type { Principal } from '../auth/authenticate.js';
import type { EngineMetrics } from '../metrics/engineMetrics.js';
import type { Commit, Store } from '../store/store.js';
import { StreamHistory, toEntry, type StreamEntry } from './history.js';
import { LiveView } from './liveView.js';
import { readLiveViewSeed } from './liveViewSeed.js';
import { freezeSnapshot, type FrozenSnapshot } from './snapshotParts.js';
import { StreamClient, type StreamClientHost, type StreamLimits } from './streamClient.js';

export interface StreamHubOptions extends StreamLimits {
  readonly historyEntries: number;
  readonly historyBytes: number;
  readonly heartbeatMs: number;
  /** Alerts per snapshot message. */
  readonly snapshotPartAlerts: number;
  /** How many resolved alerts a snapshot carries besides the open ones. */
  readonly snapshotResolved: number;
}

export const defaultStreamOptions: StreamHubOptions = {
  softLimitBytes: 1024 * 1024,
  hardLimitBytes: 32 * 1024 * 1024,
  stallMs: 30_000,
  helloTimeoutMs: 10_000,
  historyEntries: 20_000,
  historyBytes: 32 * 1024 * 1024,
  heartbeatMs: 15_000,
  snapshotPartAlerts: 2_000,
  snapshotResolved: 200,
};

/**
 * The console stream: turns durable commits into sequenced deltas for every connected console,
 * keeps a history for resumes, builds snapshots, and sends heartbeats (docs/protocol.md).
 * Commits that become durable together go out as one delta per console.
 */
export class StreamHub implements StreamClientHost {
  /** Names this run of the engine: sequence numbers only compare within one stream. */
  readonly streamId = randomUUID();
  private readonly clients = new Set<StreamClient>();
  private readonly history: StreamHistory;
  private pending: StreamEntry[] = [];
  private flushScheduled = false;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  /** What snapshots show, kept from the commits (./liveView.ts); read at the first snapshot. */
  private view: LiveView | null = null;
  private viewLoading: Promise<LiveView> | null = null;
  /** Commits that became durable while the view was being read. */
  private heldCommits: Array<{
    seq: number;
    changes: Commit['changes'];
    parts: readonly string[];
  }> | null = null;

  constructor(
    private readonly store: Store,
    private readonly metrics: EngineMetrics,
    readonly options: StreamHubOptions = defaultStreamOptions,
  ) {
    this.history = new StreamHistory(
      store.health().durableSeq,
      options.historyEntries,
      options.historyBytes,
    );
    this.unsubscribe = store.onCommit((commit) => this.onCommit(commit));
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs);
    this.heartbeat.unref();
  }

  get limits(): StreamLimits {
    return this.options;
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /**
   * A console connected. `helloInUrl`: it said its hello in the URL (`?hello=snapshot`), which
   * protocol 2 honours: the snapshot goes out now.
   */
  attach(ws: WebSocket, principal: Principal, helloInUrl = false): void {
    const client = new StreamClient(ws, principal, this);
    this.clients.add(client);
    this.metrics.streamClients.set(this.clients.size);
    if (helloInUrl && protocolOf(ws.protocol) === 2)
      client.helloFromUrl({ type: 'hello', protocol: 2 });
  }

  detach(client: StreamClient, reason: string | null): void {
    if (!this.clients.delete(client)) return;
    this.metrics.streamClients.set(this.clients.size);
    if (reason) this.metrics.streamDisconnects.inc({ reason });
  }

  greet(client: StreamClient, hello: HelloMessage): void {
    client.startSync();
    const resume = hello.resume;
    if (resume && resume.streamId === this.streamId) {
      const missed = this.history.since(resume.seq);
      if (missed && resume.seq <= this.store.health().durableSeq) {
        client.sendRaw(
          JSON.stringify({ type: 'resumed', streamId: this.streamId, seq: resume.seq }),
        );
        client.goLive(resume.seq);
        client.deliver(missed);
        return;
      }
    }
    void this.sendSnapshot(client, hello.protocol);
  }

  /** Closes every connection (engine shutdown) and stops. */
  close(): void {
    clearInterval(this.heartbeat);
    this.unsubscribe();
    for (const client of this.clients) {
      client.ws.close(CloseCode.goingAway, 'engine shutting down');
      // A console that stopped reading would hold its socket until ws's 30 s close timeout.
      setTimeout(() => client.ws.terminate(), 1000).unref();
    }
    this.clients.clear();
  }

  /** Closes the connections of a token (revoked). */
  disconnectToken(tokenId: number): void {
    for (const client of this.clients) {
      if (client.principal.tokenId === tokenId)
        client.fail(CloseCode.unauthorized, 'unauthorized', 'The API token was revoked.');
    }
  }

  /**
   * Sends a notification to every console signed in as `userId` that has said hello (any of the
   * user's tokens); returns how many. Outside the sequence: no history, no resume.
   */
  notifyUser(userId: number, message: NotificationMessage): number {
    const text = JSON.stringify(message);
    let sent = 0;
    for (const client of this.clients) {
      if (client.principal.user.id !== userId || !client.greeted) continue;
      client.sendRaw(text);
      sent += 1;
    }
    return sent;
  }

  private onCommit(commit: Commit): void {
    const entry = toEntry(commit.seq, commit.changes);
    if (this.view) this.view.apply(commit.seq, commit.changes, entry.parts);
    else this.heldCommits?.push({ seq: commit.seq, changes: commit.changes, parts: entry.parts });
    this.history.add(entry);
    this.pending.push(entry);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // Every commit of one group commit arrives in the same turn: send them as one delta.
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    const entries = this.pending;
    this.pending = [];
    for (const client of this.clients) client.deliver(entries);
  }

  private async sendSnapshot(client: StreamClient, protocol: ProtocolVersion): Promise<void> {
    let snapshot: FrozenSnapshot;
    try {
      snapshot = freezeSnapshot(
        await this.liveView(),
        this.streamId,
        this.options.snapshotPartAlerts,
        protocol,
      );
    } catch (error) {
      client.fail(
        1011,
        'store_unavailable',
        `The snapshot could not be read: ${(error as Error).message}`,
      );
      return;
    }
    for (let part = 0; part < snapshot.parts; part += 1) {
      client.sendRaw(snapshot.message(part));
      // Let ingest run between parts of a large snapshot.
      if (part < snapshot.parts - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    client.goLive(snapshot.seq);
  }

  /**
   * The live view, read from the store the first time (and again after a failed read); commits
   * that become durable meanwhile are held and applied once it is there.
   */
  private liveView(): Promise<LiveView> {
    if (this.view) return Promise.resolve(this.view);
    this.viewLoading ??= (async () => {
      this.heldCommits = [];
      try {
        const view = new LiveView(
          await readLiveViewSeed(this.store, this.options.snapshotResolved),
          this.options.snapshotResolved,
        );
        for (const held of this.heldCommits) view.apply(held.seq, held.changes, held.parts);
        this.view = view;
        return view;
      } finally {
        this.heldCommits = null;
        this.viewLoading = null;
      }
    })();
    return this.viewLoading;
  }

  private beat(): void {
    const quietSince = Date.now() - this.options.heartbeatMs;
    for (const client of this.clients) {
      if (!client.alive) {
        this.metrics.streamDisconnects.inc({ reason: 'unresponsive' });
        client.ws.terminate();
        continue;
      }
      client.alive = false;
      client.ws.ping();
      if (client.lastSentAt <= quietSince) client.sendHeartbeat();
    }
  }
}
