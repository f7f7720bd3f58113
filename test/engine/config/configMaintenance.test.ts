import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configCli, withoutHeader } from '../../helpers/configCli.js';
import { client } from '../../helpers/http.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';

// Each test runs the built CLI several times (a Node process each): give loaded machines room.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

/**
 * Maintenance windows as code: created on the sources named in the file, unchanged when applied
 * again (whatever order the sources are written in), changed, exported in a form apply takes
 * back, refused with the model's own message, and pruned.
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

const yaml = (sources: string, startTime: string) => `alertSources:
  - name: Prometheus prod
  - name: Cron jobs
maintenanceWindows:
  - name: Database upgrade
    alertSources: [Prometheus prod]
    schedule: { kind: once, start: '2026-12-05T22:00:00+01:00', end: '2026-12-06T02:00:00+01:00' }
  - name: Nightly backups
    alertSources: [${sources}]
    schedule:
      kind: recurring
      timeZone: Europe/Berlin
      startTime: '${startTime}'
      durationMinutes: 90
`;

const windows = async () =>
  (await client(t.url).get('/api/v1/maintenance-windows')).body.items as any[];

describe('nocturne apply: maintenanceWindows', () => {
  it('creates one-off and recurring windows on the named sources, then finds nothing to change', async () => {
    const applied = await cli.apply(cli.file(yaml('Cron jobs, Prometheus prod', '02:00')));
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('  created maintenance window Database upgrade\n');
    expect(applied.stdout).toContain('  created maintenance window Nightly backups\n');
    const sources = (await client(t.url).get('/api/v1/alert-sources')).body.items as any[];
    const idOf = (name: string) => sources.find((s) => s.name === name).id;
    const byName = new Map((await windows()).map((w) => [w.name, w]));
    expect(byName.get('Database upgrade')).toMatchObject({
      alertSourceIds: [idOf('Prometheus prod')],
      schedule: { kind: 'once' },
    });
    expect(byName.get('Nightly backups')).toMatchObject({
      schedule: {
        kind: 'recurring',
        timeZone: 'Europe/Berlin',
        startTime: '02:00',
        days: [1, 2, 3, 4, 5, 6, 7],
      },
    });
    expect([...byName.get('Nightly backups').alertSourceIds].sort()).toEqual(
      [idOf('Prometheus prod'), idOf('Cron jobs')].sort(),
    );

    const reordered = cli.file(yaml('Prometheus prod, Cron jobs', '02:00'));
    const again = await cli.apply(reordered, '--plan', '--detailed-exitcode');
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toMatch(/^No changes/);
  });

  it('changes a window, and refuses one the model refuses, saying why and applying nothing', async () => {
    const plan = await cli.apply(cli.file(yaml('Cron jobs', '03:30')), '--plan');
    expect(plan.stdout).toContain('  ~ maintenance window Nightly backups\n');
    expect((await cli.apply(cli.file(yaml('Cron jobs', '03:30')))).code).toBe(0);
    const nightly = (await windows()).find((w) => w.name === 'Nightly backups');
    expect(nightly.schedule.startTime).toBe('03:30');
    expect(nightly.alertSourceIds).toHaveLength(1);

    const bad = await cli.apply(cli.file(yaml('Cron jobs', '25:00')));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/maintenanceWindows.*startTime|local time HH:mm/s);
    expect((await windows()).find((w) => w.name === 'Nightly backups').schedule.startTime).toBe(
      '03:30',
    );
  });

  it('exports windows by source name without default noise, in a form apply takes back; prune deletes', async () => {
    const run = await cli.export();
    expect(run.code).toBe(0);
    const exported = withoutHeader(run.stdout);
    expect(exported).toContain('maintenanceWindows:');
    expect(exported).toContain('alertSources: [ Cron jobs ]');
    expect(exported).not.toContain('seriesStart');
    expect(exported).not.toContain('days:');
    const back = await cli.apply(cli.file(run.stdout), '--plan', '--detailed-exitcode');
    expect(back.code, back.stdout).toBe(0);

    const withoutWindows = `alertSources:\n  - name: Prometheus prod\n  - name: Cron jobs\nmaintenanceWindows: []\n`;
    const pruned = await cli.apply(cli.file(withoutWindows), '--prune');
    expect(pruned.code, pruned.stderr).toBe(0);
    expect(pruned.stdout).toContain('deleted maintenance window Database upgrade');
    expect(await windows()).toEqual([]);
  });
});
