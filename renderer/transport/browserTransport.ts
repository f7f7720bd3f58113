import { z } from 'zod';
import { alertEndpoints } from '../../shared/api/alertEndpoints.js';
import { Alert, AlertLogEntry } from '../../shared/domain/alert.js';
import { User, UserRole } from '../../shared/domain/user.js';
import { createSyncClient, type SyncClient } from '../../shared/sync/syncClient.js';
import {
  webSocketConnector,
  type WebSocketConstructor,
} from '../../shared/sync/webSocketConnector.js';
import { adoptingConnector, type PreparedStream } from '../../shared/sync/preparedStream.js';
import { streamKey } from './earlyStreamHandoff.js';
import { createManageCalls } from './manageTransport.js';
import { createRestClient, send } from './restClient.js';
import { createScheduleCalls } from './scheduleTransport.js';
import type { AlertWithLog, SignedInUser, SyncEvent, Transport } from './transport.js';

const SignedInUserSchema: z.ZodType<SignedInUser> = User.extend({ effectiveRole: UserRole });
const AlertWithLogSchema: z.ZodType<AlertWithLog> = Alert.extend({
  log: z.object({ items: z.array(AlertLogEntry), nextCursor: z.string().nullable() }),
});

export interface BrowserTransportOptions {
  /** `http(s)://host:port` of the engine; usually the page's own origin. */
  readonly engineUrl: string;
  readonly token: string;
  /** Injected by tests; default the page's. */
  readonly fetch?: typeof fetch;
  readonly WebSocket?: WebSocketConstructor;
  readonly pageOrigin?: string | null;
  /** A stream opened as the page started (renderer/earlyStream.ts): adopted if it is for us. */
  readonly prepared?: PreparedStream | null;
}

/**
 * The console's {@link Transport} in a browser: the shared sync client over the DOM WebSocket
 * (the token as the `nocturne.bearer.` subprotocol, docs/protocol.md), REST over fetch with a
 * bearer header.
 */
export function createBrowserTransport(options: BrowserTransportOptions): Transport {
  const engineUrl = options.engineUrl.replace(/\/+$/, '');
  const token = () => options.token;
  const rest = createRestClient({
    engineUrl,
    token,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    pageOrigin: options.pageOrigin ?? null,
  });
  const listeners = new Set<(event: SyncEvent) => void>();
  const emit = (event: SyncEvent) => listeners.forEach((listener) => listener(event));
  let sync: SyncClient | null = null;
  // The page's early stream serves one sync client at most: the first.
  let prepared = options.prepared ?? null;

  const whoAmI = () => rest('GET', '/api/v1/me', SignedInUserSchema);
  const alertAction = (id: string, action: string, body: unknown) =>
    rest('POST', `/api/v1/alerts/${encodeURIComponent(id)}/${action}`, Alert, body);

  const takePrepared = () => {
    const mine = prepared;
    prepared = null;
    return mine;
  };

  const startSync = () => {
    sync = createSyncClient({
      connect: adoptingConnector(
        takePrepared(),
        streamKey({ engineUrl, token: options.token }),
        webSocketConnector({
          url: engineUrl,
          token,
          WebSocket: options.WebSocket ?? (globalThis.WebSocket as unknown as WebSocketConstructor),
        }),
      ),
      listener: {
        onSnapshot: (snapshot) => emit({ type: 'snapshot', snapshot }),
        onChanges: (changes, seq) =>
          emit({ type: 'changes', streamId: sync?.position?.streamId ?? '', seq, changes }),
        onStatus: (status) => emit({ type: 'status', status }),
        onNotification: (notification) => emit({ type: 'notification', notification }),
      },
      // A browser cannot see why an upgrade was refused: ask REST whether the token still works.
      checkToken: async () => {
        const me = await whoAmI();
        return me.ok || me.error.status !== 401;
      },
    });
    sync.start();
  };

  return {
    engineUrl,
    subscribe(listener) {
      listeners.add(listener);
      if (!sync) startSync();
      else listener({ type: 'status', status: sync.status });
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && sync) {
          sync.stop();
          sync = null;
        }
      };
    },
    reconnect: () => sync?.reconnect(),
    close() {
      listeners.clear();
      sync?.stop();
      sync = null;
    },
    whoAmI,
    getAlert: (id) => rest('GET', `/api/v1/alerts/${encodeURIComponent(id)}`, AlertWithLogSchema),
    acceptAlert: (id, comment) => alertAction(id, 'accept', comment ? { comment } : {}),
    resolveAlert: (id, comment) => alertAction(id, 'resolve', comment ? { comment } : {}),
    commentAlert: (id, text) => alertAction(id, 'comment', { text }),
    assignAlert: (id, userId) => alertAction(id, 'assign', { userId }),
    getTimeline: (id) => send(rest, alertEndpoints.getTimeline(id)),
    getAlertLog: (id, cursor) => send(rest, alertEndpoints.getAlertLog(id, cursor)),
    ...createManageCalls(rest),
    ...createScheduleCalls(rest),
  };
}
