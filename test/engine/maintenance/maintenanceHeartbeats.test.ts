import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../engine/clock.js';
import {
  createPolicy,
  createRoutedSource,
  logOf,
  minutes,
  people,
  settle,
  stepLines,
  stepsOf,
} from '../../helpers/escalation.js';
import {
  alertsOfSource,
  createMonitor,
  createWindow,
  monitorOf,
  pagesAbout,
  ping,
} from '../../helpers/heartbeats.js';
import { client } from '../../helpers/http.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';

/**
 * Heartbeat monitors respect maintenance windows as inbound alerts do (docs/maintenance.md): an
 * overdue alert opened during a window is marked and pages nobody. One interval (and grace)
 * after the window ends the monitor looks again: a ping by then resolves it quietly; without
 * one the job is still silent after the maintenance, and the alert pages.
 */
const t0 = Date.parse('2026-11-28T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
let t: TestEngine;
afterEach(async () => t?.dispose());

async function setup() {
  const clock = new ManualClock(t0);
  t = await startTestEngine({ clock });
  const admin = client(t.url);
  const ids = await people(t, ['Ada Lovelace']);
  const policy = await createPolicy(admin, [
    { targets: [{ type: 'user', id: ids['Ada Lovelace']! }], timeoutMinutes: 10 },
  ]);
  const source = await createRoutedSource(admin, policy.id);
  // Due 10:05; the window 10:00–12:00 covers it.
  const monitor = await createMonitor(admin, source.id);
  const window = await createWindow(admin, [source.id], {
    kind: 'once',
    start: '2026-11-28T10:00:00Z',
    end: '2026-11-28T12:00:00Z',
  });
  clock.advance(minutes(65));
  await settle(t);
  return { clock, admin, source, monitor, window };
}

describe('heartbeats and maintenance windows', () => {
  it('an overdue alert opened during a window is marked and pages nobody; a ping after it resolves it quietly', async () => {
    const { clock, admin, source, monitor, window } = await setup();
    const [alert] = await alertsOfSource(admin, source.id);
    expect(alert).toMatchObject({ state: 'PENDING', maintenanceWindowId: window.id });
    expect(await monitorOf(admin, monitor.id)).toMatchObject({
      status: 'overdue',
      alertId: alert.id,
      // The window's end plus interval and grace.
      deadlineAt: iso(t0 + minutes(180 + 65)),
    });
    clock.set(t0 + minutes(200));
    await settle(t);
    expect(await pagesAbout(t, alert.id)).toBe(0);

    expect((await ping(t, monitor.key)).status).toBe(202);
    clock.set(t0 + minutes(400));
    await settle(t);
    expect((await admin.get(`/api/v1/alerts/${alert.id}`)).body.state).toBe('RESOLVED');
    expect(await stepsOf(admin, alert.id)).toEqual([]);
    expect(await pagesAbout(t, alert.id)).toBe(0);
  });

  it('still no ping one interval after the window: the alert leaves maintenance and pages', async () => {
    const { clock, admin, source, monitor } = await setup();
    const [alert] = await alertsOfSource(admin, source.id);
    clock.set(t0 + minutes(180 + 65) - 1);
    await settle(t);
    expect(await stepsOf(admin, alert.id)).toEqual([]);

    // A restart on the way: the second look is durable too.
    t = await t.restart();
    clock.advance(1);
    await settle(t);
    const after = (await admin.get(`/api/v1/alerts/${alert.id}`)).body;
    expect(after).toMatchObject({ state: 'PENDING', maintenanceWindowId: null, eventCount: 2 });
    expect(stepLines(await stepsOf(admin, alert.id))).toEqual(['L1/R0 13:05 Ada Lovelace']);
    expect((await logOf(admin, alert.id)).filter((e) => e.kind === 'maintenance')).toHaveLength(2);
    expect(await monitorOf(admin, monitor.id)).toMatchObject({
      status: 'overdue',
      deadlineAt: null,
    });
    expect(await alertsOfSource(admin, source.id)).toHaveLength(1);
  });

  it('a window still on at the second look keeps the alert quiet and looks again after it', async () => {
    const { clock, admin, source, monitor } = await setup();
    // Another window from 12:30 to 14:00 covers the 13:05 look.
    await createWindow(admin, [source.id], {
      kind: 'once',
      start: '2026-11-28T12:30:00Z',
      end: '2026-11-28T14:00:00Z',
    });
    const [alert] = await alertsOfSource(admin, source.id);
    clock.set(t0 + minutes(245));
    await settle(t);
    expect((await monitorOf(admin, monitor.id)).deadlineAt).toBe(iso(t0 + minutes(300 + 65)));
    expect(await stepsOf(admin, alert.id)).toEqual([]);
    clock.set(t0 + minutes(365));
    await settle(t);
    expect(stepLines(await stepsOf(admin, alert.id))).toEqual(['L1/R0 15:05 Ada Lovelace']);
  });

  it('an operator who resolves the quiet alert is not paged for it; a job silent after the window opens a new one', async () => {
    const { clock, admin, source } = await setup();
    const [alert] = await alertsOfSource(admin, source.id);
    expect((await admin.post(`/api/v1/alerts/${alert.id}/resolve`, {})).status).toBe(200);
    clock.set(t0 + minutes(245));
    await settle(t);
    const alerts = await alertsOfSource(admin, source.id);
    expect(alerts).toHaveLength(2);
    expect(await pagesAbout(t, alert.id)).toBe(0);
    expect(alerts[1].maintenanceWindowId).toBeNull();
    expect(stepLines(await stepsOf(admin, alerts[1].id))).toEqual(['L1/R0 13:05 Ada Lovelace']);
  });
});
