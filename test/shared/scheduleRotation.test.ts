import { describe, expect, it } from 'vitest';
import { layerUserAt, rotationTurnAt } from '../../shared/schedule/rotation.js';
import { renderSchedule } from '../../shared/schedule/scheduleResolver.js';
import { layer, local, ms, schedule, wall } from '../helpers/schedules.js';

/** Hand-off instants of a layer's rotation between two instants, as local wall-clock text. */
function handoffs(zone: string, l: ReturnType<typeof layer>, from: string, to: string): string[] {
  const rendered = renderSchedule(schedule(zone, [l]), ms(from), ms(to));
  return rendered.layers[0]!.shifts.slice(1).map((s) => wall(s.start, zone));
}

const weekly = (anchor: string, users = ['alice', 'bob', 'carol']) =>
  layer({ id: 'l', userIds: users, rotation: { anchor, turn: { unit: 'weeks', length: 1 } } });

describe('weekly turns keep a 09:00 hand-off across daylight-saving changes', () => {
  it('Europe/Berlin, spring forward (31 March 2024): a turn of 167 hours', () => {
    const zone = 'Europe/Berlin';
    const l = weekly('2024-03-18T09:00:00+01:00');
    expect(handoffs(zone, l, '2024-03-20T00:00:00Z', '2024-04-10T00:00:00Z')).toEqual([
      '2024-03-25 09:00 +01:00',
      '2024-04-01 09:00 +02:00',
      '2024-04-08 09:00 +02:00',
    ]);
    const turn = rotationTurnAt(l, zone, local('2024-03-31T12:00', zone));
    expect(turn).toMatchObject({ index: 1, userId: 'bob' });
    expect((turn.end - turn.start) / 3_600_000).toBe(167);
  });

  it('Europe/Berlin, fall back (27 October 2024): a turn of 169 hours', () => {
    const zone = 'Europe/Berlin';
    const l = weekly('2024-03-18T09:00:00+01:00');
    expect(handoffs(zone, l, '2024-10-15T00:00:00Z', '2024-11-05T00:00:00Z')).toEqual([
      '2024-10-21 09:00 +02:00',
      '2024-10-28 09:00 +01:00',
      '2024-11-04 09:00 +01:00',
    ]);
    // 31 weeks after the anchor: turn 31 is bob's (31 mod 3 = 1), turn 32 carol's.
    const turn = rotationTurnAt(l, zone, local('2024-10-27T12:00', zone));
    expect(turn).toMatchObject({ index: 31, userId: 'bob' });
    expect((turn.end - turn.start) / 3_600_000).toBe(169);
    expect(layerUserAt(l, zone, local('2024-10-28T08:59', zone))).toBe('bob');
    expect(layerUserAt(l, zone, local('2024-10-28T09:00', zone))).toBe('carol');
  });

  it('America/New_York, both changes of 2024', () => {
    const zone = 'America/New_York';
    const l = weekly('2024-03-04T09:00:00-05:00');
    expect(handoffs(zone, l, '2024-03-05T00:00:00Z', '2024-03-20T00:00:00Z')).toEqual([
      '2024-03-11 09:00 -04:00',
      '2024-03-18 09:00 -04:00',
    ]);
    expect(handoffs(zone, l, '2024-10-22T00:00:00Z', '2024-11-06T00:00:00Z')).toEqual([
      '2024-10-28 09:00 -04:00',
      '2024-11-04 09:00 -05:00',
    ]);
    expect(layerUserAt(l, zone, ms('2024-03-11T12:59:59.999Z'))).toBe('alice');
    expect(layerUserAt(l, zone, ms('2024-03-11T13:00:00Z'))).toBe('bob');
  });
});

describe('Australia/Lord_Howe: a 30-minute daylight-saving shift', () => {
  const zone = 'Australia/Lord_Howe';
  const daily = (anchor: string) =>
    layer({
      id: 'l',
      userIds: ['alice', 'bob'],
      rotation: { anchor, turn: { unit: 'days', length: 1 } },
    });

  it('a daily 09:00 hand-off stays at 09:00: turns of 24.5 h in April, 23.5 h in October', () => {
    const l = daily('2024-01-01T09:00:00+11:00');
    expect(handoffs(zone, l, '2024-04-05T12:00:00Z', '2024-04-08T00:00:00Z')).toEqual([
      '2024-04-06 09:00 +11:00',
      '2024-04-07 09:00 +10:30',
      '2024-04-08 09:00 +10:30',
    ]);
    const april = rotationTurnAt(l, zone, local('2024-04-07T03:00', zone));
    expect((april.end - april.start) / 3_600_000).toBe(24.5);
    const october = rotationTurnAt(l, zone, local('2024-10-06T03:00', zone));
    expect((october.end - october.start) / 3_600_000).toBe(23.5);
  });

  it('a hand-off at a time that does not exist (02:15 on 6 October) happens at the jump, 02:30', () => {
    const l = daily('2024-01-01T02:15:00+11:00');
    expect(handoffs(zone, l, '2024-10-04T12:00:00Z', '2024-10-07T12:00:00Z')).toEqual([
      '2024-10-05 02:15 +10:30',
      '2024-10-06 02:30 +11:00',
      '2024-10-07 02:15 +11:00',
    ]);
    expect(layerUserAt(l, zone, ms('2024-10-06T02:30:00+11:00') - 1)).not.toBe(
      layerUserAt(l, zone, ms('2024-10-06T02:30:00+11:00')),
    );
  });

  it('a hand-off at a time that exists twice (01:45 on 7 April) happens at its first occurrence', () => {
    const l = daily('2024-01-01T01:45:00+11:00');
    expect(handoffs(zone, l, '2024-04-05T00:00:00Z', '2024-04-08T00:00:00Z')).toEqual([
      '2024-04-06 01:45 +11:00',
      '2024-04-07 01:45 +11:00',
      '2024-04-08 01:45 +10:30',
    ]);
    // The second 01:45 (at +10:30) is inside the turn that began at the first one.
    const first = ms('2024-04-07T01:45:00+11:00');
    const second = ms('2024-04-07T01:45:00+10:30');
    expect(layerUserAt(l, zone, second)).toBe(layerUserAt(l, zone, first));
    expect(rotationTurnAt(l, zone, second).start).toBe(first);
  });
});

