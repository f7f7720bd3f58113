import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPolicy,
  createRoutedSource,
  people,
  type LevelBody,
} from '../../helpers/escalation.js';
import { client, type Client } from '../../helpers/http.js';
import { createSchedule, dailyLayer, scheduleBody } from '../../helpers/scheduleApi.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';
import { addUser } from '../../helpers/users.js';

/**
 * `/api/v1/escalation-policies` (docs/api.md, "Escalation policies"): CRUD with versions,
 * validation with codes and paths, policies in use, and alert sources that must name a policy
 * that exists.
 */
describe('escalation policies over REST', () => {
  let t: TestEngine;
  let admin: Client;
  let viewer: Client;
  let ids: Record<string, string>;
  let scheduleId: string;
  let teamId: string;
  beforeAll(async () => {
    t = await startTestEngine();
    admin = client(t.url);
    viewer = client(t.url, (await addUser(t, 'viewer', 'Wall')).token);
    ids = await people(t, ['Ada', 'Grace']);
    scheduleId = (await createSchedule(admin, scheduleBody([dailyLayer([ids.Ada!, ids.Grace!])])))
      .id;
    teamId = (await admin.post('/api/v1/teams', { name: 'SRE' })).body.id;
  });
  afterAll(async () => t.dispose());

  const levels = (): LevelBody[] => [
    { targets: [{ type: 'user', id: ids.Ada! }], timeoutMinutes: 5 },
    {
      targets: [
        { type: 'schedule', id: scheduleId },
        { type: 'team', id: teamId },
      ],
      timeoutMinutes: 15,
      roundRobin: true,
    },
  ];

  it('creates a policy with defaults, serves it to everyone with its version as ETag', async () => {
    const created = await admin.post('/api/v1/escalation-policies', {
      name: '  Primary  ',
      levels: levels(),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/escalation-policies/${created.body.id}`);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      name: 'Primary',
      repeat: 0,
      version: 1,
      levels: [
        { targets: [{ type: 'user', id: ids.Ada }], timeoutMinutes: 5, roundRobin: false },
        { timeoutMinutes: 15, roundRobin: true },
      ],
      problems: [],
      alertSources: [],
    });
    const read = await viewer.get(`/api/v1/escalation-policies/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    const list = await viewer.get('/api/v1/escalation-policies');
    expect(list.body.items.map((p: any) => p.id)).toContain(created.body.id);
  });

  it('refuses invalid policies with 400 invalid_escalation_policy, naming each problem', async () => {
    const res = await admin.post('/api/v1/escalation-policies', {
      name: 'Bad',
      repeat: 10,
      levels: [
        { targets: [], timeoutMinutes: 0 },
        {
          targets: [
            { type: 'user', id: '999' },
            { type: 'team', id: 'x' },
          ],
          timeoutMinutes: 1441,
        },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_escalation_policy');
    expect(res.body.error.message).toMatch(
      /^The escalation policy is not valid: repeat: repeat must be 0 to 9/,
    );
    expect(res.body.problems.map((p: any) => `${p.path} ${p.code}`)).toEqual([
      'repeat repeat_out_of_range',
      'levels.0.targets no_targets',
      'levels.0.timeoutMinutes timeout_out_of_range',
      'levels.1.timeoutMinutes timeout_out_of_range',
      'levels.1.targets.0.id unknown_user',
      'levels.1.targets.1.id unknown_team',
    ]);
    expect(res.body.error.issues[1]).toEqual({
      path: 'levels.0.targets',
      message: 'A level needs at least one target: a user, a schedule or a team.',
    });

    const empty = await admin.post('/api/v1/escalation-policies', { name: 'Empty', levels: [] });
    expect(empty.body.problems).toEqual([
      expect.objectContaining({ path: 'levels', code: 'no_levels' }),
    ]);
    const typo = await admin.post('/api/v1/escalation-policies', {
      name: 'Typo',
      levels: [{ targets: [{ type: 'person', id: '1' }], timeoutMinutes: 5, roundrobin: true }],
    });
    expect(typo.status).toBe(400);
    expect(typo.body.problems.map((p: any) => `${p.path} ${p.code}`)).toEqual([
      'levels.0.targets.0.type invalid_field',
      'levels.0.roundrobin unknown_field',
    ]);
  });

  it('changes a policy only from its current version: 428 without one, 409 with a stale one', async () => {
    const policy = await createPolicy(admin, levels(), { name: 'Versioned' });
    const path = `/api/v1/escalation-policies/${policy.id}`;
    const change = { ...policy, name: 'Versioned v2', repeat: 2 };
    const missing = await admin.put(path, { name: 'x', levels: levels() });
    expect(missing.status).toBe(428);
    expect(missing.body.error.code).toBe('version_required');

    const saved = await admin.put(path, change); // a GET answer sent back, with version 1
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ name: 'Versioned v2', repeat: 2, version: 2 });
    expect(saved.headers.get('etag')).toBe('"2"');

    const stale = await admin.put(path, { ...change, name: 'Lost update' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.current).toMatchObject({ version: 2, name: 'Versioned v2' });

    const same = await admin.put(path, { ...saved.body });
    expect(same.body.version).toBe(2); // nothing changed: the version stays

    const forbidden = await viewer.put(path, saved.body);
    expect(forbidden.status).toBe(403);
  });

  it('deletes a policy no source uses; one in use answers 409 naming the sources', async () => {
    const policy = await createPolicy(admin, levels(), { name: 'In use' });
    const source = await createRoutedSource(admin, policy.id, { name: 'Prometheus prod' });
    const path = `/api/v1/escalation-policies/${policy.id}`;
    const inUse = await admin.delete(`${path}?version=1`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error).toMatchObject({
      code: 'escalation_policy_in_use',
      message:
        'Escalation policy ' +
        policy.id +
        ' is used by alert source "Prometheus prod": give them another policy (or none) first, then delete it.',
    });
    expect(inUse.body.alertSources).toEqual([{ id: source.id, name: 'Prometheus prod' }]);
    expect((await admin.get(path)).body.alertSources).toEqual([
      { id: source.id, name: 'Prometheus prod' },
    ]);

    await admin.patch(`/api/v1/alert-sources/${source.id}`, { escalationPolicyId: null });
    expect((await admin.delete(`${path}?version=1`)).body).toEqual({ deleted: true });
    const gone = await admin.get(path);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('escalation_policy_not_found');
  });

  it('shows targets deleted since as problems of the stored policy', async () => {
    const temp = await addUser(t, 'responder', 'Temp');
    const policy = await createPolicy(admin, [
      { targets: [{ type: 'user', id: temp.user.id }], timeoutMinutes: 5 },
    ]);
    await admin.delete(`/api/v1/users/${temp.user.id}`);
    const read = await admin.get(`/api/v1/escalation-policies/${policy.id}`);
    expect(read.body.problems).toEqual([
      expect.objectContaining({ path: 'levels.0.targets.0.id', code: 'unknown_user' }),
    ]);
  });
});

describe('alert sources and escalation', () => {
  let t: TestEngine;
  let admin: Client;
  let policyId: string;
  beforeAll(async () => {
    t = await startTestEngine();
    admin = client(t.url);
    const ids = await people(t, ['Ada']);
    policyId = (
      await createPolicy(admin, [{ targets: [{ type: 'user', id: ids.Ada! }], timeoutMinutes: 5 }])
    ).id;
  });
  afterAll(async () => t.dispose());

  it('must name a policy that exists: 400 escalation_policy_not_found', async () => {
    for (const bad of ['999', 'ops-primary']) {
      const res = await admin.post('/api/v1/alert-sources', { name: 'S', escalationPolicyId: bad });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'escalation_policy_not_found',
        message: `There is no escalation policy "${bad}": pick one from GET /api/v1/escalation-policies, or send null for none.`,
        issues: [{ path: 'escalationPolicyId', message: 'names no escalation policy' }],
      });
    }
    const source = await createRoutedSource(admin, null);
    const patched = await admin.patch(`/api/v1/alert-sources/${source.id}`, {
      escalationPolicyId: '999',
    });
    expect(patched.status).toBe(400);
    const ok = await admin.patch(`/api/v1/alert-sources/${source.id}`, {
      escalationPolicyId: policyId,
    });
    expect(ok.body.escalationPolicyId).toBe(policyId);
  });

  it('takes acknowledgement and auto-resolve timeouts in minutes, null for none', async () => {
    const source = await createRoutedSource(admin, policyId, {
      ackTimeoutMinutes: 30,
      autoResolveMinutes: 240,
    });
    expect(source).toMatchObject({ ackTimeoutMinutes: 30, autoResolveMinutes: 240 });
    const cleared = await admin.patch(`/api/v1/alert-sources/${source.id}`, {
      ackTimeoutMinutes: null,
    });
    expect(cleared.body).toMatchObject({ ackTimeoutMinutes: null, autoResolveMinutes: 240 });
    for (const [field, value] of [
      ['ackTimeoutMinutes', 0],
      ['ackTimeoutMinutes', 10_081],
      ['autoResolveMinutes', 43_201],
      ['autoResolveMinutes', 1.5],
      ['autoResolveMinutes', '60'],
    ] as const) {
      const res = await admin.patch(`/api/v1/alert-sources/${source.id}`, { [field]: value });
      expect(res.status, `${field} ${value}`).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
      expect(res.body.error.issues[0].path).toBe(field);
    }
    const plain = await createRoutedSource(admin, null);
    expect(plain).toMatchObject({ ackTimeoutMinutes: null, autoResolveMinutes: null });
  });
});
