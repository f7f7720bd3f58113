import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { afterEach, expect } from 'vitest';
import { chromiumPath, headlessChromiumArgs } from '../../bench/console/chromium.js';

/**
 * End-to-end tests of the console (docs/console.md): Debian's Chromium driven by Playwright's
 * library (playwright-core; no `playwright install`, no downloaded browser) against a real
 * engine on 127.0.0.1. One browser per test file, one fresh context (profile) per test.
 */

export { chromiumPath };
const consoleIndex = fileURLToPath(new URL('../../dist/renderer/index.html', import.meta.url));

/** Fails loudly (never skips) when what the tests need is not there. */
export function requireBrowserAndBuild(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}. Install Debian's package ` +
        '(apt-get install chromium fonts-dejavu-core; .ci/run does it in CI), or point ' +
        'NOCTURNE_CHROMIUM at a Chromium binary. The console tests do not download a browser.',
    );
  }
  if (!existsSync(consoleIndex)) {
    throw new Error('dist/renderer is missing: run "npm run build" first (npm test does).');
  }
}

/** The built console's index.html has nothing the CSP would block (inline script or style). */
export function builtIndexHtml(): string {
  return readFileSync(consoleIndex, 'utf8');
}

export interface E2eBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<E2eBrowser> {
  requireBrowserAndBuild();
  const profileRoot = mkdtempSync(join(tmpdir(), 'nocturne-chromium-'));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      ...headlessChromiumArgs,
      // Fonts and colours as on every machine: the screenshot test compares pixels.
      '--font-render-hinting=none',
      '--force-color-profile=srgb',
    ],
    env: { ...process.env, TZ: 'UTC', HOME: profileRoot },
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profileRoot, { recursive: true, force: true });
    },
  };
}

export interface ConsolePage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Page errors, console errors and CSP violations seen so far: a test ends with none. */
  readonly problems: string[];
  close(): Promise<void>;
}

/** A fresh profile (no stored token) and page, in UTC, with problems collected. */
export async function openPage(
  e2e: E2eBrowser,
  viewport = { width: 1280, height: 720 },
): Promise<ConsolePage> {
  const context = await e2e.browser.newContext({
    timezoneId: 'UTC',
    locale: 'en-GB',
    viewport,
    deviceScaleFactor: 1,
    colorScheme: 'dark',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    // A refused or dropped WebSocket, a 401 sign-in check and a request refused while a test has
    // stopped the engine (the console probes REST to explain a failing stream) are expected.
    const expected =
      /WebSocket connection to .* failed|Failed to load resource: the server responded with a status of 401|Failed to load resource: net::ERR_CONNECTION_REFUSED/.test(
        text,
      );
    if ((message.type() === 'error' && !expected) || /Content Security Policy/i.test(text)) {
      problems.push(`console ${message.type()}: ${text}`);
    }
  });
  return { context, page, problems, close: () => context.close() };
}

/** Signs in through the form, and waits until the queue is live. */
export async function signIn(page: Page, engineUrl: string, token: string): Promise<void> {
  await page.goto(engineUrl);
  await page.getByLabel('Engine address').fill(engineUrl);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectLive(page);
}

export async function expectLive(page: Page, timeout = 15_000): Promise<void> {
  await page.locator('[data-testid="status-pill"][data-state="live"]').waitFor({ timeout });
}

/** The alert ids of the queue's rows in the DOM (all of them while they fit in the viewport). */
export async function queueRowIds(page: Page): Promise<string[]> {
  return page
    .locator('.queue-table__canvas [data-alert-id]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-alert-id') ?? ''));
}

export function expectNoProblems(console: ConsolePage): void {
  expect(console.problems).toEqual([]);
}

/**
 * Polls `read` until `check` holds or `ms` pass, and answers the last value read: REST state
 * that follows a click or a key press in the page (the test then asserts on it).
 */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  ms = 10_000,
): Promise<T> {
  const until = Date.now() + ms;
  let value = await read();
  while (!check(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/**
 * One console page per test, checked and closed after it (nothing the page logged as an error,
 * no CSP violation): call inside a `describe`; `open()` opens the test's page in `browser()`.
 */
export function pagePerTest(browser: () => E2eBrowser) {
  let current: ConsolePage | null = null;
  afterEach(async () => {
    const page = current;
    current = null;
    if (page) {
      expectNoProblems(page);
      await page.close();
    }
  });
  return {
    open: async (): Promise<ConsolePage> => (current = await openPage(browser())),
    /** The page of the running test, if it opened one. */
    current: () => current,
  };
}
