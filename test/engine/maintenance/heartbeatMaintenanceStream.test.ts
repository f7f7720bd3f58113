import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../engine/clock.js';
import { isInMaintenance } from '../../../shared/maintenance/occurrences.js';
import { createRoutedSource, minutes, sendEvent, settle } from '../../helpers/escalation.js';
import { createMonitor, createWindow, ping } from '../../helpers/heartbeats.js';
import { client } from '../../helpers/http.js';
import { eventually, RawStream } from '../../helpers/streamSocket.js';
import { syncedReplica, type SyncedReplica } from '../../helpers/streamSync.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';

/**
 * Consoles see heartbeat monitors and maintenance windows live (docs/protocol.md): in the
 * snapshot, as `heartbeatMonitor` and `maintenanceWindow` changes, never with a ping key; marked
 * alerts carry their window, and a console answers "in maintenance now?" with the shared code.
 */
const t0 = Date.parse('2026-11-28T09:00:00Z');
let t: TestEngine | null = null;
let synced: SyncedReplica | null = null;
afterEach(async () => {
  synced?.stop();
  synced = null;
  await t?.dispose();
  t = null;
});

describe('stream: heartbeat monitors and maintenance windows', () => {
  it('the snapshot carries monitors without keys and windows as stored', async () => {
    t = await startTestEngine({ clock: new ManualClock(t0) });
    const admin = client(t.url);
    const source = await createRoutedSource(admin, null);
    const monitor = await createMonitor(admin, source.id);
    const window = await createWindow(admin, [source.id], {
      kind: 'recurring',
      timeZone: 'Europe/Berlin',
      days: [6, 7],
      startTime: '02:00',
      durationMinutes: 120,
    });
    const stream = await RawStream.open(t.url);
    const snapshot = await stream.helloSnapshot();
    const { key: _key, ...withoutKey } = monitor;
    expect(snapshot.heartbeatMonitors).toEqual([withoutKey]);
    const { current: _c, next: _n, ...stored } = window;
    expect(snapshot.maintenanceWindows).toEqual([stored]);
    expect(stored.schedule).toEqual({
      kind: 'recurring',
      timeZone: 'Europe/Berlin',
      days: [6, 7],
      startTime: '02:00',
      durationMinutes: 120,
      seriesStart: null,
      seriesEnd: null,
    });
    stream.close();
  });

  it('a replica follows monitors, windows and marked alerts as they change', async () => {
    const clock = new ManualClock(t0);
    t = await startTestEngine({ clock });
    const admin = client(t.url);
    const source = await createRoutedSource(admin, null);
    synced = syncedReplica(t.url);
    await synced.untilLive();
    const { replica } = synced;

    const monitor = await createMonitor(admin, source.id);
    await eventually(
      () => replica.heartbeatMonitors.get(monitor.id)?.status === 'pending',
      'pending',
    );
    expect(replica.heartbeatMonitors.get(monitor.id)).not.toHaveProperty('key');
    await ping(t, monitor.key);
    await eventually(() => replica.heartbeatMonitors.get(monitor.id)?.status === 'up', 'up');
    clock.advance(minutes(65));
    await settle(t);
    await eventually(
      () => replica.heartbeatMonitors.get(monitor.id)?.status === 'overdue',
      'overdue',
    );
    const alertId = replica.heartbeatMonitors.get(monitor.id)!.alertId!;
    expect(replica.alerts.get(alertId)?.origin).toBe('heartbeat');

    const window = await createWindow(admin, [source.id], {
      kind: 'once',
      start: '2026-11-28T10:00:00Z',
      end: '2026-11-28T11:00:00Z',
    });
    await eventually(() => replica.maintenanceWindows.has(window.id), 'the window');
    const marked = await sendEvent(t, source.integrationKey, 'quiet');
    await eventually(
      () => replica.alerts.get(marked)?.maintenanceWindowId === window.id,
      'the marked alert',
    );
    // The console tells whether the window is on with the same code as the engine.
    const schedule = replica.maintenanceWindows.get(window.id)!.schedule;
    expect(isInMaintenance(schedule, clock.now())).toBe(true);

    await admin.delete(`/api/v1/maintenance-windows/${window.id}`);
    await admin.delete(`/api/v1/heartbeat-monitors/${monitor.id}`);
    await eventually(
      () =>
        !replica.maintenanceWindows.has(window.id) && !replica.heartbeatMonitors.has(monitor.id),
      'the removals',
    );
  });
});
