import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Client } from '../helpers/http.js';
import { createSource, pdTrigger, type TestSource } from '../helpers/ingest.js';
import { adminToken, startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import {
  builtIndexHtml,
  type E2eBrowser,
  eventually,
  launchBrowser,
  pagePerTest,
  queueRowIds,
  signIn,
} from './harness.js';

describe('the console against a real engine', () => {
  let t: TestEngine;
  let e2e: E2eBrowser;
  let admin: Client;
  let source: TestSource;
  const pages = pagePerTest(() => e2e);
  const anonymous = () => client(t.url, null);

  beforeAll(async () => {
    [t, e2e] = await Promise.all([startTestEngine(), launchBrowser()]);
    admin = client(t.url);
    source = await createSource(admin, 'Prometheus prod');
  });
  afterAll(async () => {
    await e2e?.close();
    await t?.dispose();
  });

  const open = () => pages.open();

  it('is built without anything inline that the CSP would block', () => {
    const html = builtIndexHtml();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
  });

  it('says clearly when the token is wrong, and stores nothing', async () => {
    const { page } = await open();
    await page.goto(t.url);
    await page.getByLabel('API token').fill('noc_this-token-does-not-exist-0123456789abcdef');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const error = page.locator('.sign-in__error');
    await expect.poll(() => error.getAttribute('data-code')).toBe('unauthorized');
    expect(await error.textContent()).toContain('does not accept this API token');
    expect(await page.evaluate(() => (globalThis as any).localStorage.length)).toBe(0);
  });

  it('says clearly when the engine cannot be reached', async () => {
    const { page } = await open();
    await page.goto(t.url);
    // A port nothing listens on, on this machine; the page's own origin is still the engine.
    await page.getByLabel('Engine address').fill('http://127.0.0.1:9');
    await page.getByLabel('API token').fill(adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const error = page.locator('.sign-in__error');
    await expect.poll(() => error.getAttribute('data-code')).toBe('engine_unreachable');
    expect(await error.textContent()).toContain('No answer from the engine at http://127.0.0.1:9');
    // The page's CSP (connect-src 'self') is what refused it: the only problems expected here.
    expect(pages.current()!.problems.length).toBeGreaterThan(0);
    for (const problem of pages.current()!.problems)
      expect(problem).toMatch(/Content Security Policy/);
    expect(pages.current()!.problems.join('\n')).toContain('connect-src');
    pages.current()!.problems.length = 0;
  });

  it('shows an event posted over HTTP live, and accepts it with the keyboard', async () => {
    const { page } = await open();
    await signIn(page, t.url, adminToken);
    expect(await page.locator('[data-testid="queue-empty"]').count()).toBe(1);

    const sent = await anonymous().post(
      '/v2/enqueue',
      pdTrigger(source.integrationKey, {
        dedup_key: 'disk-db-1',
        payload: { summary: 'Disk full on db-1', source: 'db-1', severity: 'critical' },
      }),
    );
    expect(sent.status).toBe(202);
    const id = (await admin.get('/api/v1/alerts')).body.items[0].id as string;

    const row = page.locator(`[data-alert-id="${id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Disk full on db-1');
    expect(await row.textContent()).toContain('Prometheus prod');
    expect(await row.getAttribute('data-state')).toBe('PENDING');
    await expect.poll(() => page.getByTestId('count-pending').textContent()).toBe('1');

    await page.keyboard.press('j');
    await expect.poll(() => row.getAttribute('class')).toContain('is-focused');
    await page.keyboard.press('a');

    const alert = await eventually(
      () => admin.get(`/api/v1/alerts/${id}`),
      (res) => res.body.state === 'ACCEPTED',
    );
    expect(alert.body.state).toBe('ACCEPTED');
    expect(alert.body.acceptedBy).toBe((await admin.get('/api/v1/me')).body.id);
    await expect.poll(() => row.getAttribute('data-state')).toBe('ACCEPTED');

    // Enter opens the alert; the address is its own.
    await page.keyboard.press('Enter');
    await page.getByTestId('alert-detail').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/alerts/${id}`);

    // The sign-in is remembered: a reload comes back signed in, on the same route.
    await page.reload();
    await page.getByTestId('alert-detail').waitFor();
    await page.goBack();
  });

  it('filters by chips and text, and bulk-resolves a selection', async () => {
    const { page } = await open();
    await signIn(page, t.url, adminToken);
    for (const [key, priority] of [
      ['low-1', 'LOW'],
      ['low-2', 'LOW'],
      ['high-1', 'HIGH'],
    ] as const) {
      await anonymous().post('/api/events', {
        integrationKey: source.integrationKey,
        eventType: 'ALERT',
        summary: `Filter probe ${key}`,
        alertKey: key,
        priority,
      });
    }
    await expect.poll(async () => (await queueRowIds(page)).length).toBeGreaterThanOrEqual(3);

    await page.getByTestId('filter-priority-LOW').click();
    await page.keyboard.press('/');
    await page.keyboard.type('filter probe');
    await expect.poll(async () => (await queueRowIds(page)).length).toBe(2);
    await page.keyboard.press('Escape'); // leaves the search box, keeps its text

    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.getByTestId('bulk-bar').waitFor();
    await page.keyboard.press('r');

    const lows = await eventually(
      () => admin.get('/api/v1/alerts?q=filter%20probe%20low&state=RESOLVED'),
      (res) => res.body.items.length === 2,
    );
    expect(lows.body.items.map((a: any) => a.alertKey).sort()).toEqual(['low-1', 'low-2']);
    const high = await admin.get('/api/v1/alerts?q=filter%20probe%20high');
    expect(high.body.items[0].state).toBe('PENDING');
  });

  it('takes a wall screen’s token from its address once, and keeps it', async () => {
    const wall = await admin.post('/api/v1/me/tokens', { name: 'wall', role: 'viewer' });
    const { page } = await open();
    await page.goto(`${t.url}/wall?token=${encodeURIComponent(wall.body.token)}`);
    await page.getByTestId('wall').waitFor();
    await page.locator('[data-testid="status-pill"][data-state="live"]').waitFor();
    expect(page.url()).toBe(`${t.url}/wall`);
    expect(
      await page.evaluate(() => (globalThis as any).localStorage.getItem('nocturne.credentials')),
    ).toContain(wall.body.token);
    // No chrome on the wall; the counts are there.
    expect(await page.locator('.shell__header').count()).toBe(0);
    expect(await page.getByTestId('wall-high').textContent()).toMatch(/^\d+$/);
    await page.reload();
    await page.getByTestId('wall').waitFor();
    expect(page.url()).toBe(`${t.url}/wall`);
  });
});
