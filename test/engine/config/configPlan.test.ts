import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyPlan, ApplyFailed } from '../../../engine/config/applyPlan.js';
import { loadEngineState } from '../../../engine/config/configDirectory.js';
import { ConfigFile } from '../../../engine/config/configFile.js';
import { buildPlan } from '../../../engine/config/configPlan.js';
import { validateConfig } from '../../../engine/config/configValidation.js';
import { engineApi } from '../../../engine/config/engineApi.js';
import { configKinds } from '../../../engine/config/kinds/registry.js';
import { configCli } from '../../helpers/configCli.js';
import { client } from '../../helpers/http.js';
import { adminToken, startTestEngine, type TestEngine } from '../../helpers/testEngine.js';

// Each test runs the built CLI several times (a Node process each): give loaded machines room.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

/**
 * `nocturne apply --plan` and `--prune` over real HTTP: a change of one field plans exactly
 * that field, a plan changes nothing, deletions happen only with --prune and show in the plan,
 * and a write based on what someone changed since is refused rather than overwriting it.
 */

const base = (timeout = 10, extraSource = true) => `
users:
  - { email: ada@example.com, name: Ada Lovelace, role: responder, timeZone: Europe/Berlin }
  - { email: grace@example.com, name: Grace Hopper, role: responder }
teams:
  - name: Database Ops
    members: [{ user: ada@example.com, role: manager }, { user: grace@example.com }]
schedules:
  - name: Ops primary
    timeZone: Europe/Berlin
    layers:
      - name: Weekly
        start: 2026-01-05T00:00:00+01:00
        users: [ada@example.com, grace@example.com]
        rotation: { anchor: 2026-01-05T09:00:00+01:00, turn: { unit: weeks, length: 1 } }
escalationPolicies:
  - name: Ops
    levels:
      - { targets: [{ schedule: Ops primary }], timeoutMinutes: ${timeout} }
      - { targets: [{ team: Database Ops }], timeoutMinutes: 15 }
alertSources:
  - { name: Prometheus, escalationPolicy: Ops }
${extraSource ? '  - { name: Legacy Nagios }' : ''}
`;

let t: TestEngine;
let cli: ReturnType<typeof configCli>;
beforeEach(async () => {
  t = await startTestEngine();
  cli = configCli(t.url);
  const first = await cli.apply(cli.file(base()));
  expect(first.code, first.stderr).toBe(0);
});
afterEach(async () => {
  await t.dispose();
  cli.cleanup();
});

const policy = async () => (await client(t.url).get('/api/v1/escalation-policies')).body.items[0];
const sourceNames = async () =>
  (await client(t.url).get('/api/v1/alert-sources')).body.items.map((s: any) => s.name);

describe('nocturne apply --plan', () => {
  it('shows exactly the one field that changed, before → after, and changes nothing', async () => {
    const changed = cli.file(base(12));
    const plan = await cli.apply(changed, '--plan', '--detailed-exitcode');
    expect(plan.code).toBe(2);
    expect(plan.stdout).toBe(
      [
        `Plan for ${changed} → ${t.url}:`,
        '',
        '  ~ escalation policy Ops',
        '      levels.0.timeoutMinutes: 10 → 12',
        '',
        'Plan: 0 to create, 1 to update, 0 to delete, 6 unchanged.',
        '',
      ].join('\n'),
    );
    expect(await policy()).toMatchObject({ version: 1, levels: [{ timeoutMinutes: 10 }, {}] });

    const applied = await cli.apply(changed);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('  updated escalation policy Ops\n');
    expect(applied.stdout).toContain('Applied: 0 created, 1 updated, 0 deleted, 6 unchanged.');
    expect(await policy()).toMatchObject({ version: 2, levels: [{ timeoutMinutes: 12 }, {}] });
  });

  it('shows a changed role of a user and of a team member, field by field', async () => {
    const yaml = base()
      .replace('{ user: grace@example.com }', '{ user: grace@example.com, role: manager }')
      .replace('role: responder, timeZone: Europe/Berlin', 'role: admin, timeZone: Europe/Berlin');
    const plan = await cli.apply(cli.file(yaml), '--plan');
    expect(plan.stdout).toContain(
      [
        '  ~ user ada@example.com',
        '      role: "responder" → "admin"',
        '  ~ team Database Ops',
        '      members.1.role: "member" → "manager"',
      ].join('\n'),
    );
  });
});

