import { describe, expect, it } from 'vitest';
import { adoptingConnector, prepareStream } from '../../shared/sync/preparedStream.js';
import type { CloseInfo, Connector, SocketHandlers } from '../../shared/sync/transport.js';

/** A connector whose sockets the test drives: open, messages, close. */
function scriptedConnector() {
  const sockets: Array<{
    handlers: SocketHandlers;
    sent: string[];
    closed: [number | undefined, string | undefined] | null;
  }> = [];
  const connector: Connector = (handlers) => {
    const socket = {
      handlers,
      sent: [] as string[],
      closed: null as [number | undefined, string | undefined] | null,
    };
    sockets.push(socket);
    return {
      send: (text) => socket.sent.push(text),
      close: (code, reason) => (socket.closed = [code, reason]),
    };
  };
  return { connector, sockets };
}

/** Handlers that record what they are told. */
function recorder() {
  const events: unknown[] = [];
  const handlers: SocketHandlers = {
    onOpen: (subprotocol) => events.push(['open', subprotocol]),
    onMessage: (data) => events.push(['message', data]),
    onClose: (info: CloseInfo) => events.push(['close', info.code]),
  };
  return { events, handlers };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a stream prepared before the sync client starts', () => {
  it('opens at once, and says no hello to an engine that took it in the URL (protocol 2)', () => {
    const { connector, sockets } = scriptedConnector();
    prepareStream(connector, 'k');
    expect(sockets).toHaveLength(1);
    sockets[0]!.handlers.onOpen('nocturne.v2');
    expect(sockets[0]!.sent).toEqual([]);
  });

  it('says the hello on open to an engine of protocol 1', () => {
    const { connector, sockets } = scriptedConnector();
    prepareStream(connector, 'k');
    sockets[0]!.handlers.onOpen('nocturne.v1');
    expect(sockets[0]!.sent).toEqual(['{"type":"hello","protocol":1}']);
  });

  it('hands over what happened before adoption, in order, after adopt returns; then live', async () => {
    const { connector, sockets } = scriptedConnector();
    const prepared = prepareStream(connector, 'k');
    const raw = sockets[0]!.handlers;
    raw.onOpen('nocturne.v2');
    raw.onMessage('part 0');
    raw.onMessage('part 1');
    const { events, handlers } = recorder();
    const socket = prepared.adopt(handlers);
    expect(events).toEqual([]); // the client has its socket before any event
    await settle();
    expect(events).toEqual([
      ['open', 'nocturne.v2'],
      ['message', 'part 0'],
      ['message', 'part 1'],
    ]);
    raw.onMessage('part 2');
    raw.onClose({ code: 1006, reason: '' });
    raw.onMessage('after close');
    expect(events.slice(3)).toEqual([
      ['message', 'part 2'],
      ['close', 1006],
    ]);
    socket.send('{"type":"hello","protocol":2}'); // closed: nothing goes out, nothing throws
  });

  it('does not send the client’s hello again, and sends what follows', async () => {
    const { connector, sockets } = scriptedConnector();
    const prepared = prepareStream(connector, 'k');
    sockets[0]!.handlers.onOpen('nocturne.v2');
    const { handlers } = recorder();
    const socket = prepared.adopt(handlers);
    await settle();
    socket.send('{"type":"hello","protocol":2}');
    expect(sockets[0]!.sent).toEqual([]);
    socket.send('later');
    expect(sockets[0]!.sent).toEqual(['later']);
  });

  it('gives up when the client says another hello (a resume): closed, reported as a drop', async () => {
    const { connector, sockets } = scriptedConnector();
    const prepared = prepareStream(connector, 'k');
    sockets[0]!.handlers.onOpen('nocturne.v2');
    sockets[0]!.handlers.onMessage('snapshot the client did not ask for');
    const events: unknown[] = [];
    let socket: ReturnType<typeof prepared.adopt> | null = null;
    socket = prepared.adopt({
      onOpen: () => {
        events.push('open');
        socket!.send('{"type":"hello","protocol":2,"resume":{"streamId":"s","seq":4}}');
      },
      onMessage: (data) => events.push(['message', data]),
      onClose: (info) => events.push(['close', info.code, info.reason]),
    });
    await settle();
    expect(sockets[0]!.closed).toEqual([1000, 'the prepared stream did not fit']);
    expect(events).toEqual(['open', ['close', 1006, 'the prepared stream did not fit']]);
  });

  it('delivers nothing after the client closed it', async () => {
    const { connector, sockets } = scriptedConnector();
    const prepared = prepareStream(connector, 'k');
    sockets[0]!.handlers.onOpen('nocturne.v2');
    sockets[0]!.handlers.onMessage('m');
    const { events, handlers } = recorder();
    prepared.adopt(handlers).close(1000, 'bye');
    await settle();
    sockets[0]!.handlers.onMessage('late');
    expect(events).toEqual([]);
    expect(sockets[0]!.closed).toEqual([1000, 'bye']);
  });

  it('is closed when nobody adopts it, and not once adopted', () => {
    const { connector, sockets } = scriptedConnector();
    prepareStream(connector, 'k').discard();
    expect(sockets[0]!.closed).toEqual([1000, 'not needed']);
    const adopted = prepareStream(connector, 'k');
    adopted.adopt(recorder().handlers);
    adopted.discard();
    expect(sockets[1]!.closed).toBeNull();
  });
});

describe('adoptingConnector', () => {
  it('uses the prepared stream for its first connection when the key fits, then its own', () => {
    const early = scriptedConnector();
    const own = scriptedConnector();
    const prepared = prepareStream(early.connector, 'engine\ntoken');
    const connect = adoptingConnector(prepared, 'engine\ntoken', own.connector);
    connect(recorder().handlers);
    expect(own.sockets).toHaveLength(0);
    connect(recorder().handlers);
    expect(own.sockets).toHaveLength(1);
  });

  it('closes a prepared stream for another engine or token, and connects itself', () => {
    const early = scriptedConnector();
    const own = scriptedConnector();
    const prepared = prepareStream(early.connector, 'engine\nold-token');
    adoptingConnector(prepared, 'engine\nnew-token', own.connector)(recorder().handlers);
    expect(early.sockets[0]!.closed).toEqual([1000, 'not needed']);
    expect(own.sockets).toHaveLength(1);
  });

  it('connects itself when nothing was prepared', () => {
    const own = scriptedConnector();
    adoptingConnector(null, 'k', own.connector)(recorder().handlers);
    expect(own.sockets).toHaveLength(1);
  });
});
