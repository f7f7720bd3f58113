import type { Change } from '../../shared/protocol/changes.js';
import type { AlertSummary, ServerMessage } from '../../shared/protocol/messages.js';
import type { Scheduler } from '../../shared/sync/scheduler.js';
import type { Snapshot, SyncListener, SyncStatus } from '../../shared/sync/syncStatus.js';
import type {
  CloseInfo,
  Connector,
  SocketHandlers,
  SyncSocket,
} from '../../shared/sync/transport.js';
import { alert } from './wireFixtures.js';

/** A clock and timers that move only when a test says so. */
export class FakeScheduler implements Scheduler {
  time = 1_000_000;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  now(): number {
    return this.time;
  }

  /** Delays (from now) of the timers still pending, soonest first. */
  pending(): number[] {
    return [...this.timers.values()].map((t) => t.at - this.time).sort((a, b) => a - b);
  }

  /** Moves the clock forward, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let due: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.timers) {
        if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
      }
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].callback();
    }
    this.time = end;
  }
}

/** One connection attempt of a {@link FakeConnector}; the test plays the engine. */
export class FakeSocket implements SyncSocket {
  readonly sent: unknown[] = [];
  closedByClient: { code?: number; reason?: string } | null = null;

  constructor(private readonly handlers: SocketHandlers) {}

  send(text: string): void {
    this.sent.push(JSON.parse(text));
  }

  close(code?: number, reason?: string): void {
    this.closedByClient = { code, reason };
  }

  open(): void {
    this.handlers.onOpen();
  }

  /** Delivers a message (an object is sent as JSON text). */
  receive(message: ServerMessage | Record<string, unknown>): void {
    this.handlers.onMessage(JSON.stringify(message));
  }

  receiveRaw(data: unknown): void {
    this.handlers.onMessage(data);
  }

  serverClose(info: CloseInfo): void {
    this.handlers.onClose(info);
  }
}

/** Hands out {@link FakeSocket}s and remembers them, newest last. */
export class FakeConnector {
  readonly sockets: FakeSocket[] = [];
  readonly connect: Connector = (handlers) => {
    const socket = new FakeSocket(handlers);
    this.sockets.push(socket);
    return socket;
  };

  get last(): FakeSocket {
    const socket = this.sockets.at(-1);
    if (!socket) throw new Error('no connection attempt yet');
    return socket;
  }
}

/** A listener that records what it was told. */
export class RecordingListener implements SyncListener {
  readonly snapshots: Snapshot[] = [];
  readonly changes: Array<{ changes: readonly Change[]; seq: number }> = [];
  readonly statuses: SyncStatus[] = [];

  onSnapshot(snapshot: Snapshot): void {
    this.snapshots.push(snapshot);
  }

  onChanges(changes: readonly Change[], seq: number): void {
    this.changes.push({ changes, seq });
  }

  onStatus(status: SyncStatus): void {
    this.statuses.push(status);
  }

  get status(): SyncStatus {
    const status = this.statuses.at(-1);
    if (!status) throw new Error('no status yet');
    return status;
  }
}

// ── wire fixtures ──

/** An alert as the stream carries it, created at a fixed time (./wireFixtures.ts's with that). */
export function alertSummary(id: string, more: Partial<AlertSummary> = {}): AlertSummary {
  return alert(id, { createdAt: '2026-11-28T09:00:00.000Z', maintenanceWindowId: null, ...more });
}

export const serverTime = '2026-11-28T09:00:00.000Z';

export function snapshotPart(
  streamId: string,
  seq: number,
  part: number,
  final: boolean,
  alerts: AlertSummary[],
): ServerMessage {
  return {
    type: 'snapshot',
    streamId,
    seq,
    serverTime,
    part,
    final,
    alerts,
    alertSources: part === 0 ? [source('1')] : [],
    users: part === 0 ? [user('1')] : [],
    teams: part === 0 ? [team('1')] : [],
    schedules: part === 0 ? [storedSchedule('1')] : [],
    escalationPolicies: [],
    alertEscalations: [],
    heartbeatMonitors: [],
    maintenanceWindows: [],
  };
}

export function source(id: string, name = `Source ${id}`) {
  return {
    id,
    name,
    escalationPolicyId: null,
    ackTimeoutMinutes: null,
    autoResolveMinutes: null,
    createdAt: serverTime,
    updatedAt: serverTime,
  };
}

export function user(id: string) {
  return {
    id,
    name: `User ${id}`,
    email: `user${id}@example.com`,
    role: 'admin' as const,
    timeZone: 'UTC',
    createdAt: serverTime,
  };
}

export function team(id: string, memberIds: string[] = ['1']) {
  return {
    id,
    name: `Team ${id}`,
    description: null,
    members: memberIds.map((userId) => ({ userId, role: 'member' as const })),
    createdAt: serverTime,
    updatedAt: serverTime,
  };
}

/** A schedule as the stream carries it: one weekly layer of user 1. */
export function storedSchedule(id: string, version = 1) {
  return {
    id,
    name: `Schedule ${id}`,
    timeZone: 'Europe/Berlin',
    layers: [
      {
        id: 'weekly',
        name: 'Weekly',
        start: '2026-01-05T09:00:00+01:00',
        end: null,
        userIds: ['1'],
        rotation: {
          anchor: '2026-01-05T09:00:00+01:00',
          turn: { unit: 'weeks' as const, length: 1 },
        },
        restrictions: [],
      },
    ],
    overrides: [],
    version,
    createdAt: serverTime,
    updatedAt: serverTime,
  };
}

export function delta(from: number, seq: number, changes: Change[]): ServerMessage {
  return { type: 'delta', from, seq, changes };
}

export function alertChange(id: string, more: Partial<AlertSummary> = {}): Change {
  return { kind: 'alert', value: alertSummary(id, more) };
}
