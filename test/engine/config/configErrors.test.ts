import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configCli } from '../../helpers/configCli.js';
import { client } from '../../helpers/http.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';
import { addUser } from '../../helpers/users.js';

// Each test runs the built CLI several times (a Node process each): give loaded machines room.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

/**
 * What `nocturne apply` says when something is wrong, over real HTTP with the built CLI: every
 * problem of the file with its line, before anything changes (exit 1, nothing applied), and
 * tokens or engines it cannot work with.
 */
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

/** A port nothing listens on (just freed). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Objects in the engine, to show that nothing was applied. */
const counts = async () => {
  const api = client(t.url);
  const n = async (path: string) => (await api.get(path)).body.items.length;
  return [await n('/api/v1/users'), await n('/api/v1/teams'), await n('/api/v1/alert-sources')];
};

const valid = `users:
  - { email: ada@example.com, name: Ada Lovelace, role: responder }
teams:
  - { name: Ops, members: [{ user: ada@example.com }] }
`;

describe('nocturne apply: a file with problems', () => {
  it('reports YAML syntax errors with their line and applies nothing', async () => {
    const before = await counts();
    const file = cli.file(`${valid}alertSources:\n  - name: [Prometheus\n`, 'broken.yaml');
    const run = await cli.apply(file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${file}:\\d+:\\d+: .*\\(YAML syntax\\)$`, 'm'));
    expect(run.stderr).toMatch(/nothing was applied\.\n$/);
    expect(run.stdout).toBe('');
    expect(await counts()).toEqual(before);
  });

  it('reports every schema problem at once, each at its line, in file order', async () => {
    const before = await counts();
    const file = cli.file(
      [
        'users:', //                                                         1
        '  - { email: ada@example.com, name: Ada Lovelace, role: responder }',
        '  - email: bob@example.com', //                                     3
        '    name: Bob',
        '    role: superuser', //                                            5
        '    timezone: UTC', //                                              6
        'schedules:', //                                                     7
        '  - name: Ops',
        '    timeZone: Europe/Berln', //                                     9
        '    layers:',
        '      - name: Weekly',
        '        start: 2026-01-05T00:00:00+01:00',
        '        users: [ada@example.com]',
        '        rotation: { anchor: 2026-01-05T09:00:00+01:00, turn: { unit: weeks, length: 100 } }',
        'alertSource:', //                                                  15
        '  - name: Prometheus',
        '',
      ].join('\n'),
    );
    const run = await cli.apply(file);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    const at = (line: string) => line.slice(file.length + 1).replace(/:.*/s, '');
    expect(lines.slice(0, 5).map(at)).toEqual(['5', '6', '9', '14', '15']);
    expect(lines[0]).toContain(
      'users.1.role: Invalid option: expected one of "admin"|"responder"|"viewer"',
    );
    expect(lines[1]).toContain('users.1.timezone: unknown field "timezone"');
    expect(lines[2]).toContain('schedules.0.timeZone: Unknown time zone "Europe/Berln"');
    expect(lines[3]).toContain('a turn lasts 1 to 52 weeks');
    expect(lines[4]).toContain('unknown section "alertSource": the sections are version, users');
    expect(lines[5]).toBe('nocturne apply: 5 problems in the configuration; nothing was applied.');
    expect(await counts()).toEqual(before);
  });

  it('refuses unknown references with their line, naming what exists, and applies nothing', async () => {
    const before = await counts();
    const file = cli.file(
      `${valid}escalationPolicies:
  - name: Ops
    levels:
      - targets: [{ schedule: Ops primery }, { team: Ops }, { user: nobody@example.com }]
        timeoutMinutes: 10
alertSources:
  - { name: Prometheus, escalationPolicy: Opps }
`,
    );
    const run = await cli.apply(file, '--plan');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${file}:8:31: unknown schedule "Ops primery": define it under schedules in this file, or name one the engine has\n`,
    );
    expect(run.stderr).toContain(`${file}:8:69: unknown user "nobody@example.com"`);
    expect(run.stderr).toContain(
      `${file}:11:43: unknown escalation policy "Opps": define it under escalationPolicies in this file, or name one the engine has (known: Ops)`,
    );
    expect(run.stdout).toBe('');
    expect(await counts()).toEqual(before);
  });

  it('refuses a key defined twice, ignoring case', async () => {
    const file = cli.file(`${valid}  - { name: OPS }\n`);
    const run = await cli.apply(file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${file}:5:5: teams.1: team "OPS" is defined twice (also at ${file}:4)`,
    );
  });
});

describe('nocturne apply: tokens and engines it cannot work with', () => {
  it('refuses a viewer token before reading anything, saying why', async () => {
    const viewer = await addUser(t, 'viewer', 'Wall screen');
    const run = await configCli(t.url, viewer.token).apply(cli.file(valid));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^nocturne apply: "nocturne apply" needs an admin's API token, but this token acts as viewer \(Wall screen, .*\): configuration covers every user's notification rules/,
    );
    const capped = await addUser(t, 'admin', 'Capped admin', { tokenRole: 'responder' });
    const export_ = await configCli(t.url, capped.token).export();
    expect(export_.code).toBe(1);
    expect(export_.stderr).toMatch(/needs an admin's API token, but this token acts as responder/);
  });

  it('says so when the token is unknown, or no engine answers', async () => {
    const unknown = await configCli(t.url, 'noc_not-a-real-token-0123456789abcdefghijklmnop').apply(
      cli.file(valid),
    );
    expect(unknown.stderr).toMatch(/did not accept the API token \(401 unauthorized\)/);
    const port = await freePort();
    const nobody = await configCli(`http://127.0.0.1:${port}`).apply(cli.file(valid), '--plan');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain(
      `Cannot reach the engine at http://127.0.0.1:${port} (ECONNREFUSED). Is it running?`,
    );
    const missing = await cli.apply(`${cli.dir}/nope.yaml`);
    expect(missing.stderr).toMatch(/Cannot read .*nope\.yaml: ENOENT\./);
  });
});
