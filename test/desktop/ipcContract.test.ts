import { describe, expect, it, vi } from 'vitest';
import {
  ipcRequests,
  requestChannel,
  requestNames,
  type NocturneApi,
} from '../../shared/ipc/ipcContract.js';
import { createIpcDispatcher, ok, type IpcHandlers } from '../../main/ipc/ipcDispatcher.js';

const exposed: Record<string, unknown> = {};
const invoked: Array<{ channel: string; args: unknown }> = [];
const listeners = new Map<string, Array<(...a: unknown[]) => void>>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: async (channel: string, args: unknown) => {
      invoked.push({ channel, args });
      return { ok: true, value: 'answer' };
    },
    on: (channel: string, fn: (...a: unknown[]) => void) =>
      listeners.set(channel, [...(listeners.get(channel) ?? []), fn]),
    removeListener: (channel: string, fn: (...a: unknown[]) => void) =>
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((f) => f !== fn),
      ),
  },
}));

describe('preload bridge', () => {
  it('exposes window.nocturne: exactly one function per request and one on… per event, nothing generic', async () => {
    await import('../../preload/preload.js');
    const api = exposed.nocturne as NocturneApi & Record<string, unknown>;
    const keys = Object.keys(api).sort();
    const events = [
      'onEnginesChanged',
      'onFocusAlert',
      'onNotificationsPaused',
      'onPlanningChanged',
      'onSettingsChanged',
      'onSyncEvent',
    ];
    expect(keys).toEqual([...requestNames, ...events].sort());
    for (const key of keys) expect(typeof api[key]).toBe('function');
    for (const generic of ['send', 'invoke', 'on', 'ipcRenderer', 'require'])
      expect(api[generic]).toBeUndefined();

    expect(await api.acceptAlert({ engineId: 'embedded', alertId: '4' })).toEqual({
      ok: true,
      value: 'answer',
    });
    expect(invoked.at(-1)).toEqual({
      channel: 'nocturne:acceptAlert',
      args: { engineId: 'embedded', alertId: '4' },
    });

    const seen: unknown[] = [];
    const off = api.onFocusAlert((payload) => seen.push(payload));
    for (const fn of listeners.get('nocturne-event:focusAlert') ?? [])
      fn({ sender: 'ipcRenderer!' }, { engineId: 'e', alertId: '1' });
    expect(seen).toEqual([{ engineId: 'e', alertId: '1' }]);
    off();
    expect(listeners.get('nocturne-event:focusAlert')).toEqual([]);
  });
});

describe('main dispatcher', () => {
  const trusted = new Set([7]);
  const sender = { frameUrl: 'app://nocturne/', isMainFrame: true, webContentsId: 7 };
  const calls: unknown[] = [];
  const handlers = Object.fromEntries(
    requestNames.map((name) => [
      name,
      (args: unknown, ctx: unknown) => (calls.push({ name, args, ctx }), ok(name)),
    ]),
  ) as unknown as IpcHandlers;
  const logs: string[] = [];
  const dispatch = createIpcDispatcher(
    handlers,
    () => trusted,
    (line) => logs.push(line),
  );

  it('every request of the contract has a channel and a schema', () => {
    for (const name of requestNames) {
      expect(requestChannel(name)).toBe(`nocturne:${name}`);
      expect(typeof ipcRequests[name].args.safeParse).toBe('function');
    }
  });

  it('checks the sender before anything else', async () => {
    const answer = await dispatch(
      'listEngines',
      { ...sender, frameUrl: 'https://evil.example/' },
      {},
    );
    expect(answer).toEqual({
      ok: false,
      error: { code: 'forbidden_sender', message: expect.any(String) },
    });
    expect(await dispatch('listEngines', { ...sender, webContentsId: 8 }, {})).toMatchObject({
      ok: false,
    });
    expect(calls).toEqual([]);
    expect(logs[0]).toMatch(/refused listEngines from https:\/\/evil.example/);
  });

  it('validates every argument with the schema', async () => {
    const bad: Array<[Parameters<typeof dispatch>[0], unknown]> = [
      ['acceptAlert', { engineId: 'embedded' }],
      ['acceptAlert', { engineId: 'embedded', alertId: '1', extra: true }],
      ['acceptAlert', 'embedded'],
      ['pauseNotifications', { minutes: 45 }],
      ['openWallWindow', { displayId: '2' }],
      [
        'draftOverride',
        {
          engineId: 'e',
          scheduleId: '1',
          baseVersion: 3,
          start: '2024-03-30T12:00:00',
          end: '2024-03-31T12:00:00Z',
          userId: '5',
        },
      ],
      ['updateSettings', { patch: { theme: 'neon' } }],
      ['updateSettings', { patch: { engines: { remotes: [] } } }],
      ['addRemoteEngine', { label: 'x', url: 'https://e', token: '' }],
    ];
    for (const [name, args] of bad) {
      const answer = await dispatch(name, sender, args);
      expect(answer, `${name} ${JSON.stringify(args)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument' },
      });
    }
    expect(calls).toEqual([]);
    expect(await dispatch('pauseNotifications', sender, { minutes: null })).toEqual({
      ok: true,
      value: 'pauseNotifications',
    });
    expect(await dispatch('getAppInfo', sender, undefined)).toEqual({
      ok: true,
      value: 'getAppInfo',
    });
    expect(calls).toEqual([
      { name: 'pauseNotifications', args: { minutes: null }, ctx: { webContentsId: 7 } },
      { name: 'getAppInfo', args: {}, ctx: { webContentsId: 7 } },
    ]);
  });

  it('a handler that throws answers with a code, never a rejection', async () => {
    const failing = createIpcDispatcher(
      {
        ...handlers,
        listEngines: () => {
          throw Object.assign(new Error('keyring locked'), { code: 'secure_storage_unavailable' });
        },
      },
      () => trusted,
      () => undefined,
    );
    expect(await failing('listEngines', sender, {})).toEqual({
      ok: false,
      error: { code: 'secure_storage_unavailable', message: 'keyring locked' },
    });
  });
});
