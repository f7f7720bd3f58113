import { isDeepStrictEqual } from 'node:util';
import WebSocket from 'ws';
import type { Change } from '../../shared/protocol/changes.js';
import type { BackoffSettings } from '../../shared/sync/backoff.js';
import { Replica } from '../../shared/sync/replica.js';
import { createSyncClient, type SyncClient } from '../../shared/sync/syncClient.js';
import type { Snapshot, SyncStatus } from '../../shared/sync/syncStatus.js';
import { webSocketConnector } from '../../shared/sync/webSocketConnector.js';
import { alertsOverRest, eventually } from './streamSocket.js';
import { adminToken } from './testEngine.js';

/** What a synced replica was told, in order. */
export type SyncEvent =
  | { readonly kind: 'snapshot'; readonly snapshot: Snapshot }
  | { readonly kind: 'changes'; readonly changes: readonly Change[]; readonly seq: number };

export interface SyncedReplica {
  readonly client: SyncClient;
  readonly replica: Replica;
  readonly statuses: SyncStatus[];
  readonly events: SyncEvent[];
  /** The `ws` sockets the client opened, newest last (to kill or pause one). */
  readonly sockets: WebSocket[];
  /** The close code of each socket, by index in `sockets`, once it closed. */
  readonly closeCodes: Map<number, number>;
  /** Waits until the client is live at the engine's current state (or at least `seq`). */
  untilLive(what?: string): Promise<void>;
  stop(): void;
}

/**
 * The shared sync client over the `ws` package with the subprotocol token (as a browser sends
 * it), keeping a {@link Replica}. Short backoff delays keep reconnects quick in tests.
 */
export function syncedReplica(
  engineUrl: string,
  options: {
    token?: string;
    backoff?: Partial<BackoffSettings>;
    heartbeatTimeoutMs?: number;
    checkToken?: () => Promise<boolean>;
    /** Hide the HTTP status of a refused upgrade, as a browser's WebSocket does. */
    likeABrowser?: boolean;
  } = {},
): SyncedReplica {
  const sockets: WebSocket[] = [];
  const closeCodes = new Map<number, number>();
  class TrackedWebSocket extends WebSocket {
    constructor(url: string, protocols: string[]) {
      super(url, protocols);
      const index = sockets.push(this) - 1;
      this.on('close', (code) => closeCodes.set(index, code));
    }
  }
  const replica = new Replica();
  const statuses: SyncStatus[] = [];
  const events: SyncEvent[] = [];
  const connect = webSocketConnector({
    url: engineUrl,
    token: options.token ?? adminToken,
    WebSocket: TrackedWebSocket,
  });
  const client = createSyncClient({
    connect: options.likeABrowser
      ? (handlers) =>
          connect({
            ...handlers,
            onClose: ({ code, reason }) => handlers.onClose({ code, reason }),
          })
      : connect,
    listener: {
      onSnapshot: (snapshot) => {
        events.push({ kind: 'snapshot', snapshot });
        replica.applySnapshot(snapshot);
      },
      onChanges: (changes, seq) => {
        events.push({ kind: 'changes', changes, seq });
        replica.applyChanges(changes, seq);
      },
      onStatus: (status) => statuses.push(status),
    },
    backoff: { initialMs: 50, maxMs: 500, ...options.backoff },
    ...(options.heartbeatTimeoutMs ? { heartbeatTimeoutMs: options.heartbeatTimeoutMs } : {}),
    ...(options.checkToken ? { checkToken: options.checkToken } : {}),
  });
  client.start();
  return {
    client,
    replica,
    statuses,
    events,
    sockets,
    closeCodes,
    untilLive: (what = 'the sync client to be live') =>
      eventually(() => client.status.status === 'live', what),
    stop: () => client.stop(),
  };
}

/** Waits until the replica's alerts equal what `GET /api/v1/alerts` returns. */
export async function untilReplicaMatchesRest(engineUrl: string, replica: Replica): Promise<void> {
  let rest = new Map<string, unknown>();
  await eventually(async () => {
    rest = await alertsOverRest(engineUrl);
    if (rest.size !== replica.alerts.size) return false;
    for (const [id, alert] of rest) {
      if (!isDeepStrictEqual(replica.alerts.get(id), alert)) return false;
    }
    return true;
  }, 'the replica to match GET /api/v1/alerts');
}
