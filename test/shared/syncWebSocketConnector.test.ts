import { describe, expect, it } from 'vitest';
import type { CloseInfo } from '../../shared/sync/transport.js';
import {
  streamUrl,
  webSocketConnector,
  type WebSocketLike,
} from '../../shared/sync/webSocketConnector.js';

/** Plays a DOM-style WebSocket: the `on…` properties, called by the test. */
class ScriptedWebSocket implements WebSocketLike {
  static last: ScriptedWebSocket | null = null;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: string[] = [];
  protocol = 'nocturne.v2';
  closed: [number | undefined, string | undefined] | null = null;

  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    ScriptedWebSocket.last = this;
  }

  send(data: string): void {
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    this.closed = [code, reason];
  }
}

function connect(token: string | (() => string) = 'noc_abc-123') {
  const events: unknown[] = [];
  const connector = webSocketConnector({
    url: 'http://127.0.0.1:7070',
    token,
    WebSocket: ScriptedWebSocket,
  });
  const socket = connector({
    onOpen: (subprotocol?: string) => events.push(['open', subprotocol]),
    onMessage: (data) => events.push(['message', data]),
    onClose: (info: CloseInfo) => events.push(['close', info]),
  });
  return { socket, ws: ScriptedWebSocket.last!, events };
}

describe('webSocketConnector', () => {
  it('offers nocturne.v2, nocturne.v1 and the token as the bearer subprotocol, on the stream URL', () => {
    const { ws } = connect();
    expect(ws.url).toBe('ws://127.0.0.1:7070/api/v1/stream');
    expect(ws.protocols).toEqual(['nocturne.v2', 'nocturne.v1', 'nocturne.bearer.noc_abc-123']);
  });

  it('reads the token anew for every connection when given a function', () => {
    let token = 'noc_first';
    const connector = webSocketConnector({
      url: 'https://noc.example.com/',
      token: () => token,
      WebSocket: ScriptedWebSocket,
    });
    const handlers = { onOpen() {}, onMessage() {}, onClose() {} };
    connector(handlers);
    expect(ScriptedWebSocket.last!.protocols[2]).toBe('nocturne.bearer.noc_first');
    token = 'noc_second';
    connector(handlers);
    expect(ScriptedWebSocket.last!.url).toBe('wss://noc.example.com/api/v1/stream');
    expect(ScriptedWebSocket.last!.protocols[2]).toBe('nocturne.bearer.noc_second');
  });

  it('passes open (with the subprotocol the engine selected), messages and close on, once', () => {
    const { socket, ws, events } = connect();
    ws.onopen!({});
    ws.onmessage!({ data: '{"type":"heartbeat"}' });
    socket.send('{"type":"hello","protocol":1}');
    ws.onclose!({ code: 4008, reason: 'slow_consumer' });
    ws.onclose!({ code: 1006, reason: '' });
    expect(ws.sent).toEqual(['{"type":"hello","protocol":1}']);
    expect(events).toEqual([
      ['open', 'nocturne.v2'],
      ['message', '{"type":"heartbeat"}'],
      ['close', { code: 4008, reason: 'slow_consumer' }],
    ]);
  });

  it('reports the HTTP status of a refused upgrade when the WebSocket class tells it (ws)', () => {
    const { ws, events } = connect();
    ws.onerror!({ message: 'Unexpected server response: 401' });
    ws.onclose!({ code: 1006, reason: '' });
    expect(events).toEqual([['close', { code: 1006, reason: '', httpStatus: 401 }]]);
  });

  it('closing detaches the handlers, so nothing is reported after', () => {
    const { socket, ws, events } = connect();
    socket.close(1000, 'bye');
    expect(ws.closed).toEqual([1000, 'bye']);
    expect(ws.onmessage).toBeNull();
    expect(ws.onerror).not.toBeNull(); // ws throws on an error event nobody listens to
    expect(events).toEqual([]);
  });
});

describe('streamUrl', () => {
  it.each([
    ['http://127.0.0.1:7070', 'ws://127.0.0.1:7070/api/v1/stream'],
    ['http://127.0.0.1:7070/', 'ws://127.0.0.1:7070/api/v1/stream'],
    ['https://noc.example.com/nocturne/', 'wss://noc.example.com/nocturne/api/v1/stream'],
    ['HTTPS://[::1]:7070?x=1#y', 'wss://[::1]:7070/api/v1/stream'],
    ['ws://h:1/api/v1/stream', 'ws://h:1/api/v1/stream'],
    ['wss://h/api/v1/stream', 'wss://h/api/v1/stream'],
  ])('%s → %s', (input, expected) => {
    expect(streamUrl(input)).toBe(expected);
  });

  it('refuses what is not an engine URL', () => {
    expect(() => streamUrl('ftp://x')).toThrow(/not an http\(s\) or ws\(s\) URL/);
    expect(() => streamUrl('127.0.0.1:7070')).toThrow();
  });
});
