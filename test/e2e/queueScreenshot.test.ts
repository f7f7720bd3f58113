import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../engine/clock.js';
import { client } from '../helpers/http.js';
import { createSource } from '../helpers/ingest.js';
import { adminToken, startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { expectNoProblems, launchBrowser, openPage, signIn, type E2eBrowser } from './harness.js';
import { compareScreenshot } from './screenshots.js';

/**
 * The queue as an operator sees it, pixel for pixel: fixed data (the engine on a manual clock),
 * the page's clock frozen (ages do not move), UTC, one viewport, fonts from fonts-dejavu-core.
 * The baseline is test/e2e/__screenshots__/queue.png.
 */
describe('the queue, pictured', () => {
  const start = Date.parse('2026-11-28T09:00:00.000Z');
  const clock = new ManualClock(start);
  let t: TestEngine;
  let e2e: E2eBrowser;

  beforeAll(async () => {
    [t, e2e] = await Promise.all([startTestEngine({ clock }), launchBrowser()]);
    const admin = client(t.url);
    const sources = [
      await createSource(admin, 'Prometheus prod'),
      await createSource(admin, 'Blackbox probes'),
    ];
    const events: ReadonlyArray<
      [minute: number, source: number, priority: 'HIGH' | 'LOW', summary: string]
    > = [
      [0, 0, 'HIGH', 'Disk full on db-1 (/var/lib/postgresql)'],
      [2, 1, 'HIGH', 'HTTPS probe failing: shop.example.com'],
      [3, 0, 'LOW', 'Memory above 85 % on cache-2'],
      [5, 0, 'LOW', 'Replication lag 45 s on db-2'],
      [8, 1, 'LOW', 'Certificate expires in 9 days: api.example.com'],
      [11, 0, 'HIGH', 'Kafka consumer group stalled: billing'],
    ];
    for (const [minute, source, priority, summary] of events) {
      clock.set(start + minute * 60_000);
      await client(t.url, null).post('/api/events', {
        integrationKey: sources[source]!.integrationKey,
        eventType: 'ALERT',
        summary,
        alertKey: summary,
        priority,
      });
    }
    clock.set(start + 12 * 60_000);
    await admin.post('/api/v1/alerts/3/accept', {});
    await client(t.url, null).post('/api/events', {
      integrationKey: sources[0]!.integrationKey,
      eventType: 'ALERT',
      summary: 'Disk full on db-1 (/var/lib/postgresql)',
      alertKey: 'Disk full on db-1 (/var/lib/postgresql)',
      priority: 'HIGH',
    });
  });
  afterAll(async () => {
    await e2e?.close();
    await t?.dispose();
  });

  it('matches the baseline', async () => {
    const console = await openPage(e2e);
    const { page } = console;
    await page.clock.setFixedTime(new Date(start + 14 * 60_000 + 30_000));
    await signIn(page, t.url, adminToken);
    await page.locator('[data-alert-id="6"]').waitFor();
    await page.mouse.move(0, 0);
    await page.evaluate(() => (globalThis as any).document.fonts.ready);
    const shot = await page.screenshot({ animations: 'disabled', caret: 'hide' });
    const verdict = await compareScreenshot(e2e.browser, 'queue', shot);
    if (verdict.status === 'written') process.stdout.write(`NOTE: ${verdict.message}\n`);
    expect(verdict.status, verdict.message).not.toBe('differs');
    expectNoProblems(console);
    await console.close();
  });
});
