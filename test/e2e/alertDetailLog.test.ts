import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logOf, sendEvent } from '../helpers/escalation.js';
import { client, type Client } from '../helpers/http.js';
import { createSource } from '../helpers/ingest.js';
import { adminToken, startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { type E2eBrowser, launchBrowser, pagePerTest, signIn } from './harness.js';

/** Comments posted on the alert over REST: 451 log entries with the creation, three pages. */
const comments = 450;

/**
 * A log longer than the 200 entries that come with the alert (docs/console.md, "Alert detail"):
 * "Show later entries" reads the next pages until the last; an entry added afterwards shows.
 */
describe('a long alert log', () => {
  let t: TestEngine;
  let e2e: E2eBrowser;
  let admin: Client;
  let alertId: string;
  const pages = pagePerTest(() => e2e);

  beforeAll(async () => {
    [t, e2e] = await Promise.all([startTestEngine(), launchBrowser()]);
    admin = client(t.url);
    const source = await createSource(admin, 'Chatty exporter');
    alertId = await sendEvent(t, source.integrationKey, 'chatty-1');
    for (let n = 1; n <= comments; n += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          admin.post(`/api/v1/alerts/${alertId}/comment`, { text: `Note ${n + i}` }),
        ),
      );
    }
  });
  afterAll(async () => {
    await e2e?.close();
    await t?.dispose();
  });

  it('shows the first 200 entries, then the later pages one click at a time', async () => {
    const all = await logOf(admin, alertId);
    expect(all.length).toBeGreaterThan(400);
    const current = await pages.open();
    const { page } = current;
    await signIn(page, t.url, adminToken);
    await page.goto(`${t.url}/alerts/${alertId}`);
    const log = page.getByTestId('alert-log');
    const entries = log.locator('li');
    const more = log.getByRole('button', { name: 'Show later entries' });
    await more.waitFor();
    expect(await entries.count()).toBe(200);
    expect(await log.getByTestId('alert-log-count').textContent()).toContain('200 entries');

    await more.click();
    await expect.poll(() => entries.count()).toBe(400);
    await more.click();
    await expect.poll(() => entries.count()).toBe(all.length);
    expect(await more.count()).toBe(0);
    const shown = await entries.evaluateAll((items) => items.map((li) => li.textContent ?? ''));
    expect(shown.map((text, i) => text.endsWith(all[i].message))).not.toContain(false);
    expect(new Set(shown).size).toBe(all.length);

    // An entry added now: the stream says the alert changed, the last page is read again.
    await admin.post(`/api/v1/alerts/${alertId}/comment`, { text: 'The very last note' });
    await expect.poll(() => entries.count()).toBe(all.length + 1);
    expect(await entries.last().textContent()).toContain('The very last note');
  });
});
