import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../engine/clock.js';
import {
  createPolicy,
  createRoutedSource,
  logOf,
  minutes,
  people,
  sendEvent,
  settle,
  stepLines,
  stepsOf,
} from '../../helpers/escalation.js';
import { createWindow, pagesAbout } from '../../helpers/heartbeats.js';
import { client, type Client } from '../../helpers/http.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';
import { addUser } from '../../helpers/users.js';

/**
 * Maintenance windows over real HTTP with a manual clock (docs/maintenance.md): alerts that open
 * during a window are stored, de-duplicated and marked, and nobody is paged for them — also
 * after the window, until the source reports the problem again; alerts opened before a window
 * keep escalating through it.
 */
const t0 = Date.parse('2026-11-28T09:00:00Z');
let t: TestEngine;
afterEach(async () => t?.dispose());

async function setup(start = t0) {
  const clock = new ManualClock(start);
  t = await startTestEngine({ clock });
  const admin = client(t.url);
  const ids = await people(t, ['Ada Lovelace', 'Grace Hopper']);
  const policy = await createPolicy(admin, [
    { targets: [{ type: 'user', id: ids['Ada Lovelace']! }], timeoutMinutes: 10 },
    { targets: [{ type: 'user', id: ids['Grace Hopper']! }], timeoutMinutes: 10 },
  ]);
  const source = await createRoutedSource(admin, policy.id);
  return { clock, admin, source };
}

const alertOf = async (api: Client, id: string) => (await api.get(`/api/v1/alerts/${id}`)).body;

describe('a one-off window', () => {
  it('records, de-duplicates and marks alerts opened in it, and pages nobody, during or after it', async () => {
    const { clock, admin, source } = await setup();
    const window = await createWindow(admin, [source.id], {
      kind: 'once',
      start: '2026-11-28T09:30:00Z',
      end: '2026-11-28T10:30:00Z',
    });
    expect(window).toMatchObject({
      current: null,
      next: { start: '2026-11-28T09:30:00.000Z', end: '2026-11-28T10:30:00.000Z' },
    });

    clock.set(t0 + minutes(40));
    const alertId = await sendEvent(t, source.integrationKey, 'disk');
    clock.advance(minutes(5));
    expect(await sendEvent(t, source.integrationKey, 'disk')).toBe(alertId);
    await settle(t);
    expect(await alertOf(admin, alertId)).toMatchObject({
      state: 'PENDING',
      eventCount: 2,
      maintenanceWindowId: window.id,
    });
    const log = await logOf(admin, alertId);
    expect(log.map((e) => e.kind)).toEqual(['created', 'maintenance', 'event']);
    expect(log[1]).toMatchObject({
      actor: { type: 'system' },
      message:
        'Opened during maintenance window "Planned maintenance" (until 2026-11-28T10:30:00.000Z): nobody is paged for this alert. Accept or resolve it as usual; it pages only if its source reports it again after the maintenance.',
      data: { maintenanceWindowId: window.id, until: '2026-11-28T10:30:00.000Z', paged: false },
    });

    // The window ends: still nobody is paged, and the timeline promises nothing.
    clock.set(t0 + minutes(180));
    await settle(t);
    expect(await stepsOf(admin, alertId)).toEqual([]);
    expect(await pagesAbout(t, alertId)).toBe(0);
    const timeline = (await admin.get(`/api/v1/alerts/${alertId}/timeline`)).body;
    expect(timeline.escalation).toBeNull();
    expect(timeline.upcoming).toEqual([]);

    // People work it as usual.
    const responder = client(t.url, (await addUser(t, 'responder', 'Rita')).token);
    expect((await responder.post(`/api/v1/alerts/${alertId}/accept`, {})).status).toBe(200);
    expect((await responder.post(`/api/v1/alerts/${alertId}/resolve`, {})).status).toBe(200);
    expect(await pagesAbout(t, alertId)).toBe(0);
  });

  it('alerts opened before the window keep escalating through it', async () => {
    const { clock, admin, source } = await setup();
    const alertId = await sendEvent(t, source.integrationKey, 'before');
    await createWindow(admin, [source.id], {
      kind: 'once',
      start: '2026-11-28T09:05:00Z',
      end: '2026-11-28T12:00:00Z',
    });
    clock.advance(minutes(10));
    await settle(t);
    expect(stepLines(await stepsOf(admin, alertId))).toEqual([
      'L1/R0 09:00 Ada Lovelace',
      'L2/R0 09:10 Grace Hopper',
    ]);
    expect((await alertOf(admin, alertId)).maintenanceWindowId).toBeNull();
  });

  it('a trigger after the window has ended pages: the problem outlasted the maintenance', async () => {
    const { clock, admin, source } = await setup();
    await createWindow(admin, [source.id], {
      kind: 'once',
      start: '2026-11-28T08:00:00Z',
      end: '2026-11-28T10:00:00Z',
    });
    const alertId = await sendEvent(t, source.integrationKey, 'still-broken');
    await settle(t);
    clock.set(t0 + minutes(90));
    await settle(t);
    expect(await stepsOf(admin, alertId)).toEqual([]);

    await sendEvent(t, source.integrationKey, 'still-broken');
    await settle(t);
    expect((await alertOf(admin, alertId)).maintenanceWindowId).toBeNull();
    expect(stepLines(await stepsOf(admin, alertId))).toEqual(['L1/R0 10:30 Ada Lovelace']);
    const note = (await logOf(admin, alertId)).filter((e) => e.kind === 'maintenance')[1];
    expect(note.message).toBe(
      'Reported again after maintenance window "Planned maintenance" ended: the problem outlasted the maintenance, so the alert now pages as usual.',
    );
  });

  it('covers only the sources it names; a deleted source leaves it', async () => {
    const { admin, source } = await setup();
    const other = await createRoutedSource(admin, null);
    const window = await createWindow(admin, [source.id, other.id], {
      kind: 'once',
      start: '2026-11-28T08:00:00Z',
      end: '2026-11-28T10:00:00Z',
    });
    const third = await createRoutedSource(admin, null);
    const alertId = await sendEvent(t, third.integrationKey, 'elsewhere');
    expect((await alertOf(admin, alertId)).maintenanceWindowId).toBeNull();

    expect((await admin.delete(`/api/v1/alert-sources/${other.id}`)).status).toBe(200);
    const after = (await admin.get(`/api/v1/maintenance-windows/${window.id}`)).body;
    expect(after.alertSourceIds).toEqual([source.id]);
    expect(after.current).toEqual({
      start: '2026-11-28T08:00:00.000Z',
      end: '2026-11-28T10:00:00.000Z',
    });
  });
});

