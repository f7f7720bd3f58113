/**
 * What the sync client needs of a connection, so that the same state machine runs over the
 * DOM's WebSocket (renderer, wall screens), the `ws` package (Electron main, tests) or a fake
 * (unit tests). One socket is one connection attempt; a new attempt makes a new socket.
 */

/** How a connection ended, as far as the transport can tell. */
export interface CloseInfo {
  /** The WebSocket close code; 1006 when the connection failed or dropped without a close frame. */
  readonly code: number;
  readonly reason: string;
  /**
   * The HTTP status of a refused upgrade (401, 403, …) when the transport can see it. The `ws`
   * package can; browsers cannot (they only report a close with code 1006).
   */
  readonly httpStatus?: number;
}

/** Callbacks the transport calls for one socket. None is called after `onClose`. */
export interface SocketHandlers {
  /**
   * The upgrade succeeded: the socket may send. `subprotocol` is the one the engine selected
   * (`nocturne.v2`, …); a transport that cannot tell leaves it out (read as version 1).
   */
  onOpen(subprotocol?: string): void;
  /** One frame. Text frames arrive as strings; anything else is a protocol violation. */
  onMessage(data: unknown): void;
  /** The connection ended (or never opened). Called at most once. */
  onClose(info: CloseInfo): void;
}

/** One open (or opening) connection. */
export interface SyncSocket {
  send(text: string): void;
  /** Closes the connection; the transport may still call `onClose` later, or not at all. */
  close(code?: number, reason?: string): void;
}

/**
 * Opens a connection to `/api/v1/stream`, authenticated. May throw (a malformed URL or token):
 * the sync client counts that as a failed attempt.
 */
export type Connector = (handlers: SocketHandlers) => SyncSocket;
