import { describe, expect, it } from 'vitest';
import type { IpcEvents, NocturneApi } from '../../shared/ipc/ipcContract.js';
import { createBridgeTransport } from '../../renderer/transport/bridgeTransport.js';

/** A window.nocturne that records calls and lets the test push sync events. */
function fakeApi() {
  const calls: Array<[string, unknown]> = [];
  let listener: ((payload: IpcEvents['syncEvent']) => void) | null = null;
  const api = new Proxy({} as NocturneApi, {
    get: (_t, name: string) => {
      if (name === 'onSyncEvent')
        return (l: typeof listener) => {
          listener = l;
          return () => (listener = null);
        };
      return async (args: unknown) => {
        calls.push([name, args]);
        if (name === 'acceptAlert')
          return {
            ok: false,
            error: { code: 'illegal_transition', message: 'Already accepted.', status: 409 },
          };
        if (name === 'whoAmI')
          return { ok: false, error: { code: 'engine_unreachable', message: 'down' } };
        return { ok: true, value: null };
      };
    },
  });
  return {
    api,
    calls,
    emit: (p: IpcEvents['syncEvent']) => listener?.(p),
    listening: () => listener !== null,
  };
}

describe('bridge transport (console ↔ preload)', () => {
  it('subscribes to one engine through main, passes its events, and leaves when the last listener does', async () => {
    const { api, calls, emit, listening } = fakeApi();
    const transport = createBridgeTransport({
      api,
      engineId: 'remote-1',
      engineUrl: 'https://noc.example',
    });
    const seen: unknown[] = [];
    const off = transport.subscribe((event) => seen.push(event));
    expect(calls).toEqual([['subscribeEngine', { engineId: 'remote-1' }]]);
    const status = { type: 'status', status: { status: 'live', since: 1, lastLiveAt: 1 } } as const;
    emit({ engineId: 'embedded', event: status });
    emit({ engineId: 'remote-1', event: status });
    expect(seen).toEqual([status]);
    off();
    expect(listening()).toBe(false);
    expect(calls.at(-1)).toEqual(['unsubscribeEngine', { engineId: 'remote-1' }]);
  });

  it('actions are IPC requests with the engine id; errors keep their code and status', async () => {
    const { api, calls } = fakeApi();
    const transport = createBridgeTransport({
      api,
      engineId: 'embedded',
      engineUrl: 'http://127.0.0.1:7070',
    });
    expect(await transport.acceptAlert('4', 'on it')).toEqual({
      ok: false,
      error: { code: 'illegal_transition', message: 'Already accepted.', status: 409 },
    });
    expect(calls).toEqual([
      ['acceptAlert', { engineId: 'embedded', alertId: '4', comment: 'on it' }],
    ]);
    expect(await transport.whoAmI()).toEqual({
      ok: false,
      error: { code: 'engine_unreachable', message: 'down' },
    });
  });
});
