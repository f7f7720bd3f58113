import { CloseCode, protocolOf } from '../protocol/messages.js';
import { backoffDelay, defaultBackoff, type BackoffSettings } from './backoff.js';
import { systemScheduler, type Scheduler, type TimerHandle } from './scheduler.js';
import { StreamCursor, type StreamPosition } from './streamCursor.js';
import type { SyncClient, SyncClientOptions } from './syncClient.js';
import { StatusTracker } from './statusTracker.js';
import type { SyncError, SyncStatus } from './syncStatus.js';
import type { CloseInfo, SyncSocket } from './transport.js';

/** The engine sends a heartbeat after 15 s of quiet, checked every 15 s: up to ~30 s of silence. */
export const defaultHeartbeatTimeoutMs = 2.5 * 15_000;
export const defaultConnectTimeoutMs = 15_000;

/**
 * The sync client's connection lifecycle: one socket at a time, hello, watchdogs (connect
 * timeout, heartbeat timeout), reconnects with backoff, and the status the host shows. What the
 * frames mean is {@link StreamCursor}'s business.
 */
export class StreamSync implements SyncClient {
  private readonly scheduler: Scheduler;
  private readonly backoff: BackoffSettings;
  private readonly random: () => number;
  private readonly cursor = new StreamCursor();
  private readonly tracker: StatusTracker;
  private hasData = false;
  /** Names the current socket: events of an earlier one are ignored. */
  private generation = 0;
  private socket: SyncSocket | null = null;
  private opened = false;
  private engineError: SyncError | null = null;
  /** Failed attempts since the last stable connection: the backoff exponent. */
  private attempt = 0;
  /** Consecutive attempts that never opened (a refused upgrade looks like this in browsers). */
  private unopened = 0;
  private checkingToken = false;
  /** The retry fell due during a token check: it waits for the check's answer. */
  private waitingForCheck = false;
  private liveSince = 0;
  private retryTimer: TimerHandle | null = null;
  private watchdog: TimerHandle | null = null;

  constructor(private readonly options: SyncClientOptions) {
    this.scheduler = options.scheduler ?? systemScheduler();
    this.backoff = { ...defaultBackoff, ...options.backoff };
    this.random = options.random ?? Math.random;
    this.tracker = new StatusTracker(
      () => this.scheduler.now(),
      (status) => options.listener.onStatus(status),
    );
  }

  get status(): SyncStatus {
    return this.tracker.status;
  }

  get position(): StreamPosition | null {
    return this.cursor.position;
  }

  start(): void {
    if (this.tracker.status.status !== 'stopped') return;
    this.open();
  }

  stop(): void {
    if (this.tracker.status.status === 'stopped') return;
    this.leave('stopped');
    this.tracker.set('stopped');
  }

  reconnect(): void {
    this.leave();
    this.attempt = 0;
    this.unopened = 0;
    this.open();
  }

  private open(): void {
    const generation = ++this.generation;
    const mine = () => generation === this.generation;
    this.opened = false;
    this.engineError = null;
    this.arm(this.options.connectTimeoutMs ?? defaultConnectTimeoutMs, {
      code: 'connect_failed',
      message: 'The engine did not accept the connection in time.',
    });
    try {
      this.socket = this.options.connect({
        onOpen: (subprotocol) => mine() && this.onOpen(subprotocol),
        onMessage: (data) => mine() && this.onMessage(data),
        onClose: (info) => mine() && this.onClose(info),
      });
    } catch (error) {
      this.onClose({ code: 1006, reason: (error as Error).message ?? String(error) });
      return;
    }
    this.tracker.set(this.hasData ? 'reconnecting' : 'connecting');
  }

  private onOpen(subprotocol: string | undefined): void {
    this.opened = true;
    this.unopened = 0;
    this.socket?.send(JSON.stringify(this.cursor.connected(protocolOf(subprotocol))));
    this.armHeartbeat();
    this.tracker.set('syncing');
  }

  private onMessage(data: unknown): void {
    this.armHeartbeat();
    const step = this.cursor.read(data);
    switch (step.kind) {
      case 'none':
        return;
      case 'engineError':
        // The engine closes right after: keep its reason for the status.
        this.engineError = step.error;
        return;
      case 'resync':
        return this.drop(step.error);
      case 'snapshot': {
        this.hasData = true;
        const generation = this.generation;
        this.options.listener.onSnapshot(step.snapshot);
        // The listener may have stopped or reconnected the client.
        if (generation === this.generation) this.goLive();
        return;
      }
      case 'resumed':
        return this.goLive();
      case 'changes':
        this.options.listener.onChanges(step.changes, step.seq);
        return;
      case 'notification':
        this.options.listener.onNotification?.(step.notification);
        return;
    }
  }

