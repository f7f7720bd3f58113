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
  monitorOf,
  pagesAbout,
  ping,
} from '../../helpers/heartbeats.js';
import { client } from '../../helpers/http.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';

/**
 * Heartbeat monitors over real HTTP with a manual clock (docs/heartbeats.md): no ping within the
 * interval and grace opens an alert on the monitor's source, which its escalation policy pages;
 * the next ping resolves it; pausing stops the watch.
 */
const t0 = Date.parse('2026-11-28T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
let t: TestEngine;
afterEach(async () => t?.dispose());

async function setup() {
  const clock = new ManualClock(t0);
  t = await startTestEngine({ clock });
  const admin = client(t.url);
  const ids = await people(t, ['Ada Lovelace', 'Grace Hopper']);
  const policy = await createPolicy(admin, [
    { targets: [{ type: 'user', id: ids['Ada Lovelace']! }], timeoutMinutes: 10 },
    { targets: [{ type: 'user', id: ids['Grace Hopper']! }], timeoutMinutes: 10 },
  ]);
  const source = await createRoutedSource(admin, policy.id);
  // Every hour, five minutes' grace: overdue 65 minutes after the last ping.
  const monitor = await createMonitor(admin, source.id);
  await settle(t);
  return { clock, admin, source, monitor };
}

describe('heartbeat monitors', () => {
  it('go overdue without a ping in interval and grace: an alert opens on the source and its policy pages', async () => {
    const { clock, admin, source, monitor } = await setup();
    expect(monitor).toMatchObject({
      status: 'pending',
      paused: false,
      lastPingAt: null,
      deadlineAt: iso(t0 + minutes(65)),
      alertId: null,
    });
    expect(monitor.key).toMatch(/^[0-9a-f]{32}$/);

    clock.advance(minutes(65) - 1);
    await settle(t);
    expect(await alertsOfSource(admin, source.id)).toEqual([]);
    clock.advance(1);
    await settle(t);

    const [alert] = await alertsOfSource(admin, source.id);
    expect(alert).toMatchObject({
      alertKey: `heartbeat:${monitor.id}`,
      origin: 'heartbeat',
      state: 'PENDING',
      priority: 'HIGH',
      summary:
        'Heartbeat "Nightly backup" is overdue: never seen since it was created at 2026-11-28 09:00:00 UTC',
      maintenanceWindowId: null,
      labels: { heartbeat_monitor: 'Nightly backup' },
    });
    expect(await monitorOf(admin, monitor.id)).toMatchObject({
      status: 'overdue',
      alertId: alert.id,
      deadlineAt: null,
    });
    // The source's policy pages as for any alert, level after level.
    clock.advance(minutes(10));
    await settle(t);
    expect(stepLines(await stepsOf(admin, alert.id))).toEqual([
      'L1/R0 10:05 Ada Lovelace',
      'L2/R0 10:15 Grace Hopper',
    ]);
    expect(await pagesAbout(t, alert.id)).toBeGreaterThan(0);
    const [created] = await logOf(admin, alert.id);
    expect(created).toMatchObject({
      kind: 'created',
      actor: { type: 'system' },
      message: 'Created by heartbeat monitor "Nightly backup" (no ping in time)',
    });
  });

  it('the next ping resolves the alert, saying why, stops escalation and starts a new deadline', async () => {
    const { clock, admin, source, monitor } = await setup();
    clock.advance(minutes(65));
    await settle(t);
    const [alert] = await alertsOfSource(admin, source.id);

    clock.advance(minutes(3));
    const res = await ping(t, monitor.key);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      status: 'accepted',
      monitorId: monitor.id,
      monitorStatus: 'up',
      deadlineAt: iso(t0 + minutes(68 + 65)),
    });
    const resolved = (await admin.get(`/api/v1/alerts/${alert.id}`)).body;
    expect(resolved.state).toBe('RESOLVED');
    const why = (await logOf(admin, alert.id)).find((e) => e.kind === 'resolved');
    expect(why).toMatchObject({
      kind: 'resolved',
      actor: { type: 'system' },
      message:
        'Resolved: heartbeat monitor "Nightly backup" was pinged again at 2026-11-28 10:08:00 UTC (its first ping).',
    });
    expect(await monitorOf(admin, monitor.id)).toMatchObject({
      status: 'up',
      lastPingAt: iso(t0 + minutes(68)),
      alertId: null,
    });
    // Nobody is paged about it any more.
    clock.advance(minutes(30));
    await settle(t);
    expect(stepLines(await stepsOf(admin, alert.id))).toEqual(['L1/R0 10:05 Ada Lovelace']);

    // Missed again: a new alert, which says when the monitor was last seen.
    clock.advance(minutes(35));
    await settle(t);
    const alerts = await alertsOfSource(admin, source.id);
    expect(alerts).toHaveLength(2);
    expect(alerts[1].summary).toBe(
      'Heartbeat "Nightly backup" is overdue: last seen 2026-11-28 10:08:00 UTC',
    );
  });

  it('pings on time keep it up; GET pings too', async () => {
    const { clock, admin, source, monitor } = await setup();
    for (let i = 0; i < 6; i += 1) {
      clock.advance(minutes(60));
      await settle(t);
      expect((await ping(t, monitor.key, i % 2 === 0 ? 'GET' : 'POST')).status).toBe(202);
    }
    clock.advance(minutes(64));
    await settle(t);
    expect(await alertsOfSource(admin, source.id)).toEqual([]);
    expect(await monitorOf(admin, monitor.id)).toMatchObject({
      status: 'up',
      lastPingAt: iso(t0 + minutes(360)),
      deadlineAt: iso(t0 + minutes(425)),
    });
  });

  it('pausing cancels the deadline; pings are recorded; resuming watches again from then', async () => {
    const { clock, admin, source, monitor } = await setup();
    clock.advance(minutes(30));
    const paused = await admin.patch(`/api/v1/heartbeat-monitors/${monitor.id}`, { paused: true });
    expect(paused.body).toMatchObject({ status: 'paused', paused: true, deadlineAt: null });
    clock.advance(minutes(300));
    await settle(t);
    expect(await alertsOfSource(admin, source.id)).toEqual([]);

    const res = await ping(t, monitor.key);
    expect(res.body).toMatchObject({ monitorStatus: 'paused', deadlineAt: null });
    expect(await monitorOf(admin, monitor.id)).toMatchObject({
      status: 'paused',
      lastPingAt: iso(t0 + minutes(330)),
    });

    clock.advance(minutes(10));
    const resumed = await admin.patch(`/api/v1/heartbeat-monitors/${monitor.id}`, {
      paused: false,
    });
    expect(resumed.body).toMatchObject({
      status: 'pending',
      paused: false,
      deadlineAt: iso(t0 + minutes(340 + 65)),
    });
    clock.advance(minutes(65));
    await settle(t);
    expect(await alertsOfSource(admin, source.id)).toHaveLength(1);
  });

  it('a shorter interval moves the deadline, and one already passed goes overdue at once', async () => {
    const { clock, admin, source, monitor } = await setup();
    clock.advance(minutes(20));
    const longer = await admin.patch(`/api/v1/heartbeat-monitors/${monitor.id}`, {
      intervalSeconds: 7200,
    });
    // Counted from the same start (creation), with the new interval.
    expect(longer.body.deadlineAt).toBe(iso(t0 + minutes(125)));
    await admin.patch(`/api/v1/heartbeat-monitors/${monitor.id}`, {
      intervalSeconds: 600,
      graceSeconds: 0,
    });
    await settle(t);
    expect(await alertsOfSource(admin, source.id)).toHaveLength(1);
    expect((await monitorOf(admin, monitor.id)).status).toBe('overdue');
  });

  it('deleting a monitor resolves its open alert; deleting its source deletes the monitor', async () => {
    const { clock, admin, source, monitor } = await setup();
    clock.advance(minutes(65));
    await settle(t);
    const [alert] = await alertsOfSource(admin, source.id);
    expect((await admin.delete(`/api/v1/heartbeat-monitors/${monitor.id}`)).body).toEqual({
      deleted: true,
    });
    expect((await admin.get(`/api/v1/alerts/${alert.id}`)).body.state).toBe('RESOLVED');
    expect((await logOf(admin, alert.id)).find((e) => e.kind === 'resolved').message).toMatch(
      /^Resolved: heartbeat monitor "Nightly backup" was deleted by /,
    );
    expect((await ping(t, monitor.key)).status).toBe(404);

    const other = await createMonitor(admin, source.id, { name: 'Other' });
    expect((await admin.delete(`/api/v1/alert-sources/${source.id}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/heartbeat-monitors/${other.id}`)).status).toBe(404);
    clock.advance(minutes(600));
    await settle(t);
    expect((await ping(t, other.key)).body.error.code).toBe('unknown_heartbeat_key');
  });

  it('reports pings, overdue monitors and monitors by status in /metrics', async () => {
    const { clock, monitor } = await setup();
    await ping(t, monitor.key);
    clock.advance(minutes(65));
    await settle(t);
    await ping(t, monitor.key);
    await ping(t, 'no-such-key');
    const text = (await client(t.url, null).get('/metrics')).body as string;
    expect(text).toContain('nocturne_heartbeat_pings_total{outcome="up"} 1');
    expect(text).toContain('nocturne_heartbeat_pings_total{outcome="recovered"} 1');
    expect(text).toContain('nocturne_heartbeat_pings_total{outcome="unknown_key"} 1');
    expect(text).toContain('nocturne_heartbeat_overdue_total 1');
    expect(text).toContain('nocturne_heartbeat_monitors{status="up"} 1');
    expect(text).toContain('nocturne_heartbeat_monitors{status="overdue"} 0');
  });
});
