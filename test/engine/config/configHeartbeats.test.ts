import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configCli, withoutHeader } from '../../helpers/configCli.js';
import { client } from '../../helpers/http.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';

// Each test runs the built CLI several times (a Node process each): give loaded machines room.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

/**
 * Heartbeat monitors as code: created on the source named in the file, unchanged when applied
 * again, changed field by field, exported without their ping key, and left paused or running
 * as operators left them.
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

const yaml = (interval: number) => `alertSources:
  - name: Cron jobs
heartbeatMonitors:
  - name: Nightly backup
    alertSource: Cron jobs
    intervalSeconds: ${interval}
`;

const monitors = async () => (await client(t.url).get('/api/v1/heartbeat-monitors')).body.items;

describe('nocturne apply: heartbeatMonitors', () => {
  it('creates a monitor on the named source, then finds nothing to change', async () => {
    const file = cli.file(yaml(86_400));
    const applied = await cli.apply(file);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('  created heartbeat monitor Nightly backup\n');
    const sources = (await client(t.url).get('/api/v1/alert-sources')).body.items;
    expect(await monitors()).toMatchObject([
      {
        name: 'Nightly backup',
        alertSourceId: sources[0].id,
        intervalSeconds: 86_400,
        graceSeconds: 300,
        paused: false,
      },
    ]);

    const again = await cli.apply(file, '--plan', '--detailed-exitcode');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^No changes/);
  });

  it('changes only the field that differs, and leaves a pause alone', async () => {
    const [monitor] = await monitors();
    await client(t.url).patch(`/api/v1/heartbeat-monitors/${monitor.id}`, { paused: true });
    const file = cli.file(yaml(3_600));
    const plan = await cli.apply(file, '--plan');
    expect(plan.stdout).toContain('  ~ heartbeat monitor Nightly backup\n');
    expect(plan.stdout).toContain('      intervalSeconds: 86400 → 3600\n');
    expect((await cli.apply(file)).code).toBe(0);
    expect(await monitors()).toMatchObject([{ intervalSeconds: 3_600, paused: true }]);
  });

  it('exports monitors by source name, without the ping key, in a form apply takes back', async () => {
    const run = await cli.export();
    expect(run.code).toBe(0);
    const exported = withoutHeader(run.stdout);
    expect(exported).toContain('heartbeatMonitors:');
    expect(exported).toMatch(/alertSource: Cron jobs/);
    expect(exported).not.toContain((await monitors())[0].key);
    const back = await cli.apply(cli.file(run.stdout), '--plan', '--detailed-exitcode');
    expect(back.code).toBe(0);
  });
});
