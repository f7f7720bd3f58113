import type { Change } from '../protocol/changes.js';
import {
  type HelloMessage,
  type ProtocolVersion,
  type NotificationMessage,
} from '../protocol/messages.js';
import { readServerMessage } from './readServerMessage.js';
import { SnapshotAssembler } from './snapshotAssembler.js';
import type { Snapshot, SyncError } from './syncStatus.js';

/** Where a console stands in the stream: what it sends as `resume` when it reconnects. */
export interface StreamPosition {
  readonly streamId: string;
  /** The sequence of the last snapshot or delta applied. */
  readonly seq: number;
}

/** What one frame from the engine means for the console. */
export type CursorStep =
  | { readonly kind: 'none' }
  /** Replace everything with this; the console is live. */
  | { readonly kind: 'snapshot'; readonly snapshot: Snapshot }
  /** The engine resumed where the console was; the console is live. */
  | { readonly kind: 'resumed' }
  | { readonly kind: 'changes'; readonly changes: readonly Change[]; readonly seq: number }
  /** A notification for the signed-in user, to raise; it does not move the position. */
  | { readonly kind: 'notification'; readonly notification: NotificationMessage }
  /** The engine said why it is about to close. */
  | { readonly kind: 'engineError'; readonly error: SyncError }
  /** Something is missing or wrong: reconnect (resuming from `position`, if any). */
  | { readonly kind: 'resync'; readonly error: SyncError };

/**
 * The protocol half of the sync client, without sockets or timers: the position in the stream
 * (kept across connections), snapshot assembly, and the checks that nothing was missed — every
 * delta starts where the last one ended (`from`), and a heartbeat names the last sequence sent.
 */
export class StreamCursor {
  private pos: StreamPosition | null = null;
  private phase: 'idle' | 'syncing' | 'live' = 'idle';
  private readonly assembler = new SnapshotAssembler();

  get position(): StreamPosition | null {
    return this.pos;
  }

  /**
   * A connection opened: the hello to send in the protocol version the engine selected,
   * resuming when there is a position.
   */
  connected(protocol: ProtocolVersion = 1): HelloMessage {
    this.phase = 'syncing';
    this.assembler.reset();
    const pos = this.pos;
    return {
      type: 'hello',
      protocol,
      ...(pos ? { resume: { streamId: pos.streamId, seq: pos.seq } } : {}),
    };
  }

  disconnected(): void {
    this.phase = 'idle';
    this.assembler.reset();
  }

  /** The next connection asks for a snapshot instead of resuming. */
  forget(): void {
    this.pos = null;
  }

  read(data: unknown): CursorStep {
    const read = readServerMessage(data);
    if (!read.ok) return resync('invalid_message', read.message);
    const message = read.message;
    switch (message.type) {
      case 'error':
        return { kind: 'engineError', error: { code: message.code, message: message.message } };
      case 'snapshot': {
        if (this.phase !== 'syncing') return this.unexpected('a snapshot');
        const result = this.assembler.add(message);
        if (result.kind === 'invalid') return this.unexpected(result.message);
        if (result.kind === 'partial') return { kind: 'none' };
        this.pos = { streamId: result.snapshot.streamId, seq: result.snapshot.seq };
        this.phase = 'live';
        return { kind: 'snapshot', snapshot: result.snapshot };
      }
      case 'resumed': {
        const pos = this.pos;
        const fits = pos && message.streamId === pos.streamId && message.seq === pos.seq;
        if (this.phase !== 'syncing' || this.assembler.inProgress || !fits) {
          // Whatever went wrong, a snapshot repairs it: do not resume from here again.
          this.pos = null;
          return this.unexpected(`"resumed" at ${message.seq}`);
        }
        this.phase = 'live';
        return { kind: 'resumed' };
      }
      case 'delta': {
        const pos = this.pos;
        if (this.phase !== 'live' || !pos) return this.unexpected('a delta before the snapshot');
        if (message.from !== pos.seq || message.seq <= message.from) {
          return this.gap(`a delta from ${message.from} to ${message.seq}`);
        }
        this.pos = { streamId: pos.streamId, seq: message.seq };
        return { kind: 'changes', changes: message.changes, seq: message.seq };
      }
      case 'notification':
        // Outside the sequence: valid in any phase, and never a sign of a gap.
        return { kind: 'notification', notification: message };
      case 'heartbeat':
        // Heartbeats only come once live; one naming another sequence means a delta was lost.
        if (this.phase === 'live' && this.pos && message.seq !== this.pos.seq) {
          return this.gap(`a heartbeat at ${message.seq}`);
        }
        return { kind: 'none' };
    }
  }

  private gap(what: string): CursorStep {
    return resync('gap', `Missed part of the stream (${what} after ${this.pos?.seq}); resyncing.`);
  }

  private unexpected(what: string): CursorStep {
    return resync('unexpected_message', `The engine sent ${what} out of order; resyncing.`);
  }
}

const resync = (code: string, message: string): CursorStep => ({
  kind: 'resync',
  error: { code, message },
});
