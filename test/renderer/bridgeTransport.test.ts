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

describe('bridge transport: manage, override and timeline calls', () => {
  it('sends each as its own IPC request with the engine id, the ids and the body', async () => {
    const { api, calls } = fakeApi();
    const t = createBridgeTransport({ api, engineId: 'e1', engineUrl: 'http://127.0.0.1:7070' });
    const levels = [{ targets: [{ type: 'user' as const, id: '2' }], timeoutMinutes: 5 }];
    const override = { start: '2024-04-01T09:00:00Z', end: '2024-04-02T09:00:00Z', userId: '2' };
    const made: Array<[() => Promise<unknown>, string, Record<string, unknown>]> = [
      [() => t.getTimeline('9'), 'getTimeline', { alertId: '9' }],
      [() => t.getAlertSource('3'), 'getAlertSource', { sourceId: '3' }],
      [() => t.createAlertSource({ name: 'P' }), 'createAlertSource', { body: { name: 'P' } }],
      [
        () => t.updateAlertSource('3', { rotateIntegrationKey: true }),
        'updateAlertSource',
        { sourceId: '3', body: { rotateIntegrationKey: true } },
      ],
      [() => t.deleteAlertSource('3'), 'deleteAlertSource', { sourceId: '3' }],
      [
        () => t.createEscalationPolicy({ name: 'Ops', levels }),
        'createEscalationPolicy',
        { body: { name: 'Ops', levels } },
      ],
      [
        () => t.updateEscalationPolicy('4', { name: 'Ops', levels, version: 2 }),
        'updateEscalationPolicy',
        { policyId: '4', body: { name: 'Ops', levels, version: 2 } },
      ],
      [
        () => t.deleteEscalationPolicy('4', 3),
        'deleteEscalationPolicy',
        { policyId: '4', version: 3 },
      ],
      [
        () => t.createUser({ name: 'Ada', email: 'ada@example.test', role: 'admin' }),
        'createUser',
        { body: { name: 'Ada', email: 'ada@example.test', role: 'admin' } },
      ],
      [
        () => t.updateUser('2', { name: 'Ada L.' }),
        'updateUser',
        { userId: '2', body: { name: 'Ada L.' } },
      ],
      [() => t.deleteUser('2'), 'deleteUser', { userId: '2' }],
      [
        () => t.createUserToken('2', { name: 'wall', role: 'viewer' }),
        'createUserToken',
        { userId: '2', body: { name: 'wall', role: 'viewer' } },
      ],
      [() => t.listUserTokens('2'), 'listUserTokens', { userId: '2' }],
      [() => t.revokeUserToken('2', '8'), 'revokeUserToken', { userId: '2', tokenId: '8' }],
      [
        () => t.createTeam({ name: 'DB', members: [] }),
        'createTeam',
        { body: { name: 'DB', members: [] } },
      ],
      [
        () => t.updateTeam('5', { description: 'x' }),
        'updateTeam',
        { teamId: '5', body: { description: 'x' } },
      ],
      [
        () => t.replaceTeamMembers('5', { members: [{ userId: '2', role: 'member' }] }),
        'replaceTeamMembers',
        { teamId: '5', body: { members: [{ userId: '2', role: 'member' }] } },
      ],
      [() => t.deleteTeam('5'), 'deleteTeam', { teamId: '5' }],
      [
        () => t.createOverride('6', override),
        'createOverride',
        { scheduleId: '6', body: override },
      ],
      [
        () => t.deleteOverride('6', 'o1', 4),
        'deleteOverride',
        { scheduleId: '6', overrideId: 'o1', version: 4 },
      ],
    ];
    for (const [make, name, args] of made) {
      expect(await make(), name).toEqual({ ok: true, value: null });
      expect(calls.at(-1)).toEqual([name, { engineId: 'e1', ...args }]);
    }
    expect(calls).toHaveLength(made.length);
  });

  it('passes a refusal on with its code, status and issues', async () => {
    const refusal = {
      ok: false,
      error: {
        code: 'version_conflict',
        message: 'The policy changed since version 1.',
        status: 409,
        issues: [{ path: 'version', message: 'is 2 now' }],
      },
    } as const;
    const api = new Proxy({} as NocturneApi, { get: () => async () => refusal });
    const t = createBridgeTransport({ api, engineId: 'e1', engineUrl: 'http://127.0.0.1:7070' });
    expect(await t.updateEscalationPolicy('4', { name: 'Ops', levels: [], version: 1 })).toEqual(
      refusal,
    );
  });
});
