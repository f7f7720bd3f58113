import { protocolOf } from '../protocol/subprotocols.js';
import type { CloseInfo, Connector, SocketHandlers, SyncSocket } from './transport.js';

/**
 * A stream connection opened before the sync client exists — as a page starts, while the rest
 * of its scripts load — so that the engine builds and sends the snapshot meanwhile
 * (docs/protocol.md, "Opening early"). `connector` says the hello of a client without a
 * position in the URL (`helloInUrl`): an engine of protocol 2 answers at once; to one of
 * protocol 1 the hello message is sent on open. What happens is kept until a sync client adopts
 * the connection through {@link adoptingConnector}; the hello it says then is not sent again.
 */
export interface PreparedStream {
  /** Whether `connector` is for the same engine and token (the adopter decides what that means). */
  readonly key: string;
  /** Hands the connection to `handlers`: what happened so far first, then as it happens. */
  adopt(handlers: SocketHandlers): SyncSocket;
  /** Closes it unless a sync client adopted it. */
  discard(): void;
}

type Event =
  | { readonly kind: 'open'; readonly subprotocol: string | undefined }
  | { readonly kind: 'message'; readonly data: unknown }
  | { readonly kind: 'close'; readonly info: CloseInfo };

export function prepareStream(connector: Connector, key: string): PreparedStream {
  const events: Event[] = [];
  /** Who gets events as they happen: set once the recorded ones are handed over. */
  let listener: SocketHandlers | null = null;
  let adopted = false;
  /** The hello said on open, until the adopting client says it too. */
  let hello: string | null = null;
  /** No event goes out after a close, ours or the client's. */
  let closed = false;
  let clientClosed = false;
  const deliver = (handlers: SocketHandlers, event: Event) => {
    if (event.kind === 'open') handlers.onOpen(event.subprotocol);
    else if (event.kind === 'message') handlers.onMessage(event.data);
    else handlers.onClose(event.info);
  };
  const record = (event: Event) => {
    if (closed) return;
    if (event.kind === 'close') closed = true;
    if (listener) deliver(listener, event);
    else events.push(event);
  };
  const socket = connector({
    onOpen(subprotocol) {
      const protocol = protocolOf(subprotocol);
      hello = JSON.stringify({ type: 'hello', protocol });
      if (protocol === 1) socket.send(hello); // an engine before the hello in the URL
      record({ kind: 'open', subprotocol });
    },
    onMessage: (data) => record({ kind: 'message', data }),
    onClose: (info) => record({ kind: 'close', info }),
  });
  return {
    key,
    adopt(handlers) {
      adopted = true;
      // After the client has its socket back: it may act on the events (send, close).
      void Promise.resolve().then(() => {
        for (const event of events.splice(0)) {
          if (clientClosed) return;
          deliver(handlers, event);
        }
        if (!clientClosed) listener = handlers;
      });
      return {
        send(text) {
          // The hello was said already; the sync client of a fresh page says the same one.
          if (text === hello) {
            hello = null;
            return;
          }
          if (hello !== null) {
            // A different hello (the client has a position after all): start over without us.
            const reason = 'the prepared stream did not fit';
            clientClosed = closed = true;
            listener = null;
            socket.close(1000, reason);
            void Promise.resolve().then(() => handlers.onClose({ code: 1006, reason }));
            return;
          }
          socket.send(text);
        },
        close(code, reason) {
          clientClosed = closed = true;
          listener = null;
          socket.close(code, reason);
        },
      };
    },
    discard() {
      if (adopted || closed) return;
      closed = true;
      socket.close(1000, 'not needed');
    },
  };
}

/**
 * The sync client's connector, whose first connection is `prepared` when it is for the same
 * engine and token (`key`); any other prepared stream is closed unused.
 */
export function adoptingConnector(
  prepared: PreparedStream | null,
  key: string,
  connector: Connector,
): Connector {
  let waiting = prepared;
  return (handlers) => {
    const mine = waiting;
    waiting = null;
    if (!mine) return connector(handlers);
    if (mine.key !== key) {
      mine.discard();
      return connector(handlers);
    }
    return mine.adopt(handlers);
  };
}
