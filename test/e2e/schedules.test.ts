import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { client, type Client } from '../helpers/http.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { type E2eBrowser, launchBrowser, pagePerTest, signIn } from './harness.js';

/** The page's clock: Sunday 29 March 2026, 14:00 in Berlin, the day clocks go forward. */
const frozenAt = new Date('2026-03-29T12:00:00Z');

interface FinalBlock {
  userId: string;
  start: string;
  end: string;
  draft: boolean;
  label: string;
}

/** The blocks of the calendar's final lane, as the page lays them out. */
async function finalLane(page: Page): Promise<FinalBlock[]> {
  return page.locator('[data-lane="final"] .cal-block').evaluateAll((blocks) =>
    blocks.map((b) => ({
      userId: b.getAttribute('data-user-id') ?? '',
      start: b.getAttribute('data-start') ?? '',
      end: b.getAttribute('data-end') ?? '',
      draft: b.getAttribute('data-draft') === 'true',
      label: b.getAttribute('aria-label') ?? '',
    })),
  );
}

/** Who the final lane shows at `iso` ('' for a gap). */
async function finalUserAt(page: Page, iso: string): Promise<FinalBlock | undefined> {
  const t = Date.parse(iso);
  const blocks = await finalLane(page);
  return blocks.find((b) => Date.parse(b.start) <= t && t < Date.parse(b.end));
}

