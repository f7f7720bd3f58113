import { describe, expect, it } from 'vitest';
import type { AlertSummary } from '../../shared/domain/alert.js';
import type { AlertEscalation } from '../../shared/escalation/alertEscalation.js';
import type { NotificationMessage } from '../../shared/protocol/messages.js';
import { NotificationPreferences } from '../../shared/ipc/desktopSettings.js';
import { DedupWindow } from '../../main/notifications/dedupWindow.js';
import {
  decideNotification,
  type NotificationCandidate,
} from '../../main/notifications/notificationDecision.js';
import { isPaused, pauseFor, pauseView } from '../../main/notifications/pauseState.js';
import { countPending } from '../../main/tray/pendingCounts.js';
import { allIconNames, badgeLabel, chooseBadge } from '../../main/tray/trayBadge.js';
import { trayMenu } from '../../main/tray/trayMenu.js';

const t0 = Date.parse('2026-03-01T09:00:00Z');

function alert(id: string, over: Partial<AlertSummary> = {}): AlertSummary {
  return {
    id,
    sourceId: 's1',
    alertKey: `k${id}`,
    state: 'PENDING',
    priority: 'HIGH',
    severity: 'critical',
    summary: `Disk full ${id}`,
    origin: 'ilert',
    labels: {},
    links: [],
    eventCount: 1,
    createdAt: '2026-03-01T09:00:00Z',
    updatedAt: '2026-03-01T09:00:00Z',
    lastEventAt: '2026-03-01T09:00:00Z',
    acceptedAt: null,
    acceptedBy: null,
    resolvedAt: null,
    assigneeId: null,
    maintenanceWindowId: null,
    ...over,
  } as AlertSummary;
}

function paged(alertId: string, userId: string): AlertEscalation {
  return {
    alertId,
    policyId: 'p1',
    next: null,
    last: {
      level: 0,
      round: 0,
      dueAt: '2026-03-01T09:00:00Z',
      at: '2026-03-01T09:00:00Z',
      recipients: [{ userId, name: 'Ada', via: { type: 'user' } }],
      notifications: [],
      roundRobin: false,
    },
    steps: 1,
    stopped: null,
    updatedAt: '2026-03-01T09:00:00Z',
  };
}

