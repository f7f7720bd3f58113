import { describe, expect, it } from 'vitest';
import type { StoredSchedule } from '../../shared/protocol/messages.js';
import { HighAlertFlashes, flashMs } from '../../renderer/views/wall/highAlertFlash.js';
import { onCallNow } from '../../renderer/views/wall/onCallNow.js';
import { panelAt, secondsToNextPanel, wallPanels } from '../../renderer/views/wall/wallRotation.js';
import {
  defaultWallSettings,
  loadWallSettings,
  wallQuery,
} from '../../renderer/views/wall/wallSettings.js';
import {
  alert,
  alertChange,
  changesEvent,
  now,
  snapshotEvent,
  testStore,
  user,
} from './fixtures.js';

describe('the wall’s panel rotation', () => {
  const start = now;
  it('turns every `rotate` seconds from the one clock, and wraps around', () => {
    expect(panelAt(wallPanels, start, start, 20)).toBe('alerts');
    expect(panelAt(wallPanels, start, start + 19_999, 20)).toBe('alerts');
    expect(panelAt(wallPanels, start, start + 20_000, 20)).toBe('onCall');
    expect(panelAt(wallPanels, start, start + 40_000, 20)).toBe('states');
    expect(panelAt(wallPanels, start, start + 60_000, 20)).toBe('alerts');
    // Days later (a sleeping screen, reconnects): still a plain function of the time.
    expect(panelAt(wallPanels, start, start + 3 * 86_400_000 + 20_000, 20)).toBe('onCall');
    expect(secondsToNextPanel(start, start + 5_500, 20)).toBe(15);
  });

  it('stays on the first panel without rotation, or when the clock goes back', () => {
    expect(panelAt(wallPanels, start, start + 60_000, 0)).toBe('alerts');
    expect(panelAt(wallPanels, start, start - 60_000, 20)).toBe('alerts');
    expect(panelAt(['onCall'], start, start + 60_000, 20)).toBe('onCall');
  });
});

describe('the wall’s settings', () => {
  const memory = () => {
    const items = new Map<string, string>();
    return {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    };
  };

  it('takes the address over what was kept, and keeps it for the next load', () => {
    const storage = memory();
    expect(loadWallSettings('', storage)).toEqual(defaultWallSettings);
    expect(loadWallSettings('?schedules=2,1,x,2&rotate=30&sound=off', storage)).toEqual({
      scheduleIds: ['2', '1'],
      rotateSeconds: 30,
      sound: false,
    });
    expect(loadWallSettings('?rotate=nonsense', storage)).toEqual({
      scheduleIds: ['2', '1'],
      rotateSeconds: 30,
      sound: false,
    });
    expect(loadWallSettings('?rotate=1', null).rotateSeconds).toBe(5);
    expect(wallQuery({ scheduleIds: ['1', '2'], rotateSeconds: 20, sound: true })).toBe(
      '?schedules=1,2&rotate=20&sound=on',
    );
  });

  it('uses the defaults when storage is unreadable or blocked', () => {
    const broken = {
      getItem: () => '{not json',
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadWallSettings('?rotate=10', broken)).toEqual({
      ...defaultWallSettings,
      rotateSeconds: 10,
    });
  });
});

