import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applySettingsPatch,
  defaultSettings,
  settingsView,
} from '../../shared/ipc/desktopSettings.js';
import type { AlertSummary } from '../../shared/domain/alert.js';
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
  queueRowIds,
} from './harness.js';

/** What the tests read in the page (evaluated there: this file has no DOM types). */
interface PageGlobals {
  readonly __bridgeCalls: unknown[];
  __bridgeEmit(name: string, payload: unknown): void;
  readonly document: { readonly documentElement: { readonly dataset: { theme?: string } } };
}

/**
 * The console as the desktop app's console (docs/desktop.md, "The console in the desktop
 * app"), in plain Chromium: the engine serves the built console, and a fake `window.nocturne`
 * (./fakeBridgeScript.ts) stands for the preload bridge, so the page takes its desktop path —
 * no sign-in, the engine switcher, a clicked notification, the settings sections.
 */
describe('the console in the desktop app', () => {
  let t: TestEngine;
  let e2e: E2eBrowser;
  const pages = pagePerTest(() => e2e);

  const engine = fakeEngineView;
  const snapshot = (alerts: AlertSummary[]) => fakeSnapshot(alerts);
  const data: FakeBridgeData = {
    engines: [
      engine('embedded', 'This computer', 'http://127.0.0.1:7070'),
      engine('remote-paris', 'Paris NOC', 'https://paris.example.com'),
    ],
    // Opens on one engine's queue (the default, `all`, opens All engines with two engines).
    settings: settingsView(applySettingsPatch(defaultSettings(), { engines: { view: 'one' } })),
    snapshots: {
      embedded: snapshot([alert('1', { summary: 'Disk full on db-1' }), alert('2')]),
      'remote-paris': snapshot([alert('7', { summary: 'Paris probe failing' })]),
    },
    displays: [
      {
        id: 1,
        label: 'Built-in',
        primary: true,
        bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      },
      { id: 2, label: 'TV', primary: false, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } },
    ],
    user: { ...user('1', 'Ada Lovelace'), effectiveRole: 'admin' },
  };

  beforeAll(async () => {
    [t, e2e] = await Promise.all([startTestEngine(), launchBrowser()]);
  });
  afterAll(async () => {
    await e2e?.close();
    await t?.dispose();
  });

  const open = async (path = '/', bridge: FakeBridgeData = data) => {
    const current = await pages.open();
    await current.context.addInitScript(installFakeBridge, bridge);
    await current.page.goto(`${t.url}${path}`);
    if (bridge.engines.length > 0) await expectLive(current.page);
    return current.page;
  };
  const calls = (page: ConsolePage['page']) =>
    page.evaluate(() => (globalThis as unknown as PageGlobals).__bridgeCalls);

  it('shows the app’s engine without signing in, switches engines, and opens a clicked alert', async () => {
    const page = await open();
    const switcher = page.getByTestId('engine-switcher');
    expect(await switcher.inputValue()).toBe('embedded');
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await eventually(
      () => queueRowIds(page),
      (ids) => ids.length === 2,
    );
    expect((await queueRowIds(page)).sort()).toEqual(['1', '2']);

    await switcher.selectOption('remote-paris');
    expect(
      await eventually(
        () => queueRowIds(page),
        (ids) => ids.join() === '7',
      ),
    ).toEqual(['7']);
    expect(await calls(page)).toContainEqual([
      'updateSettings',
      { patch: { engines: { selectedEngineId: 'remote-paris' } } },
    ]);
    expect(await calls(page)).toContainEqual(['unsubscribeEngine', { engineId: 'embedded' }]);

    await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).__bridgeEmit('focusAlert', {
        engineId: 'embedded',
        alertId: '1',
      }),
    );
    await page.locator('[data-testid="alert-detail"][data-alert-id="1"]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/alerts/1');
    expect(await switcher.inputValue()).toBe('embedded');
    expect(await page.getByTestId('alert-detail').textContent()).toContain('Disk full on db-1');
  });

  it('changes the app’s settings from the settings view', async () => {
    const page = await open('/settings');
    await page.getByTestId('desktop-settings').waitFor();
    expect(await page.locator('.settings__engine').count()).toBe(2);

    await page.getByLabel('Sound for HIGH alerts').uncheck();
    await page.getByRole('button', { name: 'Pause 1 hour' }).click();
    await page.getByText(/Notifications are paused until \d\d:\d\d\./).waitFor();
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await page.getByText('Notifications are on.').waitFor();

    const form = page.getByRole('form', { name: 'Add a remote engine' });
    await form.getByLabel('Name').fill('Refused');
    await form.getByLabel('Engine address').fill('https://tokyo.example.com');
    await form.getByLabel('API token').fill('noc_wrong');
    await form.getByRole('button', { name: 'Add engine' }).click();
    await form.getByText('Not added: The engine does not accept this token.').waitFor();
    await form.getByLabel('Name').fill('Tokyo NOC');
    await form.getByRole('button', { name: 'Add engine' }).click();
    await page.locator('.settings__engine', { hasText: 'Tokyo NOC' }).waitFor();
    const tokyo = page.locator('.settings__engine', { hasText: 'Tokyo NOC' });
    await tokyo.getByRole('button', { name: 'Remove' }).click();
    await tokyo.getByRole('button', { name: 'Yes, remove' }).click();
    await eventually(
      () => page.locator('.settings__engine').count(),
      (n) => n === 2,
    );

    await page.getByRole('button', { name: 'Open a wall window' }).click();
    await page.getByLabel('Start Nocturne when I log in to this computer').check();
    await page.getByLabel('Light', { exact: true }).check();
    await eventually(
      () =>
        page.evaluate(
          () => (globalThis as unknown as PageGlobals).document.documentElement.dataset.theme,
        ),
      (theme) => theme === 'light',
    );
    const sent = await eventually(
      () => calls(page),
      (list) => list.filter((c) => (c as [string])[0] === 'updateSettings').length >= 3,
    );
    expect(sent).toEqual(
      expect.arrayContaining([
        ['updateSettings', { patch: { notifications: { soundForHigh: false } } }],
        ['pauseNotifications', { minutes: 60 }],
        ['resumeNotifications', {}],
        [
          'addRemoteEngine',
          { label: 'Tokyo NOC', url: 'https://tokyo.example.com', token: 'noc_wrong' },
        ],
        ['removeRemoteEngine', { engineId: 'remote-new-1' }],
        ['openWallWindow', { displayId: 2 }],
        ['updateSettings', { patch: { startAtLogin: true } }],
        ['updateSettings', { patch: { theme: 'light' } }],
      ]),
    );
    expect(await page.getByRole('button', { name: /Sign out/ }).count()).toBe(0);
  });

  it('opens on All engines when the setting says all, and the settings view chooses', async () => {
    const page = await open('/', { ...data, settings: settingsView(defaultSettings()) });
    await page.getByTestId('all-engines').waitFor();
    expect(new URL(page.url()).pathname).toBe('/all-engines');
    expect(await page.getByTestId('engine-switcher').inputValue()).toBe('embedded');

    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Settings' })
      .click();
    const openOn = page.getByRole('radiogroup', { name: 'Open on' });
    expect(await openOn.getByRole('radio', { name: /^All engines/ }).isChecked()).toBe(true);
    await openOn.getByRole('radio', { name: /^One engine/ }).check();
    await eventually(
      () => calls(page),
      (list) => list.some((c) => JSON.stringify(c).includes('"view":"one"')),
    );
    expect(await calls(page)).toContainEqual([
      'updateSettings',
      { patch: { engines: { view: 'one' } } },
    ]);
    expect(await openOn.getByRole('radio', { name: /^One engine/ }).isChecked()).toBe(true);
  });

  it('with no engine says why, and shows the remote engine added there', async () => {
    const page = await open('/', { ...data, engines: [] });
    const start = page.getByTestId('desktop-start');
    await start.getByText(/No engine to show/).waitFor();
    expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
    const form = start.getByRole('form', { name: 'Add a remote engine' });
    await form.getByLabel('Name').fill('Tokyo NOC');
    await form.getByLabel('Engine address').fill('not a url');
    await form.getByLabel('API token').fill('noc_tokyo');
    await form.getByRole('button', { name: 'Add engine' }).click();
    await form
      .getByText('The address is not a URL such as https://nocturne.example.com.')
      .waitFor();
    expect((await calls(page)).some((c) => (c as [string])[0] === 'addRemoteEngine')).toBe(false);
    await form.getByLabel('Engine address').fill('https://tokyo.example.com');
    await form.getByRole('button', { name: 'Add engine' }).click();
    await expectLive(page);
    expect(await page.getByTestId('engine-switcher').inputValue()).toBe('remote-new-1');
  });
});
