import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../engine/clock.js';
import { createPolicy, sendEvent, settle } from '../helpers/escalation.js';
import { client } from '../helpers/http.js';
import { createSchedule, scheduleBody, weeklyLayer } from '../helpers/scheduleApi.js';
import { adminToken, startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { expectNoProblems, launchBrowser, openPage, signIn, type E2eBrowser } from './harness.js';
import { compareScreenshot } from './screenshots.js';

const minute = 60_000;

/**
 * The alert detail as an operator sees it, pixel for pixel: a fresh engine on a manual clock
 * (so ids and times are fixed), a pending alert whose level 1 reached Ada and whose level 2 will
 * reach whoever is on call in Ops, a comment; the page's clock frozen (ages and the projection
 * do not move), UTC, 1280×1100 (the log included). Baseline: __screenshots__/alertDetail.png.
 */
describe('the alert detail, pictured', () => {
  const start = Date.parse('2026-11-28T09:00:00.000Z');
  const clock = new ManualClock(start);
  let t: TestEngine;
  let e2e: E2eBrowser;
  let alertId: string;

  beforeAll(async () => {
    [t, e2e] = await Promise.all([startTestEngine({ clock }), launchBrowser()]);
    const admin = client(t.url);
    // Fixed names and emails (the timeline shows the email address a notification goes to).
    const person = async (name: string, email: string) =>
      (await admin.post('/api/v1/users', { name, email, role: 'responder', timeZone: 'UTC' })).body;
    const ada = await person('Ada Lovelace', 'ada@example.com');
    const grace = await person('Grace Hopper', 'grace@example.com');
    const adaToken = (await admin.post(`/api/v1/users/${ada.id}/tokens`, { name: 'test' })).body;
    const ops = await createSchedule(
      admin,
      scheduleBody([weeklyLayer([String(grace.id)])], { name: 'Ops', timeZone: 'UTC' }),
    );
    const policy = await createPolicy(admin, [
      { targets: [{ type: 'user', id: String(ada.id) }], timeoutMinutes: 10 },
      { targets: [{ type: 'schedule', id: String(ops.id) }], timeoutMinutes: 10 },
    ]);
    const source = await admin.post('/api/v1/alert-sources', {
      name: 'Prometheus prod',
      escalationPolicyId: String(policy.id),
    });
    alertId = await sendEvent(t, source.body.integrationKey, 'disk-db-1', 'ALERT', {
      summary: 'Disk full on db-1 (/var/lib/postgresql)',
      priority: 'HIGH',
      details: '**Disk** full on `/var`: see the [runbook](https://runbooks.example/disk).',
      labels: { host: 'db-1', team: 'storage' },
      customDetails: { disk: { used: 97, mounts: ['/var', '/'] }, region: 'eu-1' },
      links: [{ href: 'https://grafana.example/d/disk', text: 'Dashboard' }],
    });
    await settle(t);
    clock.set(start + 2 * minute);
    await sendEvent(t, source.body.integrationKey, 'disk-db-1', 'ALERT', {
      summary: 'Disk full on db-1 (/var/lib/postgresql)',
      priority: 'HIGH',
    });
    clock.set(start + 4 * minute);
    await client(t.url, adaToken.token).post(`/api/v1/alerts/${alertId}/comment`, {
      text: 'Looking at it: the WAL archive is stuck',
    });
    await settle(t);
  });
  afterAll(async () => {
    await e2e?.close();
    await t?.dispose();
  });

  it('matches the baseline', async () => {
    const console = await openPage(e2e, { width: 1280, height: 1100 });
    const { page } = console;
    await page.clock.setFixedTime(new Date(start + 6 * minute + 30_000));
    await signIn(page, t.url, adminToken);
    await page.goto(`${t.url}/alerts/${alertId}`);
    await page.getByTestId('timeline-upcoming').getByText('Grace Hopper').first().waitFor();
    await page.getByTestId('timeline-past').getByText('Level 1').first().waitFor();
    await page.getByTestId('alert-log').getByText('WAL archive').waitFor();
    await page.getByRole('tree', { name: 'Custom details' }).waitFor();
    await page.mouse.move(0, 0);
    await page.evaluate(() => (globalThis as any).document.fonts.ready);
    const shot = await page.screenshot({ animations: 'disabled', caret: 'hide' });
    const verdict = await compareScreenshot(e2e.browser, 'alertDetail', shot);
    if (verdict.status === 'written') process.stdout.write(`NOTE: ${verdict.message}\n`);
    expect(verdict.status, verdict.message).not.toBe('differs');
    expectNoProblems(console);
    await console.close();
  });
});
