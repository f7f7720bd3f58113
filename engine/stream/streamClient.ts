import type { WebSocket } from 'ws';
import {
  CloseCode,
  HelloMessage,
  protocolOf,
  type ErrorMessage,
} from '../../shared/protocol/messages.js';
import type { Principal } from '../auth/authenticate.js';
import type { StreamEntry } from './history.js';

export interface StreamLimits {
  /** Past this many buffered bytes, deltas are coalesced per entity instead of sent. */
  readonly softLimitBytes: number;
  /** Past this many buffered plus coalesced bytes, the console is disconnected to resync. */
  readonly hardLimitBytes: number;
  /** A console that stays over the soft limit this long is disconnected too. */
  readonly stallMs: number;
  readonly helloTimeoutMs: number;
}

/** What a client asks of the hub. */
export interface StreamClientHost {
  readonly limits: StreamLimits;
  /** Answers a hello: resume from the history, or send a snapshot. */
  greet(client: StreamClient, hello: HelloMessage): void;
  detach(client: StreamClient, reason: string | null): void;
}

type Phase = 'hello' | 'syncing' | 'live' | 'closed';

/**
 * One console's connection. Sends deltas as they come while the socket keeps up; past the soft
 * buffer limit it keeps only the newest change per entity (every change carries the whole
 * entity, so that loses nothing a console needs) and sends them as one delta once the socket
 * drains; past the hard limit it disconnects, and the console resyncs. Ingest never waits here.
 */
export class StreamClient {
  private phase: Phase = 'hello';
  /** The last sequence sent: the next delta's `from`. */
  private lastSent = 0;
  private queued: StreamEntry[] = [];
  private queuedBytes = 0;
  private backlog: Map<string, string> | null = null;
  private backlogSeq = 0;
  private backlogBytes = 0;
  private backlogSince = 0;
  private drainTimer: NodeJS.Timeout | null = null;
  private readonly helloTimer: NodeJS.Timeout;
  lastSentAt = Date.now();
  alive = true;

  constructor(
    readonly ws: WebSocket,
    readonly principal: Principal,
    private readonly host: StreamClientHost,
  ) {
    this.helloTimer = setTimeout(
      () =>
        this.fail(
          CloseCode.helloTimeout,
          'hello_timeout',
          'No hello arrived within the time allowed.',
        ),
      host.limits.helloTimeoutMs,
    );
    ws.on('message', (data, isBinary) => this.onMessage(data.toString(), isBinary));
    ws.on('pong', () => (this.alive = true));
    ws.on('close', () => this.closed(null));
    ws.on('error', () => this.closed(null));
  }

  get isLive(): boolean {
    return this.phase === 'live';
  }

  /** Said hello and not closed: messages outside the sequence (notifications) may go out. */
  get greeted(): boolean {
    return this.phase === 'syncing' || this.phase === 'live';
  }

  get isCoalescing(): boolean {
    return this.backlog !== null;
  }

  get seq(): number {
    return this.lastSent;
  }

  /** The hub is preparing a snapshot or resume: hold deltas until {@link goLive}. */
  startSync(): void {
    this.phase = 'syncing';
  }

  /**
   * Sends one whole message now (snapshot parts, resumed), bypassing coalescing: a string, or
   * its UTF-8 bytes (sent as a text frame all the same).
   */
  sendRaw(text: string | Buffer): void {
    if (this.phase === 'closed') return;
    this.ws.send(text, { binary: false });
    this.lastSentAt = Date.now();
  }

  /** The console has everything up to `seq`; send what queued after it, and go on live. */
  goLive(seq: number): void {
    if (this.phase === 'closed') return;
    this.lastSent = seq;
    this.phase = 'live';
    const queued = this.queued;
    this.queued = [];
    this.queuedBytes = 0;
    this.deliver(queued);
  }

  deliver(entries: readonly StreamEntry[]): void {
    // Before the hello nothing is owed: the answer to it (a snapshot read later, or the history
    // after the console's `resume.seq`) holds these entries already. Queuing them here would let
    // goLive() send them first and move `lastSent` past the older entries a resume still owes.
    if (this.phase === 'closed' || this.phase === 'hello' || entries.length === 0) return;
    if (this.phase !== 'live') {
      this.queued.push(...entries);
      this.queuedBytes += entries.reduce((n, e) => n + e.bytes, 0);
      if (this.queuedBytes > this.host.limits.hardLimitBytes) {
        this.fail(
          CloseCode.slowConsumer,
          'slow_consumer',
          'Too much changed while the snapshot was sent; reconnect to resync.',
        );
      }
      return;
    }
    const fresh = entries.filter((e) => e.seq > this.lastSent && e.seq > this.backlogSeq);
    if (fresh.length === 0) return;
    const bytes = fresh.reduce((n, e) => n + e.bytes, 0);
    // A large batch of commits (a long resume, a burst) is coalesced too: as one frame it could
    // be megabytes of changes to the same few entities.
    const soft = this.host.limits.softLimitBytes;
    if (this.backlog || this.ws.bufferedAmount > soft || (fresh.length > 1 && bytes > soft)) {
      this.coalesce(fresh);
      return;
    }
    const parts = fresh.length === 1 ? fresh[0]!.parts : fresh.flatMap((e) => e.parts);
    this.sendDelta(fresh.at(-1)!.seq, parts);
  }