describe('the schedules calendar against a real engine', () => {
  let t: TestEngine;
  let e2e: E2eBrowser;
  let admin: Client;
  const pages = pagePerTest(() => e2e);
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let scheduleId = '';

  const onCallAt = async (iso: string) => {
    const answer = await admin.get(
      `/api/v1/schedules/${scheduleId}/on-call?at=${encodeURIComponent(iso)}`,
    );
    expect(answer.status).toBe(200);
    return answer.body.onCall?.userId ?? null;
  };

  beforeAll(async () => {
    [t, e2e] = await Promise.all([startTestEngine(), launchBrowser()]);
    admin = client(t.url);
    const people = [
      ['ana', 'Ana Alder', 'responder'],
      ['ben', 'Ben Birch', 'responder'],
      ['chloe', 'Chloe Cedar', 'responder'],
      ['dev', 'Dev Dogwood', 'responder'],
      ['wall', 'Wall Screen', 'viewer'],
    ] as const;
    for (const [key, name, role] of people) {
      const created = await admin.post('/api/v1/users', {
        name,
        email: `${key}@example.test`,
        role,
      });
      expect(created.status).toBe(201);
      ids[key] = created.body.id;
    }
    for (const key of ['ben', 'wall']) {
      const token = await admin.post(`/api/v1/users/${ids[key]}/tokens`, { name: 'console' });
      expect(token.status).toBe(201);
      tokens[key] = token.body.token;
    }
    const schedule = await admin.post('/api/v1/schedules', {
      name: 'NOC Berlin',
      timeZone: 'Europe/Berlin',
      layers: [
        {
          name: 'Daily',
          start: '2026-03-01T00:00:00+01:00',
          end: null,
          userIds: [ids.ana, ids.ben, ids.chloe],
          rotation: { anchor: '2026-03-01T09:00:00+01:00', turn: { unit: 'days', length: 1 } },
          restrictions: [],
        },
      ],
    });
    expect(schedule.status).toBe(201);
    scheduleId = schedule.body.id;
  });
  afterAll(async () => {
    await e2e?.close();
    await t?.dispose();
  });

  const openAs = async (token: string) => {
    const current = await pages.open();
    await current.page.clock.setFixedTime(frozenAt);
    await signIn(current.page, t.url, token);
    await current.page.getByRole('link', { name: 'Schedules', exact: true }).click();
    return current.page;
  };

  it('lists the schedule with who is on call now, and my shifts', async () => {
    const page = await openAs(tokens.ben!);
    const card = page.locator(`[data-schedule-id="${scheduleId}"]`);
    await expect
      .poll(() => card.locator('[data-testid="on-call-now"]').textContent())
      .toContain('On call now: Ben Birch');
    expect(await card.textContent()).toContain('until Mon 30 Mar 09:00, then Chloe Cedar');
    const mine = page.getByTestId('my-shifts');
    expect(await mine.textContent()).toContain('NOC Berlin');
    expect(await mine.textContent()).toContain('on call now');
  });

  it('shows the right person on both sides of the DST change, in both zones', async () => {
    const page = await openAs(tokens.ben!);
    await page.locator('.schedule-card__name', { hasText: 'NOC Berlin' }).click();
    await expect
      .poll(() => page.getByTestId('calendar-title').textContent())
      .toBe('Week of Mon 23 Mar 2026');
    expect(await page.getByTestId('offset-changes').textContent()).toContain(
      'Sun 29 Mar: 23 h day. Clocks go forward 02:00 → 03:00 (UTC+1 → UTC+2)',
    );
    expect(await page.locator('.cal-day[data-date="2026-03-29"]').getAttribute('data-hours')).toBe(
      '23',
    );
    // Saturday before the change: Ana, 09:00 +01:00 → Sunday 09:00 +02:00 (23 hours).
    const saturday = await finalUserAt(page, '2026-03-28T12:00:00+01:00');
    expect(saturday).toMatchObject({
      userId: ids.ana,
      start: '2026-03-28T08:00:00.000Z',
      end: '2026-03-29T07:00:00.000Z',
    });
    expect(saturday!.label).toContain('Sat 28 Mar 09:00 – Sun 29 Mar 09:00');
    const sunday = await finalUserAt(page, '2026-03-29T12:00:00+02:00');
    expect(sunday).toMatchObject({ userId: ids.ben, start: '2026-03-29T07:00:00.000Z' });
    // The engine agrees.
    expect(await onCallAt('2026-03-28T12:00:00+01:00')).toBe(ids.ana);
    expect(await onCallAt('2026-03-29T12:00:00+02:00')).toBe(ids.ben);
    await expect.poll(() => page.getByTestId('calendar-now').count()).toBe(1);

    // Drawn in the viewer's zone (UTC): the same instants, labelled on the UTC clock.
    await page.getByRole('button', { name: /^Yours: UTC/ }).click();
    await expect.poll(() => page.getByTestId('offset-changes').count()).toBe(0);
    const inUtc = await finalUserAt(page, '2026-03-29T12:00:00+02:00');
    expect(inUtc!.label).toContain('Sun 29 Mar 07:00 – Mon 30 Mar 07:00');

    // Keyboard: → goes to the next week, t back to today.
    await page.getByRole('button', { name: /^Schedule: Europe\/Berlin/ }).click();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByTestId('calendar-title').textContent())
      .toBe('Week of Mon 30 Mar 2026');
    await page.keyboard.press('t');
    await expect
      .poll(() => page.getByTestId('calendar-title').textContent())
      .toBe('Week of Mon 23 Mar 2026');
  });

  it('previews an override from the form before saving, then saves and deletes it', async () => {
    const page = await openAs(tokens.ben!);
    await page.locator('.schedule-card__name', { hasText: 'NOC Berlin' }).click();
    await page.getByTestId('calendar-grid').waitFor();
    await page.getByLabel('Start', { exact: true }).fill('2026-03-29T13:00');
    await page.getByLabel('End', { exact: true }).fill('2026-03-29T19:00');
    await page.getByLabel('Who', { exact: true }).selectOption({ label: 'Dev Dogwood' });

    await expect
      .poll(() => page.getByTestId('override-preview').textContent())
      .toContain('Dev Dogwood on call Sun 29 Mar 13:00 – 19:00');
    const preview = await finalUserAt(page, '2026-03-29T15:00:00+02:00');
    expect(preview).toMatchObject({
      userId: ids.dev,
      draft: true,
      start: '2026-03-29T11:00:00.000Z',
      end: '2026-03-29T17:00:00.000Z',
    });
    // Not saved yet: the engine still has Ben.
    expect(await onCallAt('2026-03-29T15:00:00+02:00')).toBe(ids.ben);

    await page.getByRole('button', { name: 'Save override' }).click();
    await expect
      .poll(() => page.getByTestId('override-status').textContent())
      .toBe('Override saved.');
    expect(await onCallAt('2026-03-29T15:00:00+02:00')).toBe(ids.dev);
    expect(await onCallAt('2026-03-29T12:00:00+02:00')).toBe(ids.ben);
    // The stream brings the stored override: the same block, no longer a draft.
    await expect
      .poll(async () => await finalUserAt(page, '2026-03-29T15:00:00+02:00'))
      .toMatchObject({ userId: ids.dev, draft: false });

    await page.getByRole('button', { name: /^Delete the override of Dev Dogwood/ }).click();
    await expect
      .poll(() => page.getByTestId('override-status').textContent())
      .toBe('Override deleted.');
    expect(await onCallAt('2026-03-29T15:00:00+02:00')).toBe(ids.ben);
  });

  it('drafts an override by dragging across the final lane', async () => {
    const page = await openAs(tokens.ben!);
    await page.locator('.schedule-card__name', { hasText: 'NOC Berlin' }).click();
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('calendar-title').textContent())
      .toBe('Sunday 29 March 2026');
    const track = page.locator('[data-lane="final"] .cal-lane__track');
    const box = (await track.boundingBox())!;
    // The day has 23 hours: 03:00 local is 2/23 of the way, 09:00 local 8/23.
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + (box.width * 2) / 23, y);
    await page.mouse.down();
    await page.mouse.move(box.x + (box.width * 5) / 23, y, { steps: 4 });
    await page.mouse.move(box.x + (box.width * 8) / 23, y, { steps: 4 });
    await page.mouse.up();
    expect(await page.getByLabel('Start', { exact: true }).inputValue()).toBe('2026-03-29T03:00');
    expect(await page.getByLabel('End', { exact: true }).inputValue()).toBe('2026-03-29T09:00');
    await page.getByLabel('Who', { exact: true }).selectOption({ label: 'Chloe Cedar' });
    const preview = await finalUserAt(page, '2026-03-29T05:00:00+02:00');
    expect(preview).toMatchObject({ userId: ids.chloe, draft: true });
    await page.getByRole('button', { name: 'Discard draft' }).click();
    expect((await finalUserAt(page, '2026-03-29T05:00:00+02:00'))?.userId).toBe(ids.ana);
  });

  it('moves an override by dragging it and resizes it from its edge; saving replaces it', async () => {
    const before = (await admin.get(`/api/v1/schedules/${scheduleId}`)).body;
    const taken = await admin.post(`/api/v1/schedules/${scheduleId}/overrides`, {
      start: '2026-03-29T13:00:00+02:00',
      end: '2026-03-29T19:00:00+02:00',
      userId: ids.dev,
      version: before.version,
    });
    expect(taken.status).toBe(201);
    const page = await openAs(tokens.ben!);
    await page.locator('.schedule-card__name', { hasText: 'NOC Berlin' }).click();
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('calendar-title').textContent())
      .toBe('Sunday 29 March 2026');
    // The 23-hour day: local hour h (after 03:00) lies (h - 1)/23 of the way.
    const track = (await page.locator('[data-lane="overrides"] .cal-lane__track').boundingBox())!;
    const x = (hour: number) => track.x + (track.width * (hour - 1)) / 23;
    const y = track.y + track.height / 2;
    await page.mouse.move(x(16), y);
    await page.mouse.down();
    await page.mouse.move(x(17), y, { steps: 4 });
    await page.mouse.move(x(18), y, { steps: 4 });
    await page.mouse.up();
    expect(await page.getByLabel('Start', { exact: true }).inputValue()).toBe('2026-03-29T15:00');
    expect(await page.getByLabel('End', { exact: true }).inputValue()).toBe('2026-03-29T21:00');
    // The final lane previews the move: Ben again at 14:00, Dev until 21:00; the engine unchanged.
    expect(await finalUserAt(page, '2026-03-29T14:00:00+02:00')).toMatchObject({
      userId: ids.ben,
    });
    expect(await finalUserAt(page, '2026-03-29T20:00:00+02:00')).toMatchObject({
      userId: ids.dev,
      draft: true,
    });
    expect(await onCallAt('2026-03-29T14:00:00+02:00')).toBe(ids.dev);

    // Its right edge, two hours later.
    const draft = page.locator('[data-lane="overrides"] [data-override-id="(draft)"]');
    const box = (await draft.boundingBox())!;
    await page.mouse.move(box.x + box.width - 2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 2 + (x(23) - x(21)), y, { steps: 6 });
    await page.mouse.up();
    expect(await page.getByLabel('End', { exact: true }).inputValue()).toBe('2026-03-29T23:00');
    expect(await page.getByLabel('Start', { exact: true }).inputValue()).toBe('2026-03-29T15:00');

    await page.getByRole('button', { name: 'Save change' }).click();
    await expect
      .poll(() => page.getByTestId('override-status').textContent())
      .toBe('Override changed.');
    expect(await onCallAt('2026-03-29T14:00:00+02:00')).toBe(ids.ben);
    expect(await onCallAt('2026-03-29T22:30:00+02:00')).toBe(ids.dev);
    expect((await admin.get(`/api/v1/schedules/${scheduleId}`)).body.overrides).toMatchObject([
      { start: '2026-03-29T15:00:00+02:00', end: '2026-03-29T23:00:00+02:00', userId: ids.dev },
    ]);

    // The keyboard's way: "Change" loads it into the form.
    await page.getByRole('button', { name: /^Change the override of Dev Dogwood/ }).click();
    await page.getByRole('heading', { name: 'Change an override' }).waitFor();
    await page.getByLabel('End', { exact: true }).fill('2026-03-29T22:00');
    await page.getByRole('button', { name: 'Save change' }).click();
    await expect
      .poll(() => page.getByTestId('override-status').textContent())
      .toBe('Override changed.');
    expect(await onCallAt('2026-03-29T22:30:00+02:00')).toBe(ids.ben);
    const stored = (await admin.get(`/api/v1/schedules/${scheduleId}`)).body;
    expect(stored.overrides).toMatchObject([
      { start: '2026-03-29T15:00:00+02:00', end: '2026-03-29T22:00:00+02:00', userId: ids.dev },
    ]);
    await admin.delete(
      `/api/v1/schedules/${scheduleId}/overrides/${stored.overrides[0].id}?version=${stored.version}`,
    );
  });

  /** Dev's override on Sunday 29 March 13:00–19:00 Berlin, made over REST; its id. */
  const takeDevsAfternoon = async () => {
    const before = (await admin.get(`/api/v1/schedules/${scheduleId}`)).body;
    const taken = await admin.post(`/api/v1/schedules/${scheduleId}/overrides`, {
      start: '2026-03-29T13:00:00+02:00',
      end: '2026-03-29T19:00:00+02:00',
      userId: ids.dev,
      version: before.version,
    });
    expect(taken.status).toBe(201);
    return taken.body.override.id as string;
  };
  const deleteAllOverrides = async () => {
    for (;;) {
      const stored = (await admin.get(`/api/v1/schedules/${scheduleId}`)).body;
      const first = stored.overrides[0];
      if (!first) return;
      const gone = await admin.delete(
        `/api/v1/schedules/${scheduleId}/overrides/${first.id}?version=${stored.version}`,
      );
      expect(gone.status).toBe(200);
    }
  };
  const openSunday = async () => {
    const page = await openAs(tokens.ben!);
    await page.locator('.schedule-card__name', { hasText: 'NOC Berlin' }).click();
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('calendar-title').textContent())
      .toBe('Sunday 29 March 2026');
    return page;
  };
  /** The focused element's override id and range (nulls when it is not an override's block). */
  const focusedOverride = async (page: Page) => {
    const [focused] = await page.locator(':focus').evaluateAll((elements) =>
      elements.map((e) => ({
        id: e.getAttribute('data-override-id'),
        start: e.getAttribute('data-start'),
        end: e.getAttribute('data-end'),
      })),
    );
    return focused ?? { id: null, start: null, end: null };
  };

  it('moves and resizes an override with the keyboard; Escape cancels, Enter saves', async () => {
    await deleteAllOverrides();
    const overrideId = await takeDevsAfternoon();
    const page = await openSunday();
    expect(await page.getByTestId('calendar-override-keys').textContent()).toContain(
      '← → move 15 min',
    );
    const block = page.locator(`[data-lane="overrides"] [data-override-id="${overrideId}"]`);
    await block.focus();
    await page.keyboard.press('ArrowRight');
    const status = page.getByTestId('calendar-keyboard-status');
    await expect
      .poll(() => status.textContent())
      .toBe(
        'Override for Dev Dogwood moved to Sun 29 Mar 13:15 – 19:15 (not saved): Enter to save, Escape to cancel.',
      );
    // The key moved the override, not the page; the moved block keeps the focus.
    expect(await page.getByTestId('calendar-title').textContent()).toBe('Sunday 29 March 2026');
    await expect.poll(async () => (await focusedOverride(page)).id).toBe('(draft)');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => status.textContent())
      .toBe('Change cancelled: the override for Dev Dogwood stays Sun 29 Mar 13:00 – 19:00.');
    await expect.poll(async () => (await focusedOverride(page)).id).toBe(overrideId);
    expect(await page.locator('[data-draft="true"]').count()).toBe(0);

    // An hour later (4 × 15 min in the day view), then the end an hour further.
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('Shift+ArrowRight');
    await expect
      .poll(() => status.textContent())
      .toBe(
        'Override for Dev Dogwood resized to Sun 29 Mar 14:00 – 21:00 (not saved): Enter to save, Escape to cancel.',
      );
    expect(await page.getByLabel('Start', { exact: true }).inputValue()).toBe('2026-03-29T14:00');
    expect(await page.getByLabel('End', { exact: true }).inputValue()).toBe('2026-03-29T21:00');
    expect(await finalUserAt(page, '2026-03-29T13:30:00+02:00')).toMatchObject({
      userId: ids.ben,
    });
    expect(await finalUserAt(page, '2026-03-29T20:30:00+02:00')).toMatchObject({
      userId: ids.dev,
      draft: true,
    });
    expect(await onCallAt('2026-03-29T13:30:00+02:00')).toBe(ids.dev);

    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('override-status').textContent())
      .toBe('Override changed.');
    expect(await onCallAt('2026-03-29T13:30:00+02:00')).toBe(ids.ben);
    expect(await onCallAt('2026-03-29T20:30:00+02:00')).toBe(ids.dev);
    const stored = (await admin.get(`/api/v1/schedules/${scheduleId}`)).body;
    expect(stored.overrides).toMatchObject([
      { start: '2026-03-29T14:00:00+02:00', end: '2026-03-29T21:00:00+02:00', userId: ids.dev },
    ]);
    // The saved override, as the stream brought it, has the focus: keys go on from there.
    await expect
      .poll(() => focusedOverride(page))
      .toEqual({
        id: stored.overrides[0].id,
        start: '2026-03-29T12:00:00.000Z',
        end: '2026-03-29T19:00:00.000Z',
      });
    await deleteAllOverrides();
  });

  it('explains a 409 when someone else changed the override meanwhile, and loses nothing', async () => {
    await deleteAllOverrides();
    const overrideId = await takeDevsAfternoon();
    const page = await openSunday();
    const block = page.locator(`[data-lane="overrides"] [data-override-id="${overrideId}"]`);
    await block.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByTestId('calendar-keyboard-status').textContent())
      .toContain('moved to Sun 29 Mar 13:30 – 19:30');

    // Meanwhile another operator changes it over REST (the API's change: delete, then create).
    const before = (await admin.get(`/api/v1/schedules/${scheduleId}`)).body;
    const deleted = await admin.delete(
      `/api/v1/schedules/${scheduleId}/overrides/${overrideId}?version=${before.version}`,
    );
    expect(deleted.status).toBe(200);
    const theirs = await admin.post(`/api/v1/schedules/${scheduleId}/overrides`, {
      start: '2026-03-29T10:00:00+02:00',
      end: '2026-03-29T12:00:00+02:00',
      userId: ids.chloe,
      version: deleted.body.version,
    });
    expect(theirs.status).toBe(201);
    const theirId = theirs.body.override.id as string;
    // The stream brings their change: the calendar shows it under the pending draft.
    await page
      .locator(`[data-lane="overrides"] [data-override-id="${theirId}"]`)
      .waitFor({ state: 'attached' });

    await page.locator('[data-lane="overrides"] [data-override-id="(draft)"]').press('Enter');
    const status = page.getByTestId('override-status');
    await expect.poll(() => status.getAttribute('data-kind')).toBe('conflict');
    expect(await status.textContent()).toBe(
      'Not saved: someone else changed this schedule after you began changing this override, so nothing was changed. The calendar now shows the schedule as it is, with your change as a preview: check it and save again, or cancel it (Escape, or "Discard draft").',
    );
    expect(await page.getByTestId('override-gone').textContent()).toContain(
      'saving adds your change as a new override',
    );
    // The browser logs the refused request; that one is expected (the harness fails on others).
    const problems = pages.current()!.problems;
    const refused =
      'console error: Failed to load resource: the server responded with a status of 409 (Conflict)';
    expect(problems).toEqual([refused]);
    problems.splice(0, 1);
    // Nothing lost: the engine has their change only; the console still has the draft.
    const stored = (await admin.get(`/api/v1/schedules/${scheduleId}`)).body;
    expect(stored.overrides).toMatchObject([{ id: theirId, userId: ids.chloe }]);
    expect(await page.getByLabel('Start', { exact: true }).inputValue()).toBe('2026-03-29T13:30');
    expect(await finalUserAt(page, '2026-03-29T11:00:00+02:00')).toMatchObject({
      userId: ids.chloe,
      draft: false,
    });
    expect(await finalUserAt(page, '2026-03-29T15:00:00+02:00')).toMatchObject({
      userId: ids.dev,
      draft: true,
    });

    // Saved again, the change is added as a new override (theirs is gone); then the calendar
    // shows exactly what the engine has.
    await page.locator('[data-lane="overrides"] [data-override-id="(draft)"]').press('Enter');
    await expect
      .poll(() => page.getByTestId('override-status').textContent())
      .toBe('Override saved.');
    const after = (await admin.get(`/api/v1/schedules/${scheduleId}`)).body;
    expect(after.overrides).toMatchObject([
      { id: theirId, userId: ids.chloe },
      { start: '2026-03-29T13:30:00+02:00', end: '2026-03-29T19:30:00+02:00', userId: ids.dev },
    ]);
    await expect.poll(() => page.locator('[data-draft="true"]').count()).toBe(0);
    const lane = await page
      .locator('[data-lane="overrides"] .cal-block[data-override-id]')
      .evaluateAll((blocks) =>
        blocks.map((b) => [
          b.getAttribute('data-override-id'),
          b.getAttribute('data-start'),
          b.getAttribute('data-end'),
        ]),
      );
    expect(lane).toEqual([
      [theirId, '2026-03-29T08:00:00.000Z', '2026-03-29T10:00:00.000Z'],
      [after.overrides[1].id, '2026-03-29T11:30:00.000Z', '2026-03-29T17:30:00.000Z'],
    ]);
    await deleteAllOverrides();
  });

  it('is read-only for a viewer token, and says why', async () => {
    const page = await openAs(tokens.wall!);
    await page.locator('.schedule-card__name', { hasText: 'NOC Berlin' }).click();
    await expect
      .poll(() => page.getByTestId('read-only').textContent())
      .toContain('viewer token, so this calendar is read-only');
    expect(await page.getByRole('button', { name: 'Save override' }).count()).toBe(0);
  });
});
