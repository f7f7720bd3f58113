import { describe, expect, it } from 'vitest';
import { openEarlyStream } from '../../renderer/earlyStream.js';
import { createBrowserTransport } from '../../renderer/transport/browserTransport.js';
import type { PreparedStream } from '../../shared/sync/preparedStream.js';
import { streamKey, takeEarlyStream } from '../../renderer/transport/earlyStreamHandoff.js';

/** A window with what the first script reads: the address, storage, WebSocket and a timer. */
function fakeWindow(options: { href: string; stored?: unknown; bridge?: boolean }) {
  const sockets: Array<{ url: string; protocols: string[] }> = [];
  const timers: Array<[() => void, number]> = [];
  class FakeWebSocket {
    onopen = null;
    onmessage = null;
    onclose = null;
    onerror = null;
    protocol = '';
    constructor(url: string, protocols: string[]) {
      sockets.push({ url, protocols });
    }
    send() {}
    close() {}
  }
  const win = {
    location: { href: options.href },
    localStorage: {
      getItem: (key: string) =>
        key === 'nocturne.credentials' && options.stored ? JSON.stringify(options.stored) : null,
    },
    WebSocket: FakeWebSocket,
    setTimeout: (fn: () => void, ms: number) => timers.push([fn, ms]),
    ...(options.bridge ? { nocturne: {} } : {}),
  };
  return { win: win as unknown as Window, sockets, timers };
}

describe('the page’s first script: the stream opened early', () => {
  it('opens the stream with the stored credentials, its hello in the URL, closed if unused', () => {
    const { win, sockets, timers } = fakeWindow({
      href: 'http://127.0.0.1:7070/',
      stored: { engineUrl: 'http://127.0.0.1:7070/', token: 'noc_abc' },
    });
    const stream = openEarlyStream(win);
    expect(stream?.key).toBe(streamKey({ engineUrl: 'http://127.0.0.1:7070', token: 'noc_abc' }));
    expect(sockets).toEqual([
      {
        url: 'ws://127.0.0.1:7070/api/v1/stream?hello=snapshot',
        protocols: ['nocturne.v2', 'nocturne.v1', 'nocturne.bearer.noc_abc'],
      },
    ]);
    expect(timers.map(([, ms]) => ms)).toEqual([15_000]);
  });

  it('takes a wall screen’s one-time token from the address first, without changing it', () => {
    const { win, sockets } = fakeWindow({
      href: 'https://noc.example.com/wall?token=noc_wall',
      stored: { engineUrl: 'http://other:7070', token: 'noc_old' },
    });
    expect(openEarlyStream(win)?.key).toBe('https://noc.example.com\nnoc_wall');
    expect(sockets[0]!.url).toBe('wss://noc.example.com/api/v1/stream?hello=snapshot');
    expect(win.location.href).toBe('https://noc.example.com/wall?token=noc_wall');
  });

  it('does nothing without credentials, with a broken address, or in the desktop app', () => {
    expect(openEarlyStream(fakeWindow({ href: 'http://127.0.0.1:7070/' }).win)).toBeNull();
    const broken = fakeWindow({
      href: 'http://127.0.0.1:7070/',
      stored: { engineUrl: 'not a url', token: 'noc_abc' },
    });
    expect(openEarlyStream(broken.win)).toBeNull();
    const app = fakeWindow({
      href: 'app://nocturne/',
      stored: { engineUrl: 'http://127.0.0.1:7070', token: 'noc_abc' },
      bridge: true,
    });
    expect(openEarlyStream(app.win)).toBeNull();
    expect(app.sockets).toEqual([]);
  });

  it('is handed to the console once', () => {
    const { win } = fakeWindow({
      href: 'http://127.0.0.1:7070/',
      stored: { engineUrl: 'http://127.0.0.1:7070', token: 'noc_abc' },
    });
    win.__nocturneEarlyStream = openEarlyStream(win);
    expect(takeEarlyStream(win)).not.toBeNull();
    expect(takeEarlyStream(win)).toBeNull();
  });
});

describe('the browser transport and the early stream', () => {
  it('adopts it for its first sync client only, and connects itself after', () => {
    const opened: string[] = [];
    class OwnWebSocket {
      onopen = null;
      onmessage = null;
      onclose = null;
      onerror = null;
      protocol = '';
      constructor(url: string) {
        opened.push(url);
      }
      send() {}
      close() {}
    }
    let adopted = 0;
    const prepared: PreparedStream = {
      key: streamKey({ engineUrl: 'http://127.0.0.1:7070', token: 'noc_abc' }),
      adopt: () => {
        adopted += 1;
        return { send() {}, close() {} };
      },
      discard() {},
    };
    const transport = createBrowserTransport({
      engineUrl: 'http://127.0.0.1:7070/',
      token: 'noc_abc',
      WebSocket: OwnWebSocket,
      fetch: (() => new Promise(() => undefined)) as typeof fetch,
      prepared,
    });
    const stop = transport.subscribe(() => undefined);
    expect([adopted, opened]).toEqual([1, []]);
    stop();
    transport.subscribe(() => undefined);
    expect([adopted, opened]).toEqual([1, ['ws://127.0.0.1:7070/api/v1/stream']]);
    transport.close();
  });
});
