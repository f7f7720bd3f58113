import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../engine/clock.js';
import { upcomingFromReplica } from '../../../shared/escalation/replicaTimeline.js';
import {
  createPolicy,
  createRoutedSource,
  minutes,
  people,
  sendEvent,
  settle,
} from '../../helpers/escalation.js';
import { client, type Client } from '../../helpers/http.js';
import { createSchedule, takeShift } from '../../helpers/scheduleApi.js';
import { eventually, RawStream } from '../../helpers/streamSocket.js';
import { syncedReplica, type SyncedReplica } from '../../helpers/streamSync.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';
import { addUser } from '../../helpers/users.js';

/**
 * Consoles see escalation live (docs/protocol.md, "Escalation timelines"): policies and each
 * alert's escalation state are replicated, and a wall screen computes "what will happen" from
 * its replica alone — the same answer the REST timeline gives, also after a schedule changes.
 */
const t0 = Date.parse('2026-11-28T09:00:00Z');
let t: TestEngine | null = null;
let synced: SyncedReplica | null = null;
afterEach(async () => {
  synced?.stop();
  synced = null;
  await t?.dispose();
  t = null;
});

async function setup() {
  const clock = new ManualClock(t0);
  t = await startTestEngine({ clock });
  const admin = client(t.url);
  const ids = await people(t, ['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
  const ops = await createSchedule(admin, {
    name: 'Ops',
    timeZone: 'UTC',
    layers: [
      {
        name: 'Daily',
        start: '2026-11-28T08:00:00Z',
        end: null,
        userIds: [ids['Grace Hopper'], ids['Alan Turing']],
        rotation: { anchor: '2026-11-28T08:00:00Z', turn: { unit: 'days', length: 1 } },
        restrictions: [],
      },
    ],
  });
  const policy = await createPolicy(admin, [
    { targets: [{ type: 'user', id: ids['Ada Lovelace']! }], timeoutMinutes: 10 },
    { targets: [{ type: 'schedule', id: ops.id }], timeoutMinutes: 15 },
  ]);
  const source = await createRoutedSource(admin, policy.id, { autoResolveMinutes: 240 });
  return { clock, admin, ids, ops, policy, source };
}

const restUpcoming = async (api: Client, alertId: string) =>
  (await api.get(`/api/v1/alerts/${alertId}/timeline`)).body.upcoming;

describe('stream: escalation', () => {
  it('the snapshot carries policies as stored and the escalation of each live alert', async () => {
    const { admin, policy, source } = await setup();
    const alertId = await sendEvent(t!, source.integrationKey, 'snap');
    await settle(t!);
    const stream = await RawStream.open(t!.url);
    const snapshot = await stream.helloSnapshot();
    const {
      problems: _p,
      alertSources: _s,
      ...stored
    } = (await admin.get(`/api/v1/escalation-policies/${policy.id}`)).body;
    expect(snapshot.escalationPolicies).toEqual([stored]);
    const { escalation } = (await admin.get(`/api/v1/alerts/${alertId}/timeline`)).body;
    expect(snapshot.alertEscalations).toEqual([escalation]);
    expect(escalation).toMatchObject({ alertId, policyId: policy.id, steps: 1 });
    stream.close();
  });

  it('a wall screen projects the timeline from its replica exactly as REST does, live', async () => {
    const { clock, admin, ids, ops, policy, source } = await setup();
    const wall = await addUser(t!, 'viewer', 'Wall', { timeZone: 'Europe/Berlin' });
    const wallApi = client(t!.url, wall.token);
    synced = syncedReplica(t!.url, { token: wall.token });
    await synced.untilLive();
    const { replica } = synced;
    await eventually(() => replica.escalationPolicies.has(policy.id), 'the policy');

    const alertId = await sendEvent(t!, source.integrationKey, 'live');
    await settle(t!);
    const project = () => upcomingFromReplica(replica, alertId, clock.now(), 'Europe/Berlin');
    const matchesRest = async () =>
      isDeepStrictEqual(project()?.items, await restUpcoming(wallApi, alertId));
    await eventually(matchesRest, 'the replica projection to equal REST');
    expect(project()!.items[0]).toMatchObject({
      at: '2026-11-28T09:10:00.000Z',
      text: 'Level 2 at 10:10 → whoever is on call in schedule Ops at that time: Grace Hopper',
    });

    // Someone takes the shift: no escalation change, yet the projection follows the schedule.
    await takeShift(admin, ops.id, 1, {
      start: '2026-11-28T09:05:00Z',
      end: '2026-11-28T12:00:00Z',
      userId: ids['Alan Turing']!,
    });
    await eventually(matchesRest, 'the projection to follow the override');
    expect(project()!.items[0]!.recipients).toEqual([
      expect.objectContaining({ name: 'Alan Turing' }),
    ]);

    clock.advance(minutes(10));
    await settle(t!);
    await eventually(
      () => replica.alertEscalations.get(alertId)?.last?.level === 1,
      'the step to reach the console',
    );
    expect(replica.alertEscalations.get(alertId)!.last!.recipients.map((r) => r.name)).toEqual([
      'Alan Turing',
    ]);
    await eventually(matchesRest, 'the projection after the step');

    expect((await admin.post(`/api/v1/alerts/${alertId}/accept`, {})).status).toBe(200);
    await eventually(
      () => replica.alertEscalations.get(alertId)?.next === null,
      'the halt to reach the console',
    );
    await eventually(matchesRest, 'the projection after the accept');
    expect(project()!.items.map((i) => i.kind)).toEqual(['auto-resolve']);

    // Policies changes reach it too.
    const current = (await admin.get(`/api/v1/escalation-policies/${policy.id}`)).body;
    await admin.put(`/api/v1/escalation-policies/${policy.id}`, { ...current, name: 'Ops 2' });
    await eventually(
      () => replica.escalationPolicies.get(policy.id)?.name === 'Ops 2',
      'the renamed policy',
    );
  });
});
