import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineRegistry } from '../../main/engines/engineRegistry.js';
import { createIpcDispatcher } from '../../main/ipc/ipcDispatcher.js';
import { createIpcHandlers, type IpcServices } from '../../main/ipc/ipcHandlers.js';
import type { RequestArgs, RequestName, RequestResult } from '../../shared/ipc/ipcContract.js';
import type { IpcResult } from '../../shared/ipc/ipcViews.js';
import { createRoutedSource, sendEvent } from '../helpers/escalation.js';
import { client } from '../helpers/http.js';
import { createSchedule, scheduleBody, weeklyLayer } from '../helpers/scheduleApi.js';
import { adminToken, startTestEngine, type TestEngine } from '../helpers/testEngine.js';

/**
 * The console's manage, override and timeline calls in the desktop app: through main's real
 * dispatcher (sender check, the contract's schemas) and handlers, over an engine connection's
 * REST client, to a real engine on 127.0.0.1 — as the bridge transport makes them.
 */
let t: TestEngine;
let registry: EngineRegistry;
/** `METHOD /path` of every REST call main made to the engine. */
const restCalls: string[] = [];
const sender = { frameUrl: 'app://nocturne/', isMainFrame: true, webContentsId: 7 };
let dispatch: ReturnType<typeof createIpcDispatcher>;

beforeAll(async () => {
  t = await startTestEngine();
  registry = new EngineRegistry({
    forward: () => undefined,
    onNewAlert: () => undefined,
    onNotification: () => undefined,
    onDidChange: () => undefined,
  });
  const recording: typeof fetch = (input, init) => {
    restCalls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
    return fetch(input, init);
  };
  registry.connect({
    id: 'e1',
    label: 'Test engine',
    kind: 'remote',
    url: t.url,
    token: adminToken,
    fetch: recording,
  });
  // Only the engine requests are exercised here: the other services are never reached.
  const handlers = createIpcHandlers({ registry } as unknown as IpcServices);
  dispatch = createIpcDispatcher(
    handlers,
    () => new Set([7]),
    () => undefined,
  );
});
afterAll(async () => {
  registry?.disconnect('e1');
  await t?.dispose();
});

const call = <N extends RequestName>(name: N, args: RequestArgs<N>) =>
  dispatch(name, sender, args) as Promise<IpcResult<RequestResult<N>>>;

/** The value of a call that must succeed (the error in the message when it did not). */
async function value<N extends RequestName>(
  name: N,
  args: RequestArgs<N>,
): Promise<RequestResult<N>> {
  const result = await call(name, args);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value;
}

let serial = 0;
const newUser = (name: string) =>
  value('createUser', {
    engineId: 'e1',
    body: { name, email: `ipc-${++serial}-${Date.now()}@example.test`, role: 'responder' },
  });

