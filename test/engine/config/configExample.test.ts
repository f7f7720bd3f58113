import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configCli } from '../../helpers/configCli.js';
import { client } from '../../helpers/http.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';

// Each test runs the built CLI several times (a Node process each): give loaded machines room.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

/**
 * docs/examples/nocturne.yaml, the example of docs/config-as-code.md, applied to an empty engine
 * over real HTTP with the built CLI: everything it names exists afterwards, references resolved
 * to ids, and applying it again changes nothing. So the documented example never goes stale.
 */
const example = fileURLToPath(new URL('../../../docs/examples/nocturne.yaml', import.meta.url));

describe('nocturne apply: the documented example', () => {
  let t: TestEngine;
  let cli: ReturnType<typeof configCli>;
  beforeAll(async () => {
    t = await startTestEngine();
    cli = configCli(t.url);
  });
  afterAll(async () => {
    await t.dispose();
    cli.cleanup();
  });

  it('creates everything on an empty engine, in dependency order, and prints the plan first', async () => {
    const run = await cli.apply(example);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Plan for .*nocturne\.yaml → http:\/\/127\.0\.0\.1:\d+:/);
    expect(run.stdout).toContain('Plan: 12 to create, 0 to update, 0 to delete, 0 unchanged.');
    const applied = run.stdout.split('Applying:\n')[1]!.trim().split('\n').slice(0, 12);
    expect(applied.map((line) => line.trim().replace(/ [^ ]+$/, ''))).toEqual([
      ...Array(4).fill('created user'),
      'created team Database',
      'created schedule Ops',
      'created schedule Database',
      'created escalation policy Database',
      'created alert source Prometheus',
      'created alert source Website',
      'created alert source Batch jobs (no',
      'created heartbeat monitor Nightly database',
    ]);
    expect(run.stdout).toMatch(/Applied: 12 created, 0 updated, 0 deleted, 0 unchanged\.\n$/);

    const api = client(t.url);
    const users = (await api.get('/api/v1/users')).body.items;
    const id = (email: string) => users.find((u: any) => u.email === email).id;
    expect(users.find((u: any) => u.email === 'grace@example.com')).toMatchObject({
      name: 'Grace Hopper',
      role: 'responder',
      timeZone: 'America/New_York',
    });
    const rules = (await api.get(`/api/v1/users/${id('grace@example.com')}/notification-rules`))
      .body.items;
    expect(rules.map((r: any) => [r.channel, r.delayMinutes, r.address])).toEqual([
      ['console', 0, null],
      ['email', 2, 'grace.pager@example.com'],
      ['webhook', 10, 'https://chat.example.com/hooks/T0001/B0001/grace'],
    ]);
    // Alan's entry names no rules: he keeps the defaults a new user gets.
    expect(
      (await api.get(`/api/v1/users/${id('alan@example.com')}/notification-rules`)).body.items,
    ).toHaveLength(3);

    const [team] = (await api.get('/api/v1/teams')).body.items;
    expect(team.members).toEqual(
      expect.arrayContaining([{ userId: id('ada@example.com'), role: 'manager' }]),
    );
    const schedules = (await api.get('/api/v1/schedules')).body.items;
    const ops = schedules.find((s: any) => s.name === 'Ops primary');
    expect(ops.layers[0]).toMatchObject({
      id: 'weekly',
      userIds: ['ada@example.com', 'grace@example.com', 'alan@example.com'].map(id),
      end: null,
      restrictions: [],
    });
    const [policy] = (await api.get('/api/v1/escalation-policies')).body.items;
    expect(policy.levels[0].targets).toEqual([{ type: 'schedule', id: ops.id }]);
    expect(policy.levels[2]).toMatchObject({
      targets: [{ type: 'team', id: team.id }],
      roundRobin: true,
    });
    expect(policy.problems).toEqual([]);
    const sources = (await api.get('/api/v1/alert-sources')).body.items;
    expect(sources.map((s: any) => [s.name, s.escalationPolicyId, s.ackTimeoutMinutes])).toEqual([
      ['Prometheus prod', policy.id, 60],
      ['Website uptime', policy.id, null],
      ['Batch jobs (no paging)', null, null],
    ]);
  });

  it('changes nothing when applied again: the plan is empty, exit 0 even with --detailed-exitcode', async () => {
    const versions = async () =>
      (await client(t.url).get('/api/v1/schedules')).body.items.map((s: any) => s.version);
    const before = await versions();
    const again = await cli.apply(example);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^No changes: the engine matches .* \(12 unchanged\)\.\n$/);
    expect(await versions()).toEqual(before);
    const plan = await cli.apply(example, '--plan', '--detailed-exitcode');
    expect(plan.code).toBe(0);
  });
});
