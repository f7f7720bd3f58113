import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../helpers/http.js';
import { createSource, type TestSource } from '../helpers/ingest.js';
import { adminToken, startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import {
  expectLive,
  expectNoProblems,
  launchBrowser,
  openPage,
  queueRowIds,
  signIn,
  type E2eBrowser,
} from './harness.js';

/**
 * The console through an engine restart and a revoked token: what a wall screen lives through
 * for days. The engine is stopped under the console and started again on the same port and
 * data directory (a new stream: the console gets a fresh snapshot).
 */
describe('the console when the engine goes away', () => {
  let t: TestEngine;
  let e2e: E2eBrowser;
  let source: TestSource;
  const send = (key: string, summary: string) =>
    client(t.url, null).post('/api/events', {
      integrationKey: source.integrationKey,
      eventType: 'ALERT',
      summary,
      alertKey: key,
    });
  /** What the engine holds open, as REST says: the queue's default view. */
  const openIds = async () =>
    (await client(t.url).get('/api/v1/alerts?state=PENDING,ACCEPTED&limit=500')).body.items
      .map((a: any) => a.id as string)
      .sort();

  beforeAll(async () => {
    [t, e2e] = await Promise.all([startTestEngine(), launchBrowser()]);
    source = await createSource(client(t.url), 'Blackbox');
  });
  afterAll(async () => {
    await e2e?.close();
    await t?.dispose();
  });

  it('shows reconnecting, then live, with nothing lost or duplicated', async () => {
    for (let i = 1; i <= 3; i += 1) await send(`before-${i}`, `Before the restart ${i}`);
    const console = await openPage(e2e);
    const { page } = console;
    await signIn(page, t.url, adminToken);
    await expect.poll(async () => (await queueRowIds(page)).length).toBe(3);

    const { port } = t.engine;
    const { dataDir } = t;
    await t.engine.close();
    const pill = page.getByTestId('status-pill');
    await expect.poll(() => pill.getAttribute('data-state')).toMatch(/^(stale|offline)$/);
    expect(await pill.textContent()).toMatch(/reconnecting/i);
    // What was shown stays, marked as not current.
    expect((await queueRowIds(page)).length).toBe(3);

    t = await startTestEngine({ port, dataDir });
    // Changes the console has not seen: while it was away, and right after the engine is back.
    await send('after-1', 'After the restart');
    await client(t.url).post('/api/v1/alerts/1/accept', {});
    await send('before-2', 'Before the restart 2 (again)');

    await expectLive(page, 45_000);
    await expect.poll(async () => (await queueRowIds(page)).sort()).toEqual(await openIds());
    const shown = await queueRowIds(page);
    expect(new Set(shown).size).toBe(shown.length);
    expect(await page.locator('[data-alert-id="1"]').getAttribute('data-state')).toBe('ACCEPTED');
    expect(await page.locator('[data-alert-id="2"] .queue-cell--events').textContent()).toBe('2');
    expectNoProblems(console);
    await console.close();
  });

  it('says so when the token is revoked under it, and offers to sign in again', async () => {
    const admin = client(t.url);
    const created = await admin.post('/api/v1/me/tokens', { name: 'short-lived' });
    const console = await openPage(e2e);
    const { page } = console;
    await signIn(page, t.url, created.body.token);
    await admin.delete(`/api/v1/me/tokens/${created.body.id}`);
    await page.getByRole('alert').filter({ hasText: 'no longer accepts this API token' }).waitFor();
    expect(await page.getByTestId('status-pill').textContent()).toBe('Signed out: token refused');
    await page.getByRole('button', { name: 'Sign in again' }).click();
    await page.getByLabel('API token').waitFor();
    expect(
      await page.evaluate(() => (globalThis as any).localStorage.getItem('nocturne.credentials')),
    ).toBeNull();
    expectNoProblems(console);
    await console.close();
  });
});