describe('nocturne apply --prune', () => {
  it('deletes only with --prune, shows it in the plan, and never deletes the caller', async () => {
    const without = cli.file(base(10, false));
    const plain = await cli.apply(without, '--plan');
    expect(plain.stdout).toMatch(/^No changes/);

    const plan = await cli.apply(without, '--plan', '--prune');
    expect(plan.stdout).toContain(
      '  - alert source Legacy Nagios (its open alerts are resolved and its integration key stops working)',
    );
    // The users section does not name the admin applying it: kept, and said so.
    expect(plan.stdout).toContain('  Not deleted by --prune:\n    user admin@localhost: the user');
    expect(plan.stdout).toContain('Plan: 0 to create, 0 to update, 1 to delete, 6 unchanged.');
    expect(await sourceNames()).toEqual(['Prometheus', 'Legacy Nagios']);

    const pruned = await cli.apply(without, '--prune');
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toContain('  deleted alert source Legacy Nagios\n');
    expect(await sourceNames()).toEqual(['Prometheus']);
    expect((await client(t.url).get('/api/v1/me')).status).toBe(200);
  });

  it('leaves kinds alone that the file has no section for', async () => {
    const onlySources = cli.file(
      'alertSources:\n  - { name: Prometheus, escalationPolicy: Ops }\n',
    );
    const run = await cli.apply(onlySources, '--prune');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  deleted alert source Legacy Nagios\n');
    expect((await client(t.url).get('/api/v1/schedules')).body.items).toHaveLength(1);
    expect((await client(t.url).get('/api/v1/users')).body.items).toHaveLength(3);
  });

  it('refuses a reference to something --prune would delete, before changing anything', async () => {
    const yaml = [
      'schedules: []',
      'escalationPolicies:',
      '  - name: Ops',
      '    levels:',
      '      - { targets: [{ schedule: Ops primary }], timeoutMinutes: 10 }',
      '',
    ].join('\n');
    const run = await cli.apply(cli.file(yaml), '--prune');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /\.yaml:5:33: schedule "Ops primary" is not in this file, so --prune would delete it/,
    );
    expect(run.stderr).toContain('nothing was applied');
    expect((await client(t.url).get('/api/v1/schedules')).body.items).toHaveLength(1);
  });
});

describe('concurrent changes', () => {
  it('refuses to overwrite a schedule someone changed after the plan read it', async () => {
    // Plan and apply in this process, with another admin's change in between: the PUT names
    // the version the plan compared, the engine answers 409, and apply stops there.
    const api = engineApi(t.url, adminToken);
    const file = ConfigFile.parse('ops.yaml', base().replace('name: Weekly', 'name: Weekly rota'));
    const { config } = validateConfig(file, configKinds);
    const state = await loadEngineState(api, configKinds);
    const plan = buildPlan(config, state, configKinds, {
      prune: false,
      context: { callerUserId: '1' },
    });
    expect(plan.changes.map((c) => `${c.action} ${c.key}`)).toEqual(['update Ops primary']);

    const rest = client(t.url);
    const [schedule] = (await rest.get('/api/v1/schedules')).body.items;
    const { createdAt: _c, updatedAt: _u, problems: _p, ...body } = schedule;
    const edited = { ...body, layers: [{ ...body.layers[0], name: 'Weekly (edited)' }] };
    expect((await rest.put(`/api/v1/schedules/${schedule.id}`, edited)).status).toBe(200);

    const error = await applyPlan(plan, api, file, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplyFailed);
    expect((error as ApplyFailed).message).toMatch(
      /^ops\.yaml:\d+:\d+: could not update schedule Ops primary: Schedule \d+ was changed since version 1 .*\(409 version_conflict\)/,
    );
    const [now] = (await rest.get('/api/v1/schedules')).body.items;
    expect(now.layers[0].name).toBe('Weekly (edited)');
  });
});