describe('a recurring window', () => {
  it('marks alerts in each occurrence, and none between, across the change to summer time', async () => {
    // Daily at 02:30 Berlin time for an hour; on 29 March 2026 the clocks skip from 02:00 to
    // 03:00, so that night's maintenance runs 03:00–04:00 CEST.
    const { clock, admin, source } = await setup(Date.parse('2026-03-27T12:00:00Z'));
    const window = await createWindow(
      admin,
      [source.id],
      {
        kind: 'recurring',
        timeZone: 'Europe/Berlin',
        startTime: '02:30',
        durationMinutes: 60,
      },
      'Nightly backups',
    );
    const cases: Array<[string, boolean]> = [
      ['2026-03-28T01:45:00Z', true], // 02:45 CET
      ['2026-03-28T02:30:00Z', false], // 03:30 CET: over
      ['2026-03-29T00:45:00Z', false], // 01:45 CET, before the jump
      ['2026-03-29T01:30:00Z', true], // 03:30 CEST
      ['2026-03-29T02:00:00Z', false], // 04:00 CEST: over
      ['2026-03-30T00:45:00Z', true], // 02:45 CEST
    ];
    const marked: boolean[] = [];
    for (const [at, _inside] of cases) {
      clock.set(Date.parse(at));
      const alertId = await sendEvent(t, source.integrationKey, `at ${at}`);
      await settle(t);
      const alert = await alertOf(admin, alertId);
      marked.push(alert.maintenanceWindowId === window.id);
      expect(await stepsOf(admin, alertId)).toHaveLength(alert.maintenanceWindowId ? 0 : 1);
    }
    expect(marked).toEqual(cases.map(([, inside]) => inside));
  });

  it('a weekly window on chosen days, within its series', async () => {
    const { clock, admin, source } = await setup(Date.parse('2026-11-27T00:00:00Z'));
    const window = await createWindow(admin, [source.id], {
      kind: 'recurring',
      timeZone: 'America/New_York',
      days: [6, 7], // weekends
      startTime: '01:00',
      durationMinutes: 120,
      seriesStart: null,
      seriesEnd: '2026-12-06T00:00:00-05:00',
    });
    expect(window.next).toEqual({
      start: '2026-11-28T06:00:00.000Z',
      end: '2026-11-28T08:00:00.000Z',
    });
    const markedAt = async (at: string) => {
      clock.set(Date.parse(at));
      const alertId = await sendEvent(t, source.integrationKey, `at ${at}`);
      return (await alertOf(admin, alertId)).maintenanceWindowId !== null;
    };
    expect(await markedAt('2026-11-28T07:00:00Z')).toBe(true); // Saturday 02:00 EST
    expect(await markedAt('2026-11-29T07:00:00Z')).toBe(true); // Sunday
    expect(await markedAt('2026-11-30T07:00:00Z')).toBe(false); // Monday
    expect(await markedAt('2026-12-06T07:00:00Z')).toBe(false); // after the series
  });
});
