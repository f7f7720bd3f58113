import {
  HELLO_IN_URL,
  STREAM_SUBPROTOCOLS,
  TOKEN_SUBPROTOCOL_PREFIX,
} from '../protocol/subprotocols.js';
import type { CloseInfo, Connector } from './transport.js';

/**
 * Handler properties typed with method syntax, so that TypeScript compares their parameters
 * bivariantly: the DOM's `(this: WebSocket, ev: MessageEvent) => any` and the `ws` package's
 * `(event: WebSocket.MessageEvent) => void` both fit without either one's type definitions.
 */
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/**
 * What the DOM's `WebSocket` and the `ws` package's `WebSocket` have in common, as far as the
 * stream needs it: the `on…` handler properties (ws implements them like the DOM).
 */
export interface WebSocketLike {
  onopen: Handler<unknown> | null;
  /** The subprotocol the engine selected (after open). */
  readonly protocol: string;
  onmessage: Handler<{ readonly data: unknown }> | null;
  onclose: Handler<{ readonly code: number; readonly reason: string }> | null;
  onerror: Handler<unknown> | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** `WebSocket` of the DOM, or `WebSocket` of the `ws` package. */
export type WebSocketConstructor = new (url: string, protocols: string[]) => WebSocketLike;

export interface WebSocketConnectorOptions {
  /** The engine's base URL (`http://127.0.0.1:7070`) or the stream's own `ws://…/api/v1/stream`. */
  readonly url: string;
  /** The API token; read on every attempt, so a host can hand in a function that sees a new one. */
  readonly token: string | (() => string);
  readonly WebSocket: WebSocketConstructor;
  /**
   * Say the hello of a console with nothing to resume in the URL (`?hello=snapshot`): an engine
   * that selects `nocturne.v2` then sends the snapshot without waiting for a hello message.
   */
  readonly helloInUrl?: boolean;
}

export const STREAM_PATH = '/api/v1/stream';

/**
 * `http(s)://host[:port][/prefix]` → `ws(s)://host[:port][/prefix]/api/v1/stream`; a `ws(s)://`
 * URL is taken as it is. (No `URL` class here: shared/ is compiled without DOM or Node types.)
 */
export function streamUrl(engineUrl: string): string {
  const match = /^(https?|wss?):\/\/([^/?#]+)([^?#]*)/i.exec(engineUrl.trim());
  if (!match) throw new Error(`"${engineUrl}" is not an http(s) or ws(s) URL of an engine.`);
  const scheme = { http: 'ws', https: 'wss', ws: 'ws', wss: 'wss' }[match[1]!.toLowerCase()];
  const path = match[3]!.replace(/\/+$/, '');
  return `${scheme}://${match[2]}${path.endsWith(STREAM_PATH) ? path : path + STREAM_PATH}`;
}

/**
 * A {@link Connector} over a WebSocket class. The token travels as the `nocturne.bearer.<token>`
 * subprotocol next to the protocol versions it speaks (`nocturne.v2`, `nocturne.v1`), the one way a browser can send it (it cannot set headers);
 * the `ws` package sends it the same way, so both are tested by the same path.
 *
 * A refused upgrade reaches a browser as a bare close (1006). The `ws` package says more in its
 * error event ("Unexpected server response: 401"): that status is passed on as `httpStatus`.
 */
export function webSocketConnector(options: WebSocketConnectorOptions): Connector {
  const url = streamUrl(options.url) + (options.helloInUrl ? `?${HELLO_IN_URL}` : '');
  return (handlers) => {
    const token = typeof options.token === 'function' ? options.token() : options.token;
    const socket = new options.WebSocket(url, [
      STREAM_SUBPROTOCOLS[2],
      STREAM_SUBPROTOCOLS[1],
      `${TOKEN_SUBPROTOCOL_PREFIX}${token}`,
    ]);
    let httpStatus: number | undefined;
    let closed = false;
    socket.onopen = () => handlers.onOpen(socket.protocol);
    socket.onmessage = (event) => handlers.onMessage(event.data);
    socket.onerror = (event) => {
      const message = (event as { message?: unknown } | null)?.message;
      const match = typeof message === 'string' ? /server response: (\d{3})/.exec(message) : null;
      if (match) httpStatus = Number(match[1]);
    };
    socket.onclose = (event) => {
      if (closed) return;
      closed = true;
      const info: CloseInfo = {
        code: event.code,
        reason: event.reason,
        ...(httpStatus !== undefined ? { httpStatus } : {}),
      };
      handlers.onClose(info);
    };
    return {
      send: (text) => socket.send(text),
      close: (code, reason) => {
        closed = true;
        socket.onopen = socket.onmessage = socket.onclose = null;
        // Keep an error handler: the `ws` package throws on an error event nobody listens to.
        socket.onerror = () => undefined;
        socket.close(code, reason);
      },
    };
  };
}