describe('manage calls over IPC against a real engine', () => {
  it('creates, renames, rotates the key of and deletes an alert source', async () => {
    const created = await value('createAlertSource', {
      engineId: 'e1',
      body: { name: 'Prometheus', ackTimeoutMinutes: 30 },
    });
    expect(created).toMatchObject({ name: 'Prometheus', ackTimeoutMinutes: 30 });
    const oldKey = created.integrationKey;
    expect(oldKey).toMatch(/\w{16,}/);

    const renamed = await value('updateAlertSource', {
      engineId: 'e1',
      sourceId: created.id,
      body: { name: 'Prometheus prod' },
    });
    expect(renamed).toMatchObject({ name: 'Prometheus prod', integrationKey: oldKey });
    const rotated = await value('updateAlertSource', {
      engineId: 'e1',
      sourceId: created.id,
      body: { rotateIntegrationKey: true },
    });
    expect(rotated.integrationKey).toMatch(/\w{16,}/);
    expect(rotated.integrationKey).not.toBe(oldKey);
    expect(await value('getAlertSource', { engineId: 'e1', sourceId: created.id })).toMatchObject({
      integrationKey: rotated.integrationKey,
    });

    expect(await value('deleteAlertSource', { engineId: 'e1', sourceId: created.id })).toEqual({
      deleted: true,
      resolvedAlerts: 0,
    });
    expect(await call('getAlertSource', { engineId: 'e1', sourceId: created.id })).toMatchObject({
      ok: false,
      error: { code: 'alert_source_not_found', status: 404 },
    });
  });

  it('passes a stale-version policy update on as 409 version_conflict, and the engine’s issues', async () => {
    const ada = await newUser('Ada');
    const levels = [{ targets: [{ type: 'user' as const, id: ada.id }], timeoutMinutes: 5 }];
    const policy = await value('createEscalationPolicy', {
      engineId: 'e1',
      body: { name: 'Ops', levels },
    });
    expect(policy).toMatchObject({ name: 'Ops', version: 1, problems: [] });

    const renamed = await value('updateEscalationPolicy', {
      engineId: 'e1',
      policyId: policy.id,
      body: { name: 'Ops primary', levels, version: 1 },
    });
    expect(renamed).toMatchObject({ name: 'Ops primary', version: 2 });
    expect(
      await call('updateEscalationPolicy', {
        engineId: 'e1',
        policyId: policy.id,
        body: { name: 'Ops stale', levels, version: 1 },
      }),
    ).toEqual({
      ok: false,
      error: { code: 'version_conflict', message: expect.any(String), status: 409 },
    });

    const nobody = await call('createEscalationPolicy', {
      engineId: 'e1',
      body: {
        name: 'Broken',
        levels: [{ targets: [{ type: 'user', id: '999999' }], timeoutMinutes: 5 }],
      },
    });
    expect(nobody).toMatchObject({ ok: false, error: { status: 400 } });
    expect(!nobody.ok && nobody.error.issues?.[0]?.path).toMatch(/^levels\.0/);

    expect(
      await value('deleteEscalationPolicy', { engineId: 'e1', policyId: policy.id, version: 2 }),
    ).toEqual({ deleted: true });
  });

  it('creates a user and a token, lists the tokens, revokes it; updates and deletes the user', async () => {
    const grace = await newUser('Grace');
    expect(
      await value('updateUser', {
        engineId: 'e1',
        userId: grace.id,
        body: { timeZone: 'Europe/Berlin' },
      }),
    ).toMatchObject({ id: grace.id, timeZone: 'Europe/Berlin' });

    const token = await value('createUserToken', {
      engineId: 'e1',
      userId: grace.id,
      body: { name: 'NOC wall', role: 'viewer' },
    });
    expect(token).toMatchObject({ name: 'NOC wall', role: 'viewer' });
    expect((await client(t.url, token.token).get('/api/v1/me')).status).toBe(200);

    const listed = await value('listUserTokens', { engineId: 'e1', userId: grace.id });
    expect(listed.items.map((item) => item.id)).toContain(token.id);
    expect(JSON.stringify(listed)).not.toContain(token.token);

    expect(
      await value('revokeUserToken', { engineId: 'e1', userId: grace.id, tokenId: token.id }),
    ).toEqual({ revoked: true });
    expect((await client(t.url, token.token).get('/api/v1/me')).status).toBe(401);
    expect(await value('deleteUser', { engineId: 'e1', userId: grace.id })).toMatchObject({
      deleted: true,
    });
  });

  it('creates a team, replaces its members, renames and deletes it', async () => {
    const [lin, max] = [await newUser('Lin'), await newUser('Max')];
    const team = await value('createTeam', {
      engineId: 'e1',
      body: { name: 'Database', members: [{ userId: lin.id, role: 'manager' }] },
    });
    expect(team.members).toEqual([{ userId: lin.id, role: 'manager' }]);
    const replaced = await value('replaceTeamMembers', {
      engineId: 'e1',
      teamId: team.id,
      body: { members: [{ userId: lin.id, role: 'member' }, { userId: max.id }] },
    });
    expect(replaced.members).toEqual([
      { userId: lin.id, role: 'member' },
      { userId: max.id, role: 'member' },
    ]);
    expect(
      await value('updateTeam', {
        engineId: 'e1',
        teamId: team.id,
        body: { description: 'Postgres and Redis' },
      }),
    ).toMatchObject({ name: 'Database', description: 'Postgres and Redis' });
    expect(await value('deleteTeam', { engineId: 'e1', teamId: team.id })).toEqual({
      deleted: true,
    });
  });
});

