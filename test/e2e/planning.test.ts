import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredSchedule } from '../../shared/api/schedules.js';
import { defaultSettings, settingsView } from '../../shared/ipc/desktopSettings.js';
import type { ConflictView, DraftView, PlanningView } from '../../shared/ipc/ipcViews.js';
import type { Snapshot } from '../../shared/sync/syncStatus.js';
import { user } from '../helpers/wireFixtures.js';
import { adminToken, startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { installFakeBridge, type FakeBridgeData } from './fakeBridgeScript.js';
import {
  type ConsolePage,
  type E2eBrowser,
  eventually,
  expectLive,
  launchBrowser,
  pagePerTest,
  signIn,
} from './harness.js';

/** What the tests read and steer in the page (evaluated there: this file has no DOM types). */
interface PageGlobals {
  readonly __bridgeCalls: Array<[string, unknown]>;
  readonly __fakePlanning: {
    setReachable(value: boolean): void;
    request(name: string, args: Record<string, unknown>): Promise<unknown>;
  };
}

/** The page's clock: the day before Berlin's clocks go forward (Sun 29 Mar 2026, 02:00). */
const now = Date.parse('2026-03-28T10:05:00.000Z');
const syncedAt = '2026-03-28T10:00:00.000Z';

const users = [user('ana', 'Ana'), user('ben', 'Ben'), user('chloe', 'Chloe')];

/** A Berlin schedule with one daily layer handing off at 09:00 local. */
function schedule(id: string, name: string, version: number, userIds: string[]): StoredSchedule {
  return {
    id,
    name,
    timeZone: 'Europe/Berlin',
    version,
    layers: [
      {
        id: `${id}-daily`,
        name: 'Daily',
        start: '2026-03-01T00:00:00+01:00',
        end: null,
        userIds,
        rotation: { anchor: '2026-03-01T09:00:00+01:00', turn: { unit: 'days', length: 1 } },
        restrictions: [],
      },
    ],
    overrides: [],
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
  };
}

/** The copy: NOC primary (unchanged on the engine since), Database and Edge (changed since). */
const noc = schedule('noc', 'NOC primary', 3, ['ana', 'ben', 'chloe']);
const database = schedule('db', 'Database', 5, ['ana', 'ben']);
const edge = schedule('edge', 'Edge network', 2, ['ana', 'chloe']);

/** The engine now: someone took a shift on Database, and someone reordered Edge's rotation. */
const databaseNow: StoredSchedule = {
  ...database,
  version: 6,
  overrides: [
    {
      id: 'o-ana',
      start: '2026-03-29T12:00:00+02:00',
      end: '2026-03-29T20:00:00+02:00',
      userId: 'ana',
      createdAt: '2026-03-28T09:30:00.000Z',
    },
  ],
};
const edgeNow: StoredSchedule = {
  ...edge,
  version: 3,
  layers: [{ ...edge.layers[0]!, userIds: ['chloe', 'ana'] }],
};

const override = (userId: string, day: string) => ({
  start: `2026-03-${day}T09:00:00+02:00`,
  end: `2026-03-${day}T17:00:00+02:00`,
  userId,
});
const draft = (
  id: string,
  scheduleId: string,
  baseVersion: number,
  minute: string,
  more: Partial<DraftView>,
): DraftView => ({
  id,
  engineId: 'embedded',
  scheduleId,
  kind: 'override',
  baseVersion,
  payload: null,
  createdAt: `2026-03-28T09:${minute}:00.000Z`,
  state: 'pending',
  problem: null,
  ...more,
});
/** A schedule edit as main keeps it: the PUT body (no version, no times, no overrides). */
const edgeEdit = {
  name: 'Edge EU',
  timeZone: 'Europe/Berlin',
  layers: [{ ...edge.layers[0]!, userIds: ['ben', 'ana'] }],
};
const drafts: DraftView[] = [
  draft('d-db', 'db', 5, '10', { payload: override('ben', '29'), state: 'conflict' }),
  draft('d-edge', 'edge', 2, '11', { kind: 'schedule', payload: edgeEdit, state: 'conflict' }),
  draft('d-rejected', 'noc', 3, '12', {
    payload: override('chloe', '30'),
    state: 'rejected',
    problem: 'Chloe may not take shifts on this schedule',
  }),
  draft('d-pending', 'noc', 3, '13', { payload: override('ana', '31') }),
];
const conflict = (id: string, d: DraftView, theirs: StoredSchedule): ConflictView => ({
  id,
  draftId: d.id,
  engineId: 'embedded',
  scheduleId: theirs.id,
  mine: d.payload,
  theirs,
  detectedAt: '2026-03-28T09:20:00.000Z',
});
const copy: PlanningView = {
  engineId: 'embedded',
  schedules: [noc, database, edge],
  users,
  drafts,
  conflicts: [conflict('c-db', drafts[0]!, databaseNow), conflict('c-edge', drafts[1]!, edgeNow)],
  syncedAt,
};

const snapshot: Snapshot = {
  streamId: 'stream-1',
  seq: 1,
  serverTime: new Date(now).toISOString(),
  alerts: [],
  alertSources: [],
  users,
  teams: [],
  schedules: [],
  escalationPolicies: [],
  alertEscalations: [],
};
const data: FakeBridgeData = {
  engines: [
    {
      id: 'embedded',
      label: 'This computer',
      kind: 'embedded',
      url: 'http://127.0.0.1:7070',
      status: 'live',
      problem: null,
      pendingForMe: 0,
      pendingOverall: 0,
    },
  ],
  settings: settingsView(defaultSettings()),
  snapshots: { embedded: snapshot },
  displays: [],
  user: { ...user('ana', 'Ana'), effectiveRole: 'admin' },
  // Main cannot reach the engine for planning at first: the copy is all there is.
  planning: {
    copies: { embedded: copy },
    engineSchedules: { embedded: [noc, databaseNow, edgeNow] },
    reachable: false,
  },
};

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
 * The desktop app's Planning view (docs/desktop.md, "Offline planning in the console") as an
 * operator uses it: the built console in Chromium with a fake `window.nocturne` holding main's
 * offline planner in memory (./fakeBridgeScript.ts), the page's clock fixed.
 */
describe('offline planning in the desktop console', () => {
  /** Opens the console at `path` in the desktop app, live, once the automatic push answered. */
  const open = async (path: string) => {
    const current = await pages.open();
    await current.page.clock.setFixedTime(now);
    await current.context.addInitScript(installFakeBridge, data);
    await current.page.goto(`${t.url}${path}`);
    await expectLive(current.page);
    // The connection turning live pushes the pending draft once; main cannot reach the engine.
    await eventually(
      () => sent(current.page, 'pushDrafts'),
      (list) => list.length === 1,
    );
    return current.page;
  };
  const calls = (page: ConsolePage['page']) =>
    page.evaluate(() => (globalThis as unknown as PageGlobals).__bridgeCalls);
  const sent = async (page: ConsolePage['page'], name: string) =>
    (await calls(page)).filter(([call]) => call === name).map(([, args]) => args);
  const setReachable = (page: ConsolePage['page'], value: boolean) =>
    page.evaluate(
      (v) => (globalThis as unknown as PageGlobals).__fakePlanning.setReachable(v),
      value,
    );
  const draftRow = (page: ConsolePage['page'], text: string) =>
    page.getByTestId('planning-draft').filter({ hasText: text });

  it('is in the nav; shows the copy’s age, the drafts with their state, the automatic push', async () => {
    const page = await open('/');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await nav.getByRole('link', { name: 'Planning' }).click();
    await page.getByRole('heading', { name: 'Planning: This computer' }).waitFor();
    await page.getByRole('heading', { name: 'Drafts (4)' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/planning');
    expect(await nav.getByRole('link', { name: 'Planning' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await page.getByTestId('planning-age').textContent()).toBe(
      'Offline copy of schedules and users: copied from the engine 5 min ago (2026-03-28 10:00).',
    );
    await page
      .getByText(
        'Pushed automatically when the engine came back (10:05): engine unreachable, everything stays queued.',
      )
      .waitFor();

    const rows = page.getByTestId('planning-draft');
    expect(
      await rows.evaluateAll((list) => list.map((row) => row.getAttribute('data-state'))),
    ).toEqual(['conflict', 'conflict', 'rejected', 'pending']);
    const pending = draftRow(page, 'Ana on call');
    expect(await pending.locator('.planning__badge').textContent()).toBe('pending');
    expect(await pending.textContent()).toContain(
      'override: Ana on call Tue 31 Mar 09:00 – 17:00 (Europe/Berlin)',
    );
    expect(await pending.textContent()).toContain('based on version 3');
    const edit = draftRow(page, 'Edge network');
    expect(await edit.locator('.planning__badge').textContent()).toBe('conflict');
    expect(await edit.textContent()).toContain('edit of Edge network (renamed to "Edge EU")');
    const rejected = draftRow(page, 'Chloe on call');
    expect(await rejected.locator('.planning__badge').textContent()).toBe('rejected');
    expect(await rejected.textContent()).toContain(
      'The engine refused it: Chloe may not take shifts on this schedule. Discard it, or draft it again differently.',
    );
    await page.getByRole('button', { name: 'Push drafts now (1 pending)' }).waitFor();
  });

  it('drafts an override with the form, in the schedule’s zone, on the copy’s version', async () => {
    const page = await open('/planning');
    const form = page.getByRole('form', { name: 'Draft an override' });
    await form.getByLabel('Schedule').selectOption({ label: 'NOC primary (version 3)' });
    await form.getByLabel('Who').selectOption({ label: 'Ben' });
    // Sunday 29 March: the first day of summer time in Berlin (UTC+2).
    await form.getByLabel('Start (Europe/Berlin)').fill('2026-03-29T09:00');
    await form.getByLabel('End (Europe/Berlin)').fill('2026-03-29T08:00');
    await form.getByRole('button', { name: 'Draft override' }).click();
    await form.getByText('The override must end after it starts.').waitFor();
    expect(await sent(page, 'draftOverride')).toEqual([]);

    await form.getByLabel('End (Europe/Berlin)').fill('2026-03-29T17:00');
    await form.getByRole('button', { name: 'Draft override' }).click();
    await page.getByText('Override drafted: it is queued until the next push.').waitFor();
    expect(await sent(page, 'draftOverride')).toEqual([
      {
        engineId: 'embedded',
        scheduleId: 'noc',
        baseVersion: 3,
        start: '2026-03-29T09:00:00+02:00',
        end: '2026-03-29T17:00:00+02:00',
        userId: 'ben',
      },
    ]);
    await page.getByRole('heading', { name: 'Drafts (5)' }).waitFor();
    const mine = draftRow(page, 'Ben on call Sun 29 Mar 09:00 – 17:00 (Europe/Berlin)').filter({
      hasText: 'NOC primary',
    });
    expect(await mine.getAttribute('data-state')).toBe('pending');
    expect(await mine.locator('.planning__badge').textContent()).toBe('pending');
    expect(await mine.textContent()).toContain('based on version 3');
    expect(await form.getByTestId('planning-form-problems').count()).toBe(0);
    await page.getByRole('button', { name: 'Push drafts now (2 pending)' }).waitFor();
  });

  it('drafts a layer change: rotation reordered by keyboard, turns, a restriction; on the copy’s version', async () => {
    const page = await open('/planning');
    const form = page.getByRole('form', { name: 'Draft a layer change' });
    await form.getByLabel('Schedule').selectOption({ label: 'NOC primary (version 3)' });
    const rotation = form.getByRole('list', { name: 'Rotation' });
    expect(await rotation.getByRole('listitem').allTextContents()).toEqual([
      'Ana↑↓Remove',
      'Ben↑↓Remove',
      'Chloe↑↓Remove',
    ]);
    // Ben to the top with the keyboard: the focus follows him (up is then disabled: down).
    await form.getByRole('button', { name: 'Move Ben up' }).focus();
    await page.keyboard.press('Enter');
    expect(await rotation.getByRole('listitem').allTextContents()).toEqual([
      'Ben↑↓Remove',
      'Ana↑↓Remove',
      'Chloe↑↓Remove',
    ]);
    expect(
      await form
        .getByRole('button', { name: 'Move Ben down' })
        .evaluate((button) => button === button.ownerDocument.activeElement),
    ).toBe(true);
    await form.getByText('Ben moved to position 1 of 3.').waitFor({ state: 'attached' });

    await form.getByLabel('Turn length').fill('0');
    await form.getByRole('button', { name: 'Draft layer change' }).click();
    await form.getByText('A turn lasts a whole number of days, at least 1.').waitFor();
    expect(await sent(page, 'draftScheduleEdit')).toEqual([]);

    await form.getByLabel('Turn length').fill('2');
    await form.getByRole('button', { name: 'Add a restriction' }).click();
    await form.getByLabel('Restriction 1: closes at').fill('18:00');
    await form.getByRole('button', { name: 'Draft layer change' }).click();
    await page.getByText('Layer change drafted: it is queued until the next push.').waitFor();
    expect(await sent(page, 'draftScheduleEdit')).toEqual([
      {
        engineId: 'embedded',
        scheduleId: 'noc',
        baseVersion: 3,
        schedule: {
          name: 'NOC primary',
          timeZone: 'Europe/Berlin',
          layers: [
            {
              ...noc.layers[0],
              userIds: ['ben', 'ana', 'chloe'],
              rotation: { anchor: '2026-03-01T09:00:00+01:00', turn: { unit: 'days', length: 2 } },
              restrictions: [{ kind: 'daily', start: '09:00', end: '18:00' }],
            },
          ],
        },
      },
    ]);
    await page.getByRole('heading', { name: 'Drafts (5)' }).waitFor();
    const mine = draftRow(page, 'layer "Daily" users: Ana, Ben, Chloe → Ben, Ana, Chloe');
    expect(await mine.getAttribute('data-state')).toBe('pending');
    expect(await mine.locator('.planning__badge').textContent()).toBe('pending');
    expect(await mine.textContent()).toContain('based on version 3');
    expect(await mine.textContent()).toContain(
      'layer "Daily" rotation: turns of 1 day from Sun 1 Mar 09:00 → turns of 2 days from Sun 1 Mar 09:00',
    );
    expect(await form.getByTestId('planning-layer-problems').count()).toBe(0);
    await page.getByRole('button', { name: 'Push drafts now (2 pending)' }).waitFor();
  });

  it('shows conflicts side by side; keeps mine; a conflict resolved elsewhere goes too', async () => {
    const page = await open('/planning');
    await page.getByRole('heading', { name: 'Conflicts (2)' }).waitFor();
    const conflicts = page.getByTestId('planning-conflict');
    const shift = conflicts.filter({ hasText: 'Database' });
    expect(await shift.getByRole('heading', { level: 3 }).textContent()).toBe(
      'Database: your draft (based on version 5) met version 6 on the engine',
    );
    const sides = shift.locator('.planning__sides').first().locator('.planning__side');
    expect(await sides.nth(0).getByRole('heading').textContent()).toBe('Yours (draft)');
    expect(await sides.nth(0).textContent()).toContain(
      'Ben on call Sun 29 Mar 09:00 – 17:00 (Europe/Berlin)',
    );
    expect(await sides.nth(1).getByRole('heading').textContent()).toBe(
      "The engine's now (version 6)",
    );
    expect(await sides.nth(1).textContent()).toBe(
      "The engine's now (version 6)Ana on call Sun 29 Mar 12:00 – 20:00 (Europe/Berlin) — overlaps yours",
    );

    const rename = conflicts.filter({ hasText: 'Edge network' });
    const table = rename.getByRole('table');
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'What',
      'Yours (draft)',
      "The engine's now (version 3)",
    ]);
    const diffRows = table.locator('tbody tr');
    expect(
      await Promise.all(
        (await diffRows.all()).map((row) => row.locator('th, td').allTextContents()),
      ),
    ).toEqual([
      ['Name', 'Edge EU', 'Edge network'],
      ['Layer "Daily": users', 'Ben, Ana', 'Chloe, Ana'],
    ]);

    await shift.getByRole('button', { name: 'Keep mine (re-queue on top of theirs)' }).click();
    await page.getByText('Your draft is queued again on version 6: push to send it.').waitFor();
    expect(await sent(page, 'resolveConflict')).toEqual([{ conflictId: 'c-db', choice: 'mine' }]);
    await page.getByRole('heading', { name: 'Conflicts (1)' }).waitFor();
    expect(await conflicts.filter({ hasText: 'Database' }).count()).toBe(0);
    const requeued = draftRow(page, 'Ben on call Sun 29 Mar');
    expect(await requeued.getAttribute('data-state')).toBe('pending');
    expect(await requeued.textContent()).toContain('based on version 6');

    // Another window takes theirs: main's planningChanged alone brings the view up to date.
    const reads = (await sent(page, 'getPlanning')).length;
    await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).__fakePlanning.request('resolveConflict', {
        conflictId: 'c-edge',
        choice: 'theirs',
      }),
    );
    await eventually(
      () => conflicts.count(),
      (n) => n === 0,
    );
    expect(await conflicts.count()).toBe(0);
    expect((await sent(page, 'getPlanning')).length).toBeGreaterThan(reads);
    expect(await draftRow(page, 'Edge network').count()).toBe(0);
    expect(await sent(page, 'resolveConflict')).toHaveLength(1);
  });

  it('pushes and refreshes when asked: everything stays while unreachable, then the report', async () => {
    const page = await open('/planning');
    const notice = page.getByTestId('planning-notice');
    await page.getByRole('button', { name: 'Refresh copy' }).click();
    await notice
      .getByText(
        'The engine could not be reached. The offline copy stays as it was (copied from the engine 5 min ago).',
      )
      .waitFor();
    await page.getByRole('button', { name: 'Push drafts now (1 pending)' }).click();
    await notice.getByText('Engine unreachable: everything stays queued.').waitFor();
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await draftRow(page, 'Ana on call Tue 31 Mar').getAttribute('data-state')).toBe(
      'pending',
    );

    await setReachable(page, true);
    await page.getByRole('button', { name: 'Push drafts now (1 pending)' }).click();
    await notice.getByText('Pushed 1 draft, 0 conflicts, 0 rejected.').waitFor();
    expect(await sent(page, 'pushDrafts')).toEqual([
      { engineId: 'embedded' },
      { engineId: 'embedded' },
      { engineId: 'embedded' },
    ]);
    await page.getByRole('heading', { name: 'Drafts (3)' }).waitFor();
    expect(await draftRow(page, 'Ana on call Tue 31 Mar').count()).toBe(0);
    await page.getByRole('button', { name: 'Push drafts now (0 pending)' }).waitFor();
    // The copy took the engine's schedule the draft went into.
    await page
      .getByRole('form', { name: 'Draft an override' })
      .getByRole('option', { name: 'NOC primary (version 4)' })
      .waitFor({ state: 'attached' });

    await page.getByRole('button', { name: 'Refresh copy' }).click();
    await notice.getByText('Copy refreshed: 3 schedules, 3 users.').waitFor();
    expect(await page.getByTestId('planning-age').textContent()).toBe(
      'Offline copy of schedules and users: copied from the engine just now (2026-03-28 10:05).',
    );
    expect(await sent(page, 'refreshPlanning')).toEqual([
      { engineId: 'embedded' },
      { engineId: 'embedded' },
    ]);
  });

  it('asks before discarding a draft', async () => {
    const page = await open('/planning');
    const rejected = draftRow(page, 'Chloe on call');
    await rejected.getByRole('button', { name: 'Discard…' }).click();
    await rejected.getByText('Discard this draft? It is never sent.').waitFor();
    await rejected.getByRole('button', { name: 'Keep it' }).click();
    expect(await rejected.getByText('Discard this draft? It is never sent.').count()).toBe(0);
    expect(await sent(page, 'discardDraft')).toEqual([]);

    await rejected.getByRole('button', { name: 'Discard…' }).click();
    expect(await sent(page, 'discardDraft')).toEqual([]);
    await rejected.getByRole('button', { name: 'Discard', exact: true }).click();
    await page.getByText('Draft discarded.').waitFor();
    expect(await sent(page, 'discardDraft')).toEqual([{ draftId: 'd-rejected' }]);
    await page.getByRole('heading', { name: 'Drafts (3)' }).waitFor();
    expect(await draftRow(page, 'Chloe on call').count()).toBe(0);
  });
});

describe('offline planning in a browser', () => {
  it('says that offline planning is part of the desktop app', async () => {
    const { page } = await pages.open();
    await signIn(page, t.url, adminToken);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    expect(await nav.getByRole('link', { name: 'Planning' }).count()).toBe(0);
    await page.goto(`${t.url}/planning`);
    await page
      .getByText('Offline schedule planning is part of the Nocturne desktop app.')
      .waitFor();
    expect(await page.getByRole('form', { name: 'Draft an override' }).count()).toBe(0);
  });
});