  private onClose(info: CloseInfo): void {
    const engineSaid = this.engineError;
    if (info.code === CloseCode.unauthorized || info.httpStatus === 401) {
      this.leave();
      this.tracker.set('unauthorized', {
        error: engineSaid ?? {
          code: 'unauthorized',
          message: 'The engine refused the API token: sign in again.',
        },
      });
      return;
    }
    // The engine did not understand our hello: start over from a snapshot.
    if (info.code === CloseCode.protocolError) this.cursor.forget();
    const how = info.httpStatus
      ? `HTTP ${info.httpStatus}`
      : `close code ${info.code}${info.reason ? ` (${info.reason})` : ''}`;
    const error = engineSaid ?? {
      code: this.opened ? 'connection_lost' : 'connect_failed',
      message: this.opened
        ? `The connection to the engine was lost: ${how}.`
        : `The engine could not be reached: ${how}.`,
    };
    if (!this.opened) {
      this.unopened += 1;
      this.maybeCheckToken();
    }
    this.drop(error);
  }

  private goLive(): void {
    const now = this.scheduler.now();
    this.liveSince = now;
    this.tracker.set('live', { lastLiveAt: now });
  }

  /** Ends the connection (ours or the engine's doing) and tries again after a backoff delay. */
  private drop(error: SyncError): void {
    const wasLive = this.tracker.status.status === 'live';
    this.leave();
    const now = this.scheduler.now();
    if (wasLive && now - this.liveSince >= this.backoff.resetAfterMs) this.attempt = 0;
    const delay = backoffDelay(this.backoff, this.attempt, this.random);
    this.attempt += 1;
    // The timer first: a listener that stops the client from onStatus must find it to clear.
    this.retryTimer = this.scheduler.setTimeout(() => this.retryDue(), delay);
    this.tracker.set(this.hasData ? 'reconnecting' : 'connecting', {
      retryInMs: delay,
      error,
      ...(wasLive ? { lastLiveAt: now } : {}),
    });
  }

  private retryDue(): void {
    this.retryTimer = null;
    if (this.checkingToken && !this.waitingForCheck) {
      // Knocking again with a token the engine may be refusing is what the check is to avoid:
      // wait for its answer, though not forever (a check that hangs must not stall the client).
      this.waitingForCheck = true;
      this.retryTimer = this.scheduler.setTimeout(
        () => this.retryDue(),
        this.options.connectTimeoutMs ?? defaultConnectTimeoutMs,
      );
      return;
    }
    this.waitingForCheck = false;
    this.open();
  }

  /** Closes the socket (if any), forgets it and stops every timer. */
  private leave(reason = 'resync'): void {
    this.generation += 1;
    const socket = this.socket;
    this.socket = null;
    this.cursor.disconnected();
    this.disarm();
    if (this.retryTimer !== null) this.scheduler.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.waitingForCheck = false;
    try {
      socket?.close(1000, reason);
    } catch {
      // already closed
    }
  }

  private maybeCheckToken(): void {
    const check = this.options.checkToken;
    if (!check || this.checkingToken || this.unopened < (this.options.checkTokenAfter ?? 2)) {
      return;
    }
    this.checkingToken = true;
    const answered = (valid: boolean) => {
      this.checkingToken = false;
      const retrying =
        this.tracker.status.status === 'connecting' ||
        this.tracker.status.status === 'reconnecting';
      if (!valid && retrying && this.unopened > 0) {
        this.leave();
        this.tracker.set('unauthorized', {
          error: { code: 'unauthorized', message: 'The API token is no longer valid.' },
        });
      } else if (this.waitingForCheck) {
        if (this.retryTimer !== null) this.scheduler.clearTimeout(this.retryTimer);
        this.retryDue();
      }
    };
    // A check that fails (the engine cannot answer either) says nothing about the token.
    check().then(answered, () => answered(true));
  }

  private armHeartbeat(): void {
    const ms = this.options.heartbeatTimeoutMs ?? defaultHeartbeatTimeoutMs;
    this.arm(ms, {
      code: 'heartbeat_timeout',
      message: `Nothing arrived from the engine for ${Math.round(ms / 1000)} s; reconnecting.`,
    });
  }

  private arm(ms: number, error: SyncError): void {
    this.disarm();
    this.watchdog = this.scheduler.setTimeout(() => {
      this.watchdog = null;
      this.drop(error);
    }, ms);
  }

  private disarm(): void {
    if (this.watchdog !== null) this.scheduler.clearTimeout(this.watchdog);
    this.watchdog = null;
  }
}