describe('overrides and timelines over IPC against a real engine', () => {
  it('takes a shift and gives it back, each on the version read', async () => {
    const [a, b] = [await newUser('Alex'), await newUser('Bo')];
    const schedule = await createSchedule(client(t.url), scheduleBody([weeklyLayer([a.id, b.id])]));
    const body = {
      start: '2024-04-01T09:00:00+02:00',
      end: '2024-04-02T09:00:00+02:00',
      userId: b.id,
      version: 1,
    };
    const taken = await value('createOverride', {
      engineId: 'e1',
      scheduleId: schedule.id,
      body,
    });
    expect(taken.schedule.version).toBe(2);
    expect(taken.override).toMatchObject({ userId: b.id });
    expect(
      await call('createOverride', { engineId: 'e1', scheduleId: schedule.id, body }),
    ).toMatchObject({ ok: false, error: { code: 'version_conflict', status: 409 } });

    const given = await value('deleteOverride', {
      engineId: 'e1',
      scheduleId: schedule.id,
      overrideId: taken.override.id,
      version: 2,
    });
    expect(given).toMatchObject({ version: 3, overrides: [] });
  });

  it('reads the escalation timeline of an alert created by ingest', async () => {
    const cy = await newUser('Cy');
    const policy = await value('createEscalationPolicy', {
      engineId: 'e1',
      body: {
        name: 'Timeline',
        levels: [{ targets: [{ type: 'user', id: cy.id }], timeoutMinutes: 5 }],
      },
    });
    const source = await createRoutedSource(client(t.url), policy.id);
    const alertId = await sendEvent(t, source.integrationKey, 'disk-db-1');
    const timeline = await value('getTimeline', { engineId: 'e1', alertId });
    expect(timeline).toMatchObject({ alertId, policy: { id: policy.id, name: 'Timeline' } });
    expect(timeline.happened.map((entry) => entry.kind)).toContain('created');
  });

  it('refuses bad arguments before any REST call, and encodes ids into the path', async () => {
    const before = restCalls.length;
    const bad: Array<[RequestName, unknown]> = [
      ['createAlertSource', { engineId: 'e1', body: { name: 'x', sneaky: true } }],
      ['createAlertSource', { engineId: 'e1', body: { name: 'x' }, path: '/api/v1/users' }],
      ['getAlertSource', { engineId: 'e1', sourceId: '1'.repeat(129) }],
      ['getAlertSource', { engineId: 'e1', sourceId: '' }],
      ['createUser', { engineId: 'e1', body: { name: 'x', email: 'x@example.test', role: 'god' } }],
      ['deleteEscalationPolicy', { engineId: 'e1', policyId: '1', version: 0 }],
      ['deleteOverride', { engineId: 'e1', scheduleId: '1', overrideId: '2', version: 1.5 }],
      ['revokeUserToken', { engineId: 'e1', userId: '1' }],
      ['getTimeline', { engineId: 'e'.repeat(65), alertId: '1' }],
    ];
    for (const [name, args] of bad)
      expect(await dispatch(name, sender, args), `${name} ${JSON.stringify(args)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument' },
      });
    expect(await call('getTimeline', { engineId: 'nope', alertId: '1' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_engine' },
    });
    // (The stream's own `GET /api/v1/me`, should it ask again meanwhile, is not one of these.)
    expect(restCalls.slice(before).filter((line) => !line.endsWith('/api/v1/me'))).toEqual([]);

    expect(await call('getAlertSource', { engineId: 'e1', sourceId: '../users' })).toMatchObject({
      ok: false,
      error: { status: 404 },
    });
    expect(restCalls).toContain('GET /api/v1/alert-sources/..%2Fusers');
  });
});
