import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configCli, withoutHeader } from '../../helpers/configCli.js';
import { client } from '../../helpers/http.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';

// Each test runs the built CLI several times (a Node process each): give loaded machines room.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

/**
 * `nocturne export` writes what `nocturne apply` reads: export → apply on the same engine plans
 * nothing, and export → apply on an empty engine reproduces the configuration (its own export
 * is the same file). Secrets stay out of it.
 */
const example = fileURLToPath(new URL('../../../docs/examples/nocturne.yaml', import.meta.url));

describe('nocturne export', () => {
  let a: TestEngine;
  let b: TestEngine;
  let cliA: ReturnType<typeof configCli>;
  let cliB: ReturnType<typeof configCli>;
  beforeAll(async () => {
    [a, b] = await Promise.all([startTestEngine(), startTestEngine()]);
    cliA = configCli(a.url);
    cliB = configCli(b.url);
    expect((await cliA.apply(example)).code).toBe(0);
    // Something the example does not have: an override (operational, not exported).
    const api = client(a.url);
    const [schedule] = (await api.get('/api/v1/schedules')).body.items;
    const override = await api.post(`/api/v1/schedules/${schedule.id}/overrides`, {
      start: '2026-02-02T09:00:00+01:00',
      end: '2026-02-03T09:00:00+01:00',
      userId: schedule.layers[0].userIds[1],
      version: schedule.version,
    });
    expect(override.status).toBe(201);
  });
  afterAll(async () => {
    await Promise.all([a.dispose(), b.dispose()]);
    cliA.cleanup();
    cliB.cleanup();
  });

  it('writes a file that plans no change on the same engine, without secrets', async () => {
    const out = `${cliA.dir}/exported.yaml`;
    const run = await cliA.export('--output', out);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`Exported the configuration of ${a.url} to ${out}.\n`);
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toMatch(/^# Nocturne configuration, exported from http:\/\/127\.0\.0\.1:\d+ at /);
    for (const source of (await client(a.url).get('/api/v1/alert-sources')).body.items) {
      expect(yaml).not.toContain(source.integrationKey);
    }
    expect(withoutHeader(yaml)).not.toMatch(/noc_|integrationKey|overrides/);
    expect(yaml).toContain(
      "restrictions:\n          - { kind: daily, start: '08:00', end: '20:00' }",
    );

    const plan = await cliA.apply(out, '--plan', '--detailed-exitcode');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/^No changes: the engine matches .* \(13 unchanged\)\.\n$/);
  });

  it('reproduces the configuration on an empty engine: its own export is the same', async () => {
    const fromA = await cliA.export();
    expect(fromA.code).toBe(0);
    const applied = await cliB.apply(cliB.file(fromA.stdout));
    expect(applied.code, applied.stderr).toBe(0);
    // The admin of a new engine is already there, as in every engine: 12 created, 1 unchanged.
    expect(applied.stdout).toContain('Applied: 12 created, 0 updated, 0 deleted, 1 unchanged.');
    const fromB = await cliB.export();
    expect(withoutHeader(fromB.stdout)).toBe(withoutHeader(fromA.stdout));
  });

  it('warns about what a file cannot name, such as a deleted user still in a rotation', async () => {
    const api = client(b.url);
    const users = (await api.get('/api/v1/users')).body.items;
    const alan = users.find((u: any) => u.email === 'alan@example.com');
    expect((await api.delete(`/api/v1/users/${alan.id}`)).status).toBe(200);
    const run = await cliB.export();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`(deleted user ${alan.id})`);
    expect(run.stderr).toMatch(
      /^warning: schedule Ops primary: layers\.0\.users\.2: an email address such as ada@example\.com — fix it/m,
    );
  });
});