describe('the flash of a new HIGH alert', () => {
  it('flashes live arrivals once, not the first snapshot, and ends after a while', () => {
    const clock = { now };
    const store = testStore(clock);
    const flashes = new HighAlertFlashes();
    const at = () =>
      flashes.update(store.getState().alerts.byId, store.getState().alerts.arrivedAt, clock.now);
    store.getState().applySyncEvents([snapshotEvent(1, [alert('1')])]);
    expect(at().flashing.size).toBe(0);

    clock.now += 1_000;
    store
      .getState()
      .applySyncEvents([
        changesEvent(2, [alertChange(alert('2')), alertChange(alert('3', { priority: 'LOW' }))]),
      ]);
    const first = at();
    expect([...first.flashing.keys()]).toEqual(['2']);
    expect(first.started).toEqual(['2']);
    expect(at()).toBe(first); // the same render again: no second beep

    clock.now += 1_000;
    expect(at().started).toEqual([]);
    expect(at().flashing.has('2')).toBe(true);

    // A replay of an old change (stale seq) is dropped by the store: nothing starts again.
    store.getState().applySyncEvents([changesEvent(2, [alertChange(alert('4'))])]);
    expect(at().started).toEqual([]);

    clock.now += flashMs;
    expect(at().flashing.size).toBe(0);
  });

  it('stops when the alert is accepted, and flashes a LOW alert raised to HIGH', () => {
    const clock = { now };
    const store = testStore(clock);
    const flashes = new HighAlertFlashes();
    const at = () =>
      flashes.update(store.getState().alerts.byId, store.getState().alerts.arrivedAt, clock.now);
    store.getState().applySyncEvents([snapshotEvent(1, [alert('1', { priority: 'LOW' })])]);
    at();
    clock.now += 1_000;
    store.getState().applySyncEvents([changesEvent(2, [alertChange(alert('5'))])]);
    expect(at().started).toEqual(['5']);
    store
      .getState()
      .applySyncEvents([
        changesEvent(3, [
          alertChange(alert('5', { state: 'ACCEPTED', acceptedBy: '1' })),
          alertChange(alert('1', { priority: 'HIGH', eventCount: 2 })),
        ]),
      ]);
    const update = at();
    expect([...update.flashing.keys()]).toEqual(['1']);
    expect(update.started).toEqual(['1']);
  });

  it('holds no more than the arrivals of the last minute, however long it runs', () => {
    const clock = { now };
    const store = testStore(clock);
    const flashes = new HighAlertFlashes();
    store.getState().applySyncEvents([snapshotEvent(1, [])]);
    for (let i = 0; i < 2_000; i++) {
      clock.now += 5_000;
      store
        .getState()
        .applySyncEvents([changesEvent(2 + i, [alertChange(alert(String(100 + i)))])]);
      const { alerts } = store.getState();
      const update = flashes.update(alerts.byId, alerts.arrivedAt, clock.now);
      expect(update.flashing.size).toBeLessThanOrEqual(flashMs / 5_000);
      expect(alerts.arrivedAt.size).toBeLessThanOrEqual(13);
    }
  });
});

const schedule = (id: string, name: string, more: Partial<StoredSchedule> = {}) =>
  ({
    id,
    name,
    timeZone: 'Europe/Berlin',
    layers: [
      {
        id: 'l',
        name: 'Weekly',
        start: '2026-01-05T08:00:00Z',
        end: null,
        userIds: ['1', '2'],
        rotation: { anchor: '2026-01-05T08:00:00Z', turn: { unit: 'weeks', length: 1 } },
        restrictions: [],
      },
    ],
    overrides: [],
    version: 1,
    createdAt: '2026-11-20T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
    ...more,
  }) as StoredSchedule;

describe('on call now on the wall', () => {
  const users = new Map([
    ['1', user('1', 'Ada Lovelace')],
    ['2', user('2', 'Grace Hopper')],
    ['3', user('3', 'Alan Turing')],
  ]);
  const schedules = new Map([
    ['1', schedule('1', 'Network')],
    [
      '2',
      schedule('2', 'Databases', {
        overrides: [
          {
            id: '7',
            start: '2026-11-28T06:00:00Z',
            end: '2026-11-28T18:00:00Z',
            userId: '3',
            createdAt: '2026-11-27T08:00:00Z',
          },
        ],
      } as Partial<StoredSchedule>),
    ],
    ['3', schedule('3', 'Apps', { layers: [] })],
  ]);

  it('resolves the chosen schedules at the clock’s time, overrides first, in the order chosen', () => {
    // 2026-11-28 is in the week from 2026-11-23 08:00 (week 46 since the anchor: even → Ada).
    expect(onCallNow(schedules, users, ['2', '1', '9'], now)).toEqual([
      {
        scheduleId: '2',
        scheduleName: 'Databases',
        userName: 'Alan Turing',
        viaOverride: true,
        problem: null,
      },
      {
        scheduleId: '1',
        scheduleName: 'Network',
        userName: 'Ada Lovelace',
        viaOverride: false,
        problem: null,
      },
    ]);
    // A week later the rotation has turned; the override is over.
    const week = now + 7 * 86_400_000;
    expect(onCallNow(schedules, users, ['1', '2'], week).map((l) => l.userName)).toEqual([
      'Grace Hopper',
      'Grace Hopper',
    ]);
  });

  it('shows every schedule by name when none is chosen, a gap as nobody', () => {
    expect(onCallNow(schedules, users, [], now).map((l) => [l.scheduleName, l.userName])).toEqual([
      ['Apps', null],
      ['Databases', 'Alan Turing'],
      ['Network', 'Ada Lovelace'],
    ]);
  });

  it('reports a schedule it cannot resolve instead of failing the wall', () => {
    const odd = new Map([['4', schedule('4', 'Mars', { timeZone: 'Mars/Olympus_Mons' })]]);
    const [line] = onCallNow(odd, users, [], now);
    expect(line?.userName).toBeNull();
    expect(line?.problem).toMatch(/time zone/i);
  });
});