describe('tray counts and badge', () => {
  it('counts pending for me (assigned or paged) and overall, HIGH separately', () => {
    const alerts = [
      alert('1'),
      alert('2', { priority: 'LOW', assigneeId: 'me' }),
      alert('3', { state: 'ACCEPTED', assigneeId: 'me' }),
      alert('4', { priority: 'LOW' }),
      alert('5', { maintenanceWindowId: 'mw1', assigneeId: 'me' }),
    ];
    const escalations = new Map([
      ['1', paged('1', 'me')],
      ['4', paged('4', 'other')],
    ]);
    expect(countPending(alerts, escalations, 'me')).toEqual({
      pendingForMe: 2,
      pendingOverall: 4,
      highForMe: 1,
      highOverall: 2,
    });
    expect(countPending(alerts, escalations, null).pendingForMe).toBe(0);
  });

  it('badge labels cap at 9+', () => {
    expect([0, 1, 9, 10, 250].map(badgeLabel)).toEqual(['', '1', '9', '9+', '9+']);
  });

  it('chooses the variant from what reaches me first, else from everything pending', () => {
    const none = chooseBadge({ pendingForMe: 0, pendingOverall: 0, highForMe: 0, highOverall: 0 });
    expect(none).toMatchObject({ variant: 'none', label: '', iconName: 'tray-none' });
    const mineLow = chooseBadge({
      pendingForMe: 2,
      pendingOverall: 30,
      highForMe: 0,
      highOverall: 5,
    });
    expect(mineLow).toMatchObject({ variant: 'low', label: '2', iconName: 'tray-low-2' });
    const floorHigh = chooseBadge({
      pendingForMe: 0,
      pendingOverall: 12,
      highForMe: 0,
      highOverall: 1,
    });
    expect(floorHigh).toMatchObject({ variant: 'high', label: '9+', iconName: 'tray-high-9plus' });
    expect(floorHigh.tooltip).toBe('Nocturne — 0 pending for you, 12 pending overall');
    expect(
      chooseBadge({ pendingForMe: 1, pendingOverall: 1, highForMe: 1, highOverall: 1 }, true)
        .tooltip,
    ).toMatch(/paused$/);
  });

  it('every icon the badge can choose is one the icon script renders', () => {
    const names = new Set(allIconNames().map((i) => i.name));
    for (let mine = 0; mine < 12; mine++)
      for (const high of [0, 1])
        expect(
          names.has(
            chooseBadge({
              pendingForMe: mine,
              pendingOverall: 20,
              highForMe: high,
              highOverall: high,
            }).iconName,
          ),
        ).toBe(true);
    expect(names.size).toBe(21);
  });

  it('menu: counts, console, wall, pause 30 min / 1 h / until resumed, resume, quit', () => {
    const counts = { pendingForMe: 3, pendingOverall: 7, highForMe: 1, highOverall: 2 };
    const items = trayMenu(counts, { kind: 'active' });
    expect(items.filter((i) => !i.separator).map((i) => i.label)).toEqual([
      '3 pending for you',
      '7 pending overall',
      'Open console',
      'Open wall display',
      'Notifications on',
      'Pause notifications for 30 minutes',
      'Pause notifications for 1 hour',
      'Pause notifications until resumed',
      'Resume notifications',
      'Quit Nocturne',
    ]);
    expect(items.find((i) => i.label === 'Resume notifications')?.enabled).toBe(false);
    expect(items.find((i) => i.label.includes('1 hour'))?.action).toEqual({
      type: 'pause',
      minutes: 60,
    });
    const paused = trayMenu(
      counts,
      { kind: 'until', until: Date.parse('2026-03-01T10:30:00Z') },
      { timeZone: 'UTC' },
    );
    expect(paused.map((i) => i.label)).toContain('Notifications paused until 10:30');
    expect(paused.find((i) => i.label === 'Resume notifications')?.enabled).toBe(true);
  });
});

describe('pause', () => {
  it('for 30 min, 1 h, or until resumed', () => {
    expect(isPaused(pauseFor(30, t0), t0 + 29 * 60_000)).toBe(true);
    expect(isPaused(pauseFor(30, t0), t0 + 30 * 60_000)).toBe(false);
    expect(isPaused(pauseFor(null, t0), t0 + 1e10)).toBe(true);
    expect(pauseView(pauseFor(60, t0), t0)).toEqual({
      paused: true,
      pausedUntil: '2026-03-01T10:00:00.000Z',
    });
    expect(pauseView(pauseFor(null, t0), t0)).toEqual({ paused: true, pausedUntil: null });
  });
});

