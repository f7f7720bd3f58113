import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, settingsView } from '../../shared/ipc/desktopSettings.js';
import type { AlertSummary } from '../../shared/domain/alert.js';
import type { Change } from '../../shared/protocol/changes.js';
import { alert, user } from '../helpers/wireFixtures.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { fakeEngineView, fakeSnapshot } from './fakeBridgeData.js';
import { installFakeBridge, type FakeBridgeData } from './fakeBridgeScript.js';
import {
  type ConsolePage,
  type E2eBrowser,
  eventually,
  expectLive,
  launchBrowser,
  pagePerTest,
} from './harness.js';

/** What the tests read and steer in the page (evaluated there: this file has no DOM types). */
interface PageGlobals {
  readonly __bridgeCalls: Array<[string, unknown]>;
  readonly __fakeEngines: { change(engineId: string, changes: readonly Change[]): number };
}

type Page = ConsolePage['page'];

/** The page's clock: the alerts below were created between 09:01 and 09:30 that morning. */
const now = Date.parse('2026-11-28T10:00:00.000Z');
const at = (minute: string) => `2026-11-28T09:${minute}:00.000Z`;

const engine = fakeEngineView;
const snapshot = (alerts: AlertSummary[], sourceName: string) =>
  fakeSnapshot(alerts, { sourceName, serverTime: new Date(now).toISOString() });

/**
 * Two engines with different alerts; both have an alert `1` (alert ids are per engine), so only
 * the engine tells those two rows apart.
 */
const thisComputer = engine('embedded', 'This computer', 'http://127.0.0.1:7070');
const paris = engine('remote-paris', 'Paris NOC', 'https://paris.example.com');
const parisDnsDown = alert('9', { summary: 'Paris DNS down', createdAt: at('30') });
const backupSlow = alert('2', {
  summary: 'Backup slow on db-2',
  priority: 'LOW',
  createdAt: at('02'),
});
const data: FakeBridgeData = {
  engines: [thisComputer, paris],
  settings: settingsView(defaultSettings()),
  snapshots: {
    embedded: snapshot(
      [
        alert('1', { summary: 'Disk full on db-1', createdAt: at('01') }),
        backupSlow,
        alert('3', {
          summary: 'Certificate expires in 7 days',
          state: 'ACCEPTED',
          acceptedAt: at('10'),
          acceptedBy: '1',
          createdAt: at('03'),
        }),
      ],
      'Prometheus',
    ),
    'remote-paris': snapshot(
      [
        alert('1', { summary: 'Paris probe failing', createdAt: at('05') }),
        alert('8', { summary: 'Paris queue lag', priority: 'LOW', createdAt: at('08') }),
      ],
      'Paris Grafana',
    ),
  },
  displays: [],
  user: { ...user('1', 'Ada Lovelace'), effectiveRole: 'admin' },
};

/** Every row as `engine label | priority | state | summary | source | assignee | age`. */
const rowTexts = (page: Page) =>
  page
    .locator('[data-testid="all-engines"] .queue-table__canvas [role="row"]')
    .evaluateAll((rows) =>
      rows
        .map((row) => ({
          index: Number(row.getAttribute('aria-rowindex')),
          text: [...row.querySelectorAll('[role="gridcell"]')]
            .slice(0, 7)
            .map((cell) => (cell.textContent ?? '').replace(/^[▲○●◆✓]/, '').trim())
            .join(' | '),
        }))
        .sort((a, b) => a.index - b.index)
        .map((row) => row.text),
    );
/** The rows as `engineId/alertId`, in the table's order. */
const rowKeys = async (page: Page) =>
  page
    .locator('[data-testid="all-engines"] .queue-table__canvas [role="row"]')
    .evaluateAll((rows) =>
      rows
        .map((row) => ({
          index: Number(row.getAttribute('aria-rowindex')),
          key: `${row.getAttribute('data-engine-id')}/${row.getAttribute('data-alert-id')}`,
        }))
        .sort((a, b) => a.index - b.index)
        .map((row) => row.key),
    );
const rowsUntil = (page: Page, keys: string[]) =>
  eventually(
    () => rowKeys(page),
    (list) => list.join() === keys.join(),
  );
/** The header, per engine then the totals, as `engine (stream): counts`. */
const header = (page: Page) =>
  page.locator('dl[aria-label="Open alerts by engine"] > div').evaluateAll((items) =>
    items.map((item) => {
      const text = (tag: string) =>
        (item.querySelector(tag)?.textContent ?? '').replace(/\s+/g, ' ').trim();
      return `${text('dt')}: ${text('dd')}`;
    }),
  );
