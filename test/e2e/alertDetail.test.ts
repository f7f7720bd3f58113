import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Client } from '../helpers/http.js';
import { createPolicy, createRoutedSource, sendEvent } from '../helpers/escalation.js';
import { createSchedule, scheduleBody, weeklyLayer } from '../helpers/scheduleApi.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { addUser, type TestUser } from '../helpers/users.js';
import { type E2eBrowser, eventually, launchBrowser, pagePerTest, signIn } from './harness.js';

const details = [
  '**Disk** full on `/var`',
  '',
  '<script>window.__pwned = 1</script>',
  '',
  '[evil](javascript:window.__pwned=2) and [runbook](https://runbooks.example/disk)',
  '',
  '<img src=x onerror="window.__pwned=3">',
].join('\n');

/**
 * The alert detail view (docs/console.md, "Alert detail") against a real engine: a policy whose
 * level 2 targets schedule Ops, the projection naming who is on call there, Markdown made
 * harmless, a comment, an accept by keyboard that the timeline shows and that ends the
 * projection, and a viewer token's disabled actions.
 */
describe('the alert detail view', () => {
  let t: TestEngine;
  let e2e: E2eBrowser;
  let admin: Client;
  let ada: TestUser;
  let alertId: string;
  const pages = pagePerTest(() => e2e);

  beforeAll(async () => {
    [t, e2e] = await Promise.all([startTestEngine(), launchBrowser()]);
    admin = client(t.url);
    ada = await addUser(t, 'responder', 'Ada Lovelace');
    const grace = await addUser(t, 'responder', 'Grace Hopper');
    const ops = await createSchedule(
      admin,
      scheduleBody([weeklyLayer([String(grace.user.id)])], { name: 'Ops', timeZone: 'UTC' }),
    );
    const policy = await createPolicy(admin, [
      { targets: [{ type: 'user', id: String(ada.user.id) }], timeoutMinutes: 10 },
      { targets: [{ type: 'schedule', id: String(ops.id) }], timeoutMinutes: 10 },
    ]);
    const source = await createRoutedSource(admin, String(policy.id));
    alertId = await sendEvent(t, source.integrationKey, 'disk-db-1', 'ALERT', {
      summary: 'Disk full on db-1',
      details,
      labels: { host: 'db-1', team: 'storage' },
      customDetails: { disk: { used: 97, mounts: ['/var', '/'] }, region: 'eu-1' },
      links: [{ href: 'https://grafana.example/d/disk', text: 'Dashboard' }],
    });
  });
  afterAll(async () => {
    await e2e?.close();
    await t?.dispose();
  });

  it('projects level 2, renders details harmlessly, comments, and accepts by keyboard', async () => {
    const current = await pages.open();
    const { page } = current;
    await signIn(page, t.url, ada.token);
    const row = page.locator(`[data-alert-id="${alertId}"]`);
    await row.waitFor();
    await page.keyboard.press('j');
    await expect.poll(() => row.getAttribute('class')).toContain('is-focused');
    await page.keyboard.press('Enter');
    await page.getByTestId('alert-detail').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/alerts/${alertId}`);

    // What will happen: level 2 reaches whoever is on call in Ops, Grace Hopper.
    const upcoming = page.getByTestId('timeline-upcoming');
    await expect.poll(() => upcoming.textContent()).toContain('Grace Hopper');
    const level2 = upcoming.locator('[data-kind="level"]').first();
    expect(await level2.textContent()).toMatch(/Level 2.*whoever is on call in schedule Ops/);
    // What happened: level 1 reached Ada.
    const past = page.getByTestId('timeline-past');
    await expect.poll(() => past.textContent()).toContain('Level 1');
    expect(await past.textContent()).toContain('Ada Lovelace');
    expect(await page.getByTestId('detail-zone').textContent()).toContain('UTC');

    // Markdown, harmless: no script ran, the javascript: link is no link, raw HTML is text.
    const md = page.getByTestId('alert-details');
    await md.waitFor();
    expect(await md.locator('strong').textContent()).toBe('Disk');
    expect(await md.locator('script, img, [onerror]').count()).toBe(0);
    expect(await md.textContent()).toContain('<script>window.__pwned = 1</script>');
    expect(await md.locator('a').count()).toBe(1);
    const runbook = md.locator('a');
    expect(await runbook.getAttribute('href')).toBe('https://runbooks.example/disk');
    expect(await runbook.getAttribute('target')).toBe('_blank');
    expect(await runbook.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await md.locator('.md-removed-link').textContent()).toBe('evil');
    await md.locator('.md-removed-link').click();
    expect(await page.evaluate(() => (globalThis as any).__pwned)).toBeUndefined();

    // Custom details: a tree, keyboard-operable.
    const tree = page.getByRole('tree', { name: 'Custom details' });
    await tree.getByRole('treeitem').first().focus();
    await page.keyboard.press('ArrowDown'); // disk.used
    await page.keyboard.press('ArrowDown'); // disk.mounts
    await page.keyboard.press('ArrowRight'); // opens it
    await expect.poll(() => tree.textContent()).toContain('"/var"');

    // A comment: c focuses the box, Ctrl+Enter sends, the log shows it.
    await page.keyboard.press('c');
    await page.keyboard.type('Checked the disk');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => page.getByTestId('alert-log').textContent())
      .toContain('Checked the disk');
    await page.keyboard.press('Escape'); // leaves the box

    // Accept with the keyboard: the engine records Ada, the timeline shows it, the projection goes.
    await page.keyboard.press('a');
    const accepted = await eventually(
      () => admin.get(`/api/v1/alerts/${alertId}`),
      (res) => res.body.state === 'ACCEPTED',
    );
    expect(accepted.body.acceptedBy).toBe(String(ada.user.id));
    await page.getByTestId('timeline-quiet').waitFor();
    expect(await page.getByTestId('timeline-upcoming').count()).toBe(0);
    await expect
      .poll(() => past.locator('[data-kind="accepted"]').textContent())
      .toContain('Ada Lovelace');
    expect(await page.getByTestId('detail-state').getAttribute('data-state')).toBe('ACCEPTED');

    // Escape goes back to the queue, the row still focused.
    await page.keyboard.press('Escape');
    await page.getByTestId('queue-body').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => row.getAttribute('class')).toContain('is-focused');
  });

  it('shows a viewer token’s actions disabled, and says why', async () => {
    const wall = await addUser(t, 'viewer', 'Wall screen');
    const current = await pages.open();
    const { page } = current;
    await signIn(page, t.url, wall.token);
    await page.goto(`${t.url}/alerts/${alertId}`);
    await page.getByTestId('alert-detail').waitFor();
    expect(await page.getByTestId('actions-why-not').textContent()).toContain('viewer role');
    expect(await page.getByRole('button', { name: /Resolve/ }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Add comment' }).isDisabled()).toBe(true);
    await page.keyboard.press('r');
    await page.locator('.notice').first().waitFor();
    const alert = await admin.get(`/api/v1/alerts/${alertId}`);
    expect(alert.body.state).toBe('ACCEPTED');
  });
});
