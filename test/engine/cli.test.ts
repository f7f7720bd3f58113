import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killAllEngines, runCli, spawnEngine } from '../helpers/engineProcess.js';
import { client } from '../helpers/http.js';
import { adminToken, tempDataDir } from '../helpers/testEngine.js';

const dirs: string[] = [];
const dir = () => {
  const d = tempDataDir('nocturne-cli-');
  dirs.push(d);
  return d;
};
afterAll(async () => {
  await killAllEngines();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const tokenIn = (text: string) => /^\s+(noc_[A-Za-z0-9_-]+)\s*$/m.exec(text)?.[1];

describe('nocturne serve', () => {
  it('prints where it listens and the admin token once, then how to sign in; SIGTERM stops it cleanly', async () => {
    const data = dir();
    const first = await spawnEngine(data, [], {}, { withAdminToken: false });
    await new Promise((r) => setTimeout(r, 200)); // the banner is printed in one write; let it arrive
    const token = tokenIn(first.output());
    expect(first.output()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(token).toBeDefined();
    const me = await client(first.url, token!).get('/api/v1/me');
    expect(me.body).toMatchObject({ role: 'admin' });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(readdirSync(data).some((n) => n.startsWith('snapshot-'))).toBe(true);

    const second = await spawnEngine(data, [], {}, { withAdminToken: false });
    await new Promise((r) => setTimeout(r, 200));
    expect(tokenIn(second.output())).toBeUndefined();
    expect(second.output()).toMatch(
      /Sign in with the admin API token printed at this data directory's first start/,
    );
    expect((await client(second.url, token!).get('/api/v1/me')).status).toBe(200);
    second.child.kill('SIGTERM');
    await second.exited;
  });

  it('takes the admin token from NOCTURNE_ADMIN_TOKEN', async () => {
    const engine = await spawnEngine(
      dir(),
      [],
      { NOCTURNE_ADMIN_TOKEN: adminToken },
      { withAdminToken: false },
    );
    expect((await client(engine.url, adminToken).get('/api/v1/me')).status).toBe(200);
    engine.child.kill('SIGTERM');
    await engine.exited;
  });

  it('seeds demo data with --demo: on-call schedule, escalation policy, a source per format, alerts in every state, a viewer token', async () => {
    const engine = await spawnEngine(dir(), ['--demo']);
    await new Promise((r) => setTimeout(r, 200));
    const api = client(engine.url);
    const sources = (await api.get('/api/v1/alert-sources')).body.items;
    expect(sources).toHaveLength(3);
    const alerts = (await api.get('/api/v1/alerts?limit=100')).body.items;
    expect(new Set(alerts.map((a: any) => a.state))).toEqual(
      new Set(['PENDING', 'ACCEPTED', 'RESOLVED']),
    );
    expect(new Set(alerts.map((a: any) => a.origin))).toEqual(
      new Set(['ilert', 'pagerduty', 'alertmanager']),
    );
    // An on-call schedule and an escalation policy that every demo source follows.
    const [schedule] = (await api.get('/api/v1/schedules')).body.items;
    expect(schedule).toMatchObject({
      name: 'Ops primary',
      timeZone: 'Europe/Berlin',
      problems: [],
    });
    expect(schedule.layers[0].userIds).toHaveLength(2);
    expect((await api.get(`/api/v1/schedules/${schedule.id}/on-call`)).body.onCall).not.toBeNull();
    const [policy] = (await api.get('/api/v1/escalation-policies')).body.items;
    expect(policy.levels.map((l: any) => [l.targets[0].type, l.timeoutMinutes])).toEqual([
      ['schedule', 10],
      ['team', 10],
    ]);
    expect(policy.problems).toEqual([]);
    expect(sources.map((s: any) => s.escalationPolicyId)).toEqual([
      policy.id,
      policy.id,
      policy.id,
    ]);
    const pending = alerts.find((a: any) => a.state === 'PENDING' && a.priority === 'HIGH');
    const timeline = (await api.get(`/api/v1/alerts/${pending.id}/timeline`)).body;
    expect(timeline.policy.name).toBe('Ops on-call');
    expect(timeline.happened.some((e: any) => e.kind === 'escalated')).toBe(true);
    expect(engine.output()).toContain('Alerts escalate along "Ops on-call"');
    // A heartbeat monitor waiting for its first ping, and a weekly maintenance window.
    const [monitor] = (await api.get('/api/v1/heartbeat-monitors')).body.items;
    expect(monitor).toMatchObject({ name: 'Nightly backup', intervalSeconds: 86_400 });
    const [window] = (await api.get('/api/v1/maintenance-windows')).body.items;
    expect(window).toMatchObject({
      name: 'Sunday database maintenance',
      schedule: { kind: 'recurring', days: [7], startTime: '03:00' },
    });
    expect(window.next).not.toBeNull();
    const viewerToken = /wall screen \(shown once\): (noc_\S+)/.exec(engine.output())?.[1];
    const viewer = client(engine.url, viewerToken!);
    expect((await viewer.get('/api/v1/me')).body.role).toBe('viewer');
    expect((await viewer.post(`/api/v1/alerts/${alerts[0].id}/accept`)).status).toBe(403);
    engine.child.kill('SIGTERM');
    await engine.exited;
  });

  it('explains bad options and exits 2', async () => {
    const badPort = await runCli(['serve', '--port', 'eighty', '--data', dir()]);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toMatch(/--port must be a whole number from 0 to 65535/);
    const halfTls = await runCli(['serve', '--tls-cert', 'cert.pem', '--data', dir()]);
    expect(halfTls.code).toBe(2);
    expect(halfTls.stderr).toMatch(/--tls-cert and --tls-key go together/);
    const unknown = await runCli(['serve', '--colour', 'blue']);
    expect(unknown.code).toBe(2);
    const badToken = await runCli([
      'serve',
      '--port',
      '0',
      '--data',
      dir(),
      '--admin-token',
      'secret',
    ]);
    expect(badToken.code).toBe(1);
    expect(badToken.stderr).toMatch(/admin token must look like noc_/);
  });

  it('says so clearly when the port is taken or the data directory is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    const taken = await runCli([
      'serve',
      '--port',
      String(port),
      '--data',
      dir(),
      '--admin-token',
      adminToken,
    ]);
    blocker.close();
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(new RegExp(`Port ${port} on 127.0.0.1 is in use`));

    const data = dir();
    const running = await spawnEngine(data);
    const second = await runCli([
      'serve',
      '--port',
      '0',
      '--data',
      data,
      '--admin-token',
      adminToken,
    ]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/in use by another Nocturne engine/);
    running.child.kill('SIGTERM');
    await running.exited;
    expect(existsSync(join(data, 'LOCK'))).toBe(false);
  });

  it('prints its version and refuses unknown commands', async () => {
    expect((await runCli(['version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
  });
});