describe('Asia/Kolkata: +05:30 all year', () => {
  it('a daily 09:00 hand-off is 03:30 UTC on every day of the year', () => {
    const zone = 'Asia/Kolkata';
    const l = layer({
      id: 'l',
      userIds: ['alice', 'bob', 'carol'],
      rotation: { anchor: '2024-01-01T09:00:00+05:30', turn: { unit: 'days', length: 1 } },
    });
    const year = renderSchedule(
      schedule(zone, [l]),
      ms('2024-01-01T03:30:00Z'),
      ms('2025-01-01T03:30:00Z'),
    );
    const shifts = year.layers[0]!.shifts;
    expect(shifts).toHaveLength(366);
    for (const [i, s] of shifts.entries()) {
      expect(new Date(s.start).toISOString().slice(10)).toBe('T03:30:00.000Z');
      expect(s.end - s.start).toBe(24 * 3_600_000);
      expect(s.userId).toBe(['alice', 'bob', 'carol'][i % 3]);
    }
  });
});

describe('turns in hours are fixed durations', () => {
  it('a 12-hour rotation moves from 09:00/21:00 to 10:00/22:00 local when Berlin springs forward', () => {
    const zone = 'Europe/Berlin';
    const l = layer({
      id: 'l',
      userIds: ['alice', 'bob'],
      rotation: { anchor: '2024-03-30T09:00:00+01:00', turn: { unit: 'hours', length: 12 } },
    });
    expect(handoffs(zone, l, '2024-03-30T12:00:00Z', '2024-04-01T00:00:00Z')).toEqual([
      '2024-03-30 21:00 +01:00',
      '2024-03-31 10:00 +02:00',
      '2024-03-31 22:00 +02:00',
    ]);
  });
});

describe('turns before the anchor', () => {
  it('count backwards: turn −1 is the last user of the rotation', () => {
    const zone = 'UTC';
    const l = weekly('2024-06-03T09:00:00Z');
    expect(rotationTurnAt(l, zone, ms('2024-06-03T08:59:59.999Z'))).toMatchObject({
      index: -1,
      userId: 'carol',
    });
    expect(rotationTurnAt(l, zone, ms('2024-05-20T10:00:00Z'))).toMatchObject({
      index: -2,
      userId: 'bob',
    });
    expect(rotationTurnAt(l, zone, ms('2024-05-20T08:00:00Z'))).toMatchObject({
      index: -3,
      userId: 'alice',
    });
    expect(rotationTurnAt(l, zone, ms('2024-06-03T09:00:00Z'))).toMatchObject({
      index: 0,
      userId: 'alice',
    });
  });

  it('also for hours, across a DST change in the zone', () => {
    const zone = 'America/New_York';
    const l = layer({
      id: 'l',
      rotation: { anchor: '2024-03-11T00:00:00-04:00', turn: { unit: 'hours', length: 8 } },
    });
    const turn = rotationTurnAt(l, zone, ms('2024-03-10T03:30:00-04:00'));
    expect(turn).toMatchObject({ index: -3, userId: 'alice' });
    expect(turn.end - turn.start).toBe(8 * 3_600_000);
  });
});

describe('restrictions mask time but do not pause the rotation', () => {
  it('a daily rotation restricted to weekdays skips the weekend users', () => {
    const zone = 'Europe/Berlin';
    const l = layer({
      id: 'l',
      userIds: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      rotation: { anchor: '2024-06-03T09:00:00+02:00', turn: { unit: 'days', length: 1 } },
      restrictions: [{ kind: 'weekly', startDay: 1, start: '09:00', endDay: 6, end: '09:00' }],
    });
    const week = renderSchedule(
      schedule(zone, [l]),
      ms('2024-06-03T07:00:00Z'),
      ms('2024-06-17T07:00:00Z'),
    );
    expect(week.layers[0]!.shifts.map((s) => s.userId)).toEqual([
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
    ]);
    expect(layerUserAt(l, zone, local('2024-06-08T12:00', zone))).toBeNull();
  });
});

describe('a skipped calendar day (Pacific/Apia, 30 December 2011 never happened)', () => {
  it('the turn due that day starts when the clock jumps and keeps its users in order', () => {
    const zone = 'Pacific/Apia';
    const l = layer({
      id: 'l',
      start: '2011-01-01T00:00:00Z',
      rotation: { anchor: '2011-12-27T09:00:00-10:00', turn: { unit: 'days', length: 1 } },
    });
    const r = renderSchedule(
      schedule(zone, [l]),
      ms('2011-12-28T10:00:00Z'),
      ms('2011-12-31T12:00:00Z'),
    );
    expect(r.layers[0]!.shifts.map((s) => `${wall(s.start, zone)} ${s.userId}`)).toEqual([
      '2011-12-28 00:00 -10:00 alice',
      '2011-12-28 09:00 -10:00 bob',
      '2011-12-29 09:00 -10:00 carol',
      '2011-12-31 00:00 +14:00 alice',
      '2011-12-31 09:00 +14:00 bob',
    ]);
  });
});