describe('notification decision', () => {
  const prefs = NotificationPreferences.parse({});
  const push = (over: Partial<NotificationMessage> = {}): NotificationCandidate => ({
    source: 'push',
    engineId: 'embedded',
    engineLabel: 'This computer',
    message: {
      type: 'notification',
      id: 'n1',
      userId: 'me',
      kind: 'alert',
      alertId: '42',
      scheduleId: null,
      title: 'HIGH: Disk full on db-1',
      body: 'Prometheus · critical · level 1',
      priority: 'HIGH',
      at: '2026-03-01T09:00:00Z',
      ...over,
    },
  });
  const newAlert = (a: AlertSummary): NotificationCandidate => ({
    source: 'newAlert',
    engineId: 'embedded',
    engineLabel: 'This computer',
    alert: a,
    sourceName: 'Prometheus',
  });
  const input = (over: Partial<Parameters<typeof decideNotification>[1]> = {}) => ({
    prefs,
    paused: false,
    now: t0,
    recent: new DedupWindow(),
    labelEngines: false,
    ...over,
  });

  it('a push for me notifies with priority, summary, source; HIGH with sound', () => {
    const decision = decideNotification(push(), input());
    expect(decision).toEqual({
      notify: true,
      key: 'embedded/alert/42',
      notification: {
        title: 'HIGH: Disk full on db-1',
        body: 'Prometheus · critical · level 1',
        priority: 'HIGH',
        sound: true,
        engineId: 'embedded',
        alertId: '42',
      },
    });
    const quiet = decideNotification(push({ priority: 'LOW' }), input());
    expect(quiet.notify && quiet.notification.sound).toBe(false);
    const noSound = decideNotification(push(), input({ prefs: { ...prefs, soundForHigh: false } }));
    expect(noSound.notify && noSound.notification.sound).toBe(false);
  });

  it('any new HIGH alert notifies (configurable); LOW, accepted or in maintenance do not', () => {
    const yes = decideNotification(newAlert(alert('7')), input({ labelEngines: true }));
    expect(yes.notify && yes.notification).toMatchObject({
      title: 'HIGH: Disk full 7',
      body: 'Source: Prometheus · critical · This computer',
      alertId: '7',
    });
    expect(decideNotification(newAlert(alert('8', { priority: 'LOW' })), input())).toMatchObject({
      notify: false,
      reason: 'not_new_high',
    });
    expect(decideNotification(newAlert(alert('9', { state: 'ACCEPTED' })), input())).toMatchObject({
      notify: false,
    });
    expect(
      decideNotification(newAlert(alert('10', { maintenanceWindowId: 'm' })), input()),
    ).toMatchObject({ reason: 'maintenance' });
    const off = { ...prefs, allHighAlerts: false };
    expect(decideNotification(newAlert(alert('11')), input({ prefs: off }))).toMatchObject({
      notify: false,
    });
    expect(decideNotification(push(), input({ prefs: off })).notify).toBe(true);
  });

  it('repeated events of one alert do not spam: one per alert per window', () => {
    const recent = new DedupWindow();
    expect(decideNotification(newAlert(alert('42')), input({ recent })).notify).toBe(true);
    // The engine then pages me about the same alert: already shown.
    expect(decideNotification(push(), input({ recent, now: t0 + 1000 }))).toMatchObject({
      reason: 'duplicate',
    });
    expect(
      decideNotification(push({ id: 'n2' }), input({ recent, now: t0 + 9 * 60_000 })),
    ).toMatchObject({ reason: 'duplicate' });
    expect(
      decideNotification(push({ id: 'n3' }), input({ recent, now: t0 + 10 * 60_000 })).notify,
    ).toBe(true);
    // Another engine's alert 42 is another alert.
    expect(
      decideNotification(
        { ...push(), engineId: 'remote-x' },
        input({ recent, now: t0 + 10 * 60_000 }),
      ).notify,
    ).toBe(true);
    // A shift notice is keyed by its own id.
    const shift = push({
      id: 's1',
      kind: 'shift',
      alertId: null,
      scheduleId: '3',
      priority: 'LOW',
    });
    expect(decideNotification(shift, input({ recent })).notify).toBe(true);
    expect(decideNotification(shift, input({ recent })).notify).toBe(false);
  });

  it('pause and the master switch silence everything; a paused one is not remembered', () => {
    const recent = new DedupWindow();
    expect(decideNotification(push(), input({ recent, paused: true }))).toEqual({
      notify: false,
      reason: 'paused',
    });
    expect(
      decideNotification(push(), input({ recent, prefs: { ...prefs, enabled: false } })),
    ).toEqual({ notify: false, reason: 'disabled' });
    expect(decideNotification(push(), input({ recent })).notify).toBe(true);
  });

  it('the de-duplication memory is bounded', () => {
    const recent = new DedupWindow(100);
    for (let i = 0; i < 1000; i++) recent.record(`k${i}`, t0 + i, 60_000);
    expect((recent as any).lastAt.size).toBeLessThanOrEqual(100);
    expect(recent.isDuplicate('k999', t0 + 1000, 60_000)).toBe(true);
  });
});
