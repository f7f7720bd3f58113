import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { ApiErrorBody } from '../../shared/api/errors.js';
import {
  HELLO_IN_URL,
  STREAM_SUBPROTOCOLS,
  TOKEN_SUBPROTOCOL_PREFIX,
} from '../../shared/protocol/messages.js';
import { authenticate, bearerToken, requireRole } from '../auth/authenticate.js';
import type { TokenUsage } from '../auth/tokenUsage.js';
import { EngineError } from '../errors.js';
import type { Store } from '../store/store.js';
import type { StreamHub } from './streamHub.js';

export const STREAM_PATH = '/api/v1/stream';

export interface OriginPolicy {
  /** Origins allowed besides the engine's own; `*` allows any. */
  readonly allowedOrigins: readonly string[];
}

/** Requests without Origin are not from a browser; same-origin pages are the engine's own console. */
export function originAllowed(
  req: IncomingMessage,
  policy: OriginPolicy,
  secure: boolean,
): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (policy.allowedOrigins.includes('*') || policy.allowedOrigins.includes(origin)) return true;
  const host = req.headers.host;
  return host !== undefined && origin === `${secure ? 'https' : 'http'}://${host}`;
}

function tokenOf(req: IncomingMessage): string | null {
  const fromHeader = bearerToken(req.headers.authorization);
  if (fromHeader) return fromHeader;
  const protocols = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  const offered = protocols.find((p) => p.startsWith(TOKEN_SUBPROTOCOL_PREFIX));
  return offered ? offered.slice(TOKEN_SUBPROTOCOL_PREFIX.length) : null;
}

function refuse(socket: Duplex, error: EngineError): void {
  const body = JSON.stringify({
    error: { code: error.code, message: error.message },
  } satisfies ApiErrorBody);
  const reason =
    { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' }[
      error.status
    ] ?? 'Bad Request';
  // The same extra headers as over REST (WWW-Authenticate on a 401).
  const extra = Object.entries(error.headers ?? {})
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(
    `HTTP/1.1 ${error.status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}Connection: close\r\n\r\n${body}`,
  );
}

/**
 * Accepts WebSocket upgrades at {@link STREAM_PATH}: the Origin is checked against the allow-list
 * and the token (Authorization header, or the `nocturne.bearer.<token>` subprotocol browsers
 * use) before the upgrade completes; a refusal is a plain HTTP answer with a JSON error.
 */
export function createUpgradeHandler(deps: {
  store: Store;
  hub: StreamHub;
  tokenUsage?: TokenUsage;
  policy: OriginPolicy;
  secure: boolean;
}): { handle(req: IncomingMessage, socket: Duplex, head: Buffer): void; close(): void } {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    perMessageDeflate: false,
    // The newest protocol version the console offers (docs/protocol.md, "Versions").
    handleProtocols: (protocols) =>
      [STREAM_SUBPROTOCOLS[2], STREAM_SUBPROTOCOLS[1]].find((p) => protocols.has(p)) ?? false,
  });
  return {
    handle(req, socket, head) {
      socket.on('error', () => socket.destroy());
      const [path, query = ''] = (req.url ?? '').split('?');
      const helloInUrl = query.split('&').includes(HELLO_IN_URL);
      if (path !== STREAM_PATH) {
        refuse(
          socket,
          new EngineError(
            404,
            'not_found',
            `There is no WebSocket at ${path}; the stream is at ${STREAM_PATH}.`,
          ),
        );
        return;
      }
      if (!originAllowed(req, deps.policy, deps.secure)) {
        refuse(
          socket,
          new EngineError(
            403,
            'origin_not_allowed',
            `Pages from ${req.headers.origin} may not open the stream; start the engine with --allow-origin ${req.headers.origin} to allow them.`,
          ),
        );
        return;
      }
      authenticate(deps.store, tokenOf(req))
        .then((principal) => {
          deps.tokenUsage?.note(principal);
          // Every role may read the stream (wall screens are viewers): it carries nothing a
          // viewer may not see (no integration keys), and nothing can be changed through it.
          requireRole(principal, 'viewer');
          return principal;
        })
        .then(
          (principal) =>
            wss.handleUpgrade(req, socket, head, (ws) =>
              deps.hub.attach(ws, principal, helloInUrl),
            ),
          (error: unknown) =>
            refuse(
              socket,
              error instanceof EngineError
                ? error
                : new EngineError(
                    503,
                    'store_unavailable',
                    'The engine cannot check tokens right now.',
                  ),
            ),
        );
    },
    close() {
      wss.close();
    },
  };
}