/** The header's counts: per engine, then the totals. */
const counts = async (page: Page) => (await header(page)).map((line) => line.split(': ')[1]);
const row = (page: Page, engineId: string, alertId: string) =>
  page.locator(
    `[data-testid="all-engines"] [role="row"][data-engine-id="${engineId}"][data-alert-id="${alertId}"]`,
  );

let t: TestEngine;
let e2e: E2eBrowser;
const pages = pagePerTest(() => e2e);

beforeAll(async () => {
  [t, e2e] = await Promise.all([startTestEngine(), launchBrowser()]);
});
afterAll(async () => {
  await e2e?.close();
  await t?.dispose();
});

/**
 * The desktop app's All engines view (docs/desktop.md, "All engines") as an operator uses it: the
 * built console in Chromium with a fake `window.nocturne` (./fakeBridgeScript.ts) that streams
 * two engines, each with its own alerts, and lets the test change one of them; the page's clock
 * fixed, so the ages read the same on every run.
 */
describe('the All engines view of the desktop app', () => {
  const open = async (path: string, bridge: FakeBridgeData = data) => {
    const current = await pages.open();
    await current.page.clock.setFixedTime(now);
    await current.context.addInitScript(installFakeBridge, bridge);
    await current.page.goto(`${t.url}${path}`);
    await expectLive(current.page);
    return current.page;
  };
  /** Opens `/all-engines` with both engines' rows shown. */
  const openView = async () => {
    const page = await open('/all-engines');
    await rowsUntil(page, initialKeys);
    return page;
  };
  const calls = (page: Page) =>
    page.evaluate(() => (globalThis as unknown as PageGlobals).__bridgeCalls);
  const sent = async (page: Page, name: string) =>
    (await calls(page)).filter(([call]) => call === name).map(([, args]) => args);
  const change = (page: Page, engineId: string, changes: Change[]) =>
    page.evaluate(
      ([id, list]) => (globalThis as unknown as PageGlobals).__fakeEngines.change(id, list),
      [engineId, changes] as const,
    );
  const nav = (page: Page) => page.getByRole('navigation', { name: 'Sections' });

  /** HIGH first, then PENDING first, then oldest first; the two alerts `1` side by side. */
  const initialKeys = [
    'embedded/1',
    'remote-paris/1',
    'embedded/3',
    'embedded/2',
    'remote-paris/8',
  ];

  it('is not in the nav with one engine', async () => {
    const page = await open('/', {
      ...data,
      engines: [thisComputer],
      snapshots: { embedded: data.snapshots.embedded! },
    });
    await nav(page).getByRole('link', { name: 'Planning' }).waitFor();
    expect(await nav(page).getByRole('link', { name: 'All engines' }).count()).toBe(0);
  });

  it('is in the nav with two engines, and lists both engines’ alerts in one table, HIGH first', async () => {
    const page = await open('/');
    await nav(page).getByRole('link', { name: 'All engines' }).click();
    expect(new URL(page.url()).pathname).toBe('/all-engines');
    expect(await rowsUntil(page, initialKeys)).toEqual(initialKeys);
    expect(
      await page.getByRole('columnheader').evaluateAll((list) => list.map((h) => h.textContent)),
    ).toEqual(['Engine', 'Priority', 'State', 'Summary', 'Source', 'Assignee', 'Age', 'Actions']);
    expect(await rowTexts(page)).toEqual([
      'This computer | HIGH | Pending | Disk full on db-1 | Prometheus | — | 59m',
      'Paris NOC | HIGH | Pending | Paris probe failing | Paris Grafana | — | 55m',
      'This computer | HIGH | Accepted | Certificate expires in 7 days | Prometheus | Ada Lovelace | 57m',
      'This computer | LOW | Pending | Backup slow on db-2 | Prometheus | — | 58m',
      'Paris NOC | LOW | Pending | Paris queue lag | Paris Grafana | — | 52m',
    ]);

    expect(await header(page)).toEqual([
      'This computer live: 2 pending · 1 accepted',
      'Paris NOC live: 2 pending · 0 accepted',
      'All 2 engines: 4 pending · 1 accepted',
    ]);
    // An accepted row has nothing to accept.
    expect(await row(page, 'embedded', '3').getByRole('button', { name: 'Accept' }).count()).toBe(
      0,
    );
  });

  it('shows a change on one engine live: a new alert on Paris, one resolved on this computer', async () => {
    const page = await openView();
    await change(page, 'remote-paris', [{ kind: 'alert', value: parisDnsDown }]);
    const withNew = [
      'embedded/1',
      'remote-paris/1',
      'remote-paris/9',
      'embedded/3',
      'embedded/2',
      'remote-paris/8',
    ];
    expect(await rowsUntil(page, withNew)).toEqual(withNew);
    expect(await row(page, 'remote-paris', '9').textContent()).toContain('Paris DNS down');
    expect(await counts(page)).toEqual([
      '2 pending · 1 accepted',
      '3 pending · 0 accepted',
      '5 pending · 1 accepted',
    ]);

    const resolved = { ...backupSlow, state: 'RESOLVED' as const, resolvedAt: at('40') };
    await change(page, 'embedded', [{ kind: 'alert', value: resolved }]);
    const withoutResolved = withNew.filter((key) => key !== 'embedded/2');
    expect(await rowsUntil(page, withoutResolved)).toEqual(withoutResolved);
    expect(await counts(page)).toEqual([
      '1 pending · 1 accepted',
      '3 pending · 0 accepted',
      '4 pending · 1 accepted',
    ]);
    // Behind "Recently resolved too", last.
    await page.getByLabel('Recently resolved too').check();
    expect(await rowsUntil(page, [...withoutResolved, 'embedded/2'])).toEqual([
      ...withoutResolved,
      'embedded/2',
    ]);
  });

  it('accepts an alert on the row’s own engine', async () => {
    const page = await openView();
    await row(page, 'remote-paris', '1').getByRole('button', { name: 'Accept' }).click();
    expect(
      await eventually(
        () => sent(page, 'acceptAlert'),
        (list) => list.length > 0,
      ),
    ).toEqual([{ engineId: 'remote-paris', alertId: '1' }]);
    // The stream says so: Paris's alert 1 is accepted, this computer's alert 1 is not.
    const accepted = ['embedded/1', 'embedded/3', 'remote-paris/1', 'embedded/2', 'remote-paris/8'];
    expect(await rowsUntil(page, accepted)).toEqual(accepted);
    expect(await row(page, 'remote-paris', '1').textContent()).toContain('Accepted');
    expect(await row(page, 'embedded', '1').textContent()).toContain('Pending');
    expect(await counts(page)).toEqual([
      '2 pending · 1 accepted',
      '1 pending · 1 accepted',
      '3 pending · 2 accepted',
    ]);
  });

  it('opens a clicked summary in the console on the alert’s engine', async () => {
    const page = await openView();
    const switcher = page.getByTestId('engine-switcher');
    expect(await switcher.inputValue()).toBe('embedded');
    await row(page, 'remote-paris', '1')
      .getByRole('button', { name: 'Paris probe failing' })
      .click();
    await page.locator('[data-testid="alert-detail"][data-alert-id="1"]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/alerts/1');
    expect(
      await eventually(
        () => switcher.inputValue(),
        (value) => value === 'remote-paris',
      ),
    ).toBe('remote-paris');
    await page.getByTestId('alert-detail').getByText('Paris probe failing').first().waitFor();
    expect(await page.getByTestId('alert-detail').textContent()).not.toContain('Disk full');
    // Shown, not chosen: the engine remembered for the next start stays as it was.
    expect(await sent(page, 'updateSettings')).toEqual([]);
  });

  it('narrows the table to one engine with its chip', async () => {
    const page = await openView();
    const chip = page.getByRole('group', { name: 'Engines' }).getByRole('button', {
      name: 'Paris NOC',
    });
    await chip.click();
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    expect(await rowsUntil(page, ['remote-paris/1', 'remote-paris/8'])).toEqual([
      'remote-paris/1',
      'remote-paris/8',
    ]);
    // A change on the engine filtered out stays out; one on Paris comes in.
    await change(page, 'embedded', [
      { kind: 'alert', value: alert('4', { summary: 'CPU hot', createdAt: at('20') }) },
    ]);
    await change(page, 'remote-paris', [{ kind: 'alert', value: parisDnsDown }]);
    const parisOnly = ['remote-paris/1', 'remote-paris/9', 'remote-paris/8'];
    expect(await rowsUntil(page, parisOnly)).toEqual(parisOnly);
    await chip.click();
    expect(await chip.getAttribute('aria-pressed')).toBe('false');
    const all = [
      'embedded/1',
      'remote-paris/1',
      'embedded/4',
      'remote-paris/9',
      'embedded/3',
      'embedded/2',
      'remote-paris/8',
    ];
    expect(await rowsUntil(page, all)).toEqual(all);
  });
});
