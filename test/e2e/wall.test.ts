import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../engine/clock.js';
import { client } from '../helpers/http.js';
import { createSource, type TestSource } from '../helpers/ingest.js';
import { adminToken, startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { type E2eBrowser, expectLive, launchBrowser, pagePerTest } from './harness.js';
import { compareScreenshot } from './screenshots.js';

/**
 * The wall display at /wall against a real engine: counts, the oldest unaccepted alert, the
 * flash of a new HIGH alert posted over HTTP, and its picture (frozen clock, UTC, 1280×720;
 * baseline test/e2e/__screenshots__/wall.png).
 */
describe('the wall display', () => {
  const start = Date.parse('2026-11-28T09:00:00.000Z');
  const clock = new ManualClock(start);
  let t: TestEngine;
  let e2e: E2eBrowser;
  let source: TestSource;
  const pages = pagePerTest(() => e2e);

  const post = (summary: string, priority: 'HIGH' | 'LOW') =>
    client(t.url, null).post('/api/events', {
      integrationKey: source.integrationKey,
      eventType: 'ALERT',
      summary,
      alertKey: summary,
      priority,
    });

  beforeAll(async () => {
    [t, e2e] = await Promise.all([startTestEngine({ clock }), launchBrowser()]);
    source = await createSource(client(t.url), 'Prometheus prod');
    const events: ReadonlyArray<[minute: number, priority: 'HIGH' | 'LOW', summary: string]> = [
      [0, 'HIGH', 'Disk full on db-1 (/var/lib/postgresql)'],
      [3, 'LOW', 'Memory above 85 % on cache-2'],
      [7, 'HIGH', 'HTTPS probe failing: shop.example.com'],
    ];
    for (const [minute, priority, summary] of events) {
      clock.set(start + minute * 60_000);
      expect((await post(summary, priority)).status).toBe(202);
    }
    clock.set(start + 10 * 60_000);
  });
  afterAll(async () => {
    await e2e?.close();
    await t?.dispose();
  });

  const openWall = async (query: string) => {
    const current = await pages.open();
    const { page } = current;
    await page.clock.setFixedTime(new Date(start + 12 * 60_000 + 30_000));
    await page.goto(`${t.url}/wall?token=${encodeURIComponent(adminToken)}&${query}`);
    await page.getByTestId('wall').waitFor();
    await expectLive(page);
    return page;
  };

  it('shows the counts and the oldest unaccepted alert, and matches the baseline', async () => {
    const page = await openWall('rotate=0');
    expect(page.url()).toBe(`${t.url}/wall?rotate=0`);
    expect(await page.getByTestId('wall-high').textContent()).toBe('2');
    expect(await page.getByTestId('wall-low').textContent()).toBe('1');
    const first = page.locator('.wall__oldest li').first();
    expect(await first.textContent()).toContain('Disk full on db-1');
    expect(await first.getByTestId('wall-age').textContent()).toBe('12m');
    expect(await page.getByTestId('wall-sound-hint').isVisible()).toBe(true);
    await page.mouse.move(0, 0);
    await page.evaluate(() => (globalThis as any).document.fonts.ready);
    const shot = await page.screenshot({ animations: 'disabled', caret: 'hide' });
    const verdict = await compareScreenshot(e2e.browser, 'wall', shot);
    if (verdict.status === 'written') process.stdout.write(`NOTE: ${verdict.message}\n`);
    expect(verdict.status, verdict.message).not.toBe('differs');
  });

  it('flashes a new HIGH alert posted over HTTP, and a click allows the sound', async () => {
    const page = await openWall('rotate=0&sound=on');
    const wall = page.getByTestId('wall');
    expect(await wall.getAttribute('data-flashing')).toBeNull();
    await page.getByTestId('wall-sound-hint').click();
    await page.getByTestId('wall-sound-hint').waitFor({ state: 'detached' });

    clock.set(start + 12 * 60_000);
    expect((await post('Kafka consumer group stalled: billing', 'HIGH')).status).toBe(202);
    await page.locator('[data-testid="wall"][data-flashing="true"]').waitFor();
    const flashed = page.locator('[data-testid="wall-new-high"] [data-flash="true"]');
    expect(await flashed.textContent()).toContain('Kafka consumer group stalled: billing');
    expect(await page.getByTestId('wall-high').textContent()).toBe('3');
    // A LOW alert does not flash anything new.
    expect((await post('Replication lag 45 s on db-2', 'LOW')).status).toBe(202);
    await expect.poll(() => page.getByTestId('wall-low').textContent()).toBe('2');
    expect(await flashed.count()).toBe(1);
  });
});