  sendHeartbeat(): void {
    if (this.phase !== 'live' || this.backlog) return;
    this.sendRaw(
      `{"type":"heartbeat","seq":${this.lastSent},"serverTime":"${new Date().toISOString()}"}`,
    );
  }

  /** Tells the console why, then closes. */
  fail(code: number, reason: ErrorMessage['code'], message: string): void {
    if (this.phase === 'closed') return;
    try {
      this.ws.send(JSON.stringify({ type: 'error', code: reason, message } satisfies ErrorMessage));
    } catch {
      // the socket is gone already
    }
    this.ws.close(code, reason);
    this.closed(reason);
  }

  private sendDelta(seq: number, parts: readonly string[]): void {
    this.sendRaw(
      `{"type":"delta","from":${this.lastSent},"seq":${seq},"changes":[${parts.join(',')}]}`,
    );
    this.lastSent = seq;
  }

  private coalesce(entries: readonly StreamEntry[]): void {
    if (!this.backlog) {
      this.backlog = new Map();
      this.backlogSince = Date.now();
      this.drainTimer = setInterval(() => this.drain(), 25);
    }
    for (const entry of entries) {
      entry.parts.forEach((part, i) => {
        const key = entry.keys[i]!;
        const previous = this.backlog!.get(key);
        if (previous !== undefined) this.backlog!.delete(key); // re-insert: order of last change
        this.backlog!.set(key, part);
        this.backlogBytes += part.length - (previous?.length ?? 0);
      });
      this.backlogSeq = entry.seq;
    }
    if (this.backlogBytes + this.ws.bufferedAmount > this.host.limits.hardLimitBytes) {
      this.fail(
        CloseCode.slowConsumer,
        'slow_consumer',
        'The console fell too far behind; reconnect to resync.',
      );
    }
  }

  private drain(): void {
    if (!this.backlog) return;
    if (this.ws.bufferedAmount <= this.host.limits.softLimitBytes / 2) {
      const parts = [...this.backlog.values()];
      const seq = this.backlogSeq;
      this.stopCoalescing();
      this.sendDelta(seq, parts);
    } else if (Date.now() - this.backlogSince > this.host.limits.stallMs) {
      this.fail(
        CloseCode.slowConsumer,
        'slow_consumer',
        'The console stopped reading; reconnect to resync.',
      );
    }
  }

  private stopCoalescing(): void {
    if (this.drainTimer) clearInterval(this.drainTimer);
    this.drainTimer = null;
    this.backlog = null;
    this.backlogBytes = 0;
  }

  private onMessage(text: string, isBinary: boolean): void {
    if (this.phase !== 'hello') {
      this.fail(
        CloseCode.protocolError,
        'protocol_error',
        'Only one hello is expected; the stream is one-way after it.',
      );
      return;
    }
    // The version of the subprotocol the engine selected: the hello must name it (or 1).
    const protocol = protocolOf(this.ws.protocol);
    let hello: HelloMessage;
    try {
      if (isBinary) throw new Error('binary frame');
      hello = HelloMessage.parse(JSON.parse(text));
      if (hello.protocol > protocol) throw new Error('a version the engine did not select');
    } catch {
      this.fail(
        CloseCode.protocolError,
        'protocol_error',
        `The first message must be {"type":"hello","protocol":${protocol}} (with "resume" to resume).`,
      );
      return;
    }
    this.hello(hello);
  }

  /** The console said its hello in the URL (protocol 2): no hello message may follow. */
  helloFromUrl(hello: HelloMessage): void {
    if (this.phase === 'hello') this.hello(hello);
  }

  private hello(hello: HelloMessage): void {
    clearTimeout(this.helloTimer);
    this.host.greet(this, hello);
  }

  private closed(reason: string | null): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    clearTimeout(this.helloTimer);
    this.stopCoalescing();
    this.queued = [];
    this.host.detach(this, reason);
  }
}
