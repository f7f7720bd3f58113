import { IANAZone } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidScheduleError } from '../../shared/schedule/scheduleProblems.js';
import { ScheduleRangeError } from '../../shared/schedule/scheduleRange.js';
import {
  createScheduleResolver,
  onCallAt,
  renderSchedule,
} from '../../shared/schedule/scheduleResolver.js';
import { layer, lines, local, ms, override, schedule } from '../helpers/schedules.js';

const daily = (anchor: string, userIds: string[]) => ({
  userIds,
  rotation: { anchor, turn: { unit: 'days' as const, length: 1 } },
});

describe('daily restrictions', () => {
  it('wrap past midnight and follow the wall clock through spring-forward (a 7-hour night)', () => {
    const zone = 'Europe/Berlin';
    const s = schedule(zone, [
      layer({
        id: 'night',
        userIds: ['alice'],
        restrictions: [{ kind: 'daily', start: '22:00', end: '06:00' }],
      }),
    ]);
    const r = renderSchedule(s, local('2024-03-29T12:00', zone), local('2024-04-01T12:00', zone));
    expect(lines(r.final, zone)).toEqual([
      '2024-03-29 12:00 +01:00 → 2024-03-29 22:00 +01:00 gap',
      '2024-03-29 22:00 +01:00 → 2024-03-30 06:00 +01:00 alice (night)',
      '2024-03-30 06:00 +01:00 → 2024-03-30 22:00 +01:00 gap',
      '2024-03-30 22:00 +01:00 → 2024-03-31 06:00 +02:00 alice (night)',
      '2024-03-31 06:00 +02:00 → 2024-03-31 22:00 +02:00 gap',
      '2024-03-31 22:00 +02:00 → 2024-04-01 06:00 +02:00 alice (night)',
      '2024-04-01 06:00 +02:00 → 2024-04-01 12:00 +02:00 gap',
    ]);
    const night = r.layers[0]!.shifts[1]!;
    expect((night.end - night.start) / 3_600_000).toBe(7);
  });

  it('that touch (09:00–17:00 and 17:00–09:00) make one continuous shift', () => {
    const zone = 'UTC';
    const restrictions = [
      { kind: 'daily', start: '09:00', end: '17:00' },
      { kind: 'daily', start: '17:00', end: '09:00' },
    ] as const;
    const s = schedule(zone, [layer({ id: 'l', userIds: ['alice'], restrictions })]);
    const r = renderSchedule(s, ms('2024-06-03T00:00:00Z'), ms('2024-06-10T00:00:00Z'));
    expect(lines(r.final, zone)).toEqual([
      '2024-06-03 00:00 +00:00 → 2024-06-10 00:00 +00:00 alice (l)',
    ]);
  });
});

describe('weekly restrictions', () => {
  it('wrap past Sunday (Friday 18:00 to Monday 08:00), through New York spring-forward', () => {
    const zone = 'America/New_York';
    const s = schedule(zone, [
      layer({
        id: 'weekend',
        ...daily('2024-03-01T18:00:00-05:00', ['ann', 'ben']),
        restrictions: [{ kind: 'weekly', startDay: 5, start: '18:00', endDay: 1, end: '08:00' }],
      }),
    ]);
    const r = renderSchedule(s, local('2024-03-07T00:00', zone), local('2024-03-12T00:00', zone));
    // Turns hand off daily at 18:00; turn 7 (8 March) is ben's.
    expect(lines(r.final, zone)).toEqual([
      '2024-03-07 00:00 -05:00 → 2024-03-08 18:00 -05:00 gap',
      '2024-03-08 18:00 -05:00 → 2024-03-09 18:00 -05:00 ben (weekend)',
      '2024-03-09 18:00 -05:00 → 2024-03-10 18:00 -04:00 ann (weekend)',
      '2024-03-10 18:00 -04:00 → 2024-03-11 08:00 -04:00 ben (weekend)',
      '2024-03-11 08:00 -04:00 → 2024-03-12 00:00 -04:00 gap',
    ]);
  });

  it('that end on their start day before they start wrap the whole week (Wednesday 10:00 to 09:00)', () => {
    const zone = 'UTC';
    const s = schedule(zone, [
      layer({
        id: 'l',
        userIds: ['alice'],
        restrictions: [{ kind: 'weekly', startDay: 3, start: '10:00', endDay: 3, end: '09:00' }],
      }),
    ]);
    const r = renderSchedule(s, ms('2024-06-03T00:00:00Z'), ms('2024-06-17T00:00:00Z'));
    expect(lines(r.final, zone)).toEqual([
      '2024-06-03 00:00 +00:00 → 2024-06-05 09:00 +00:00 alice (l)',
      '2024-06-05 09:00 +00:00 → 2024-06-05 10:00 +00:00 gap',
      '2024-06-05 10:00 +00:00 → 2024-06-12 09:00 +00:00 alice (l)',
      '2024-06-12 09:00 +00:00 → 2024-06-12 10:00 +00:00 gap',
      '2024-06-12 10:00 +00:00 → 2024-06-17 00:00 +00:00 alice (l)',
    ]);
  });
});

describe('overrides', () => {
  const zone = 'UTC';
  const base = layer({ id: 'base', ...daily('2024-06-03T00:00:00Z', ['alice', 'bob']) });
  const day = [ms('2024-06-03T00:00:00Z'), ms('2024-06-04T00:00:00Z')] as const;

  it('beat every layer, and the newest of overlapping ones wins', () => {
    const s = schedule(
      zone,
      [base],
      [
        override(
          'o1',
          'carol',
          '2024-06-03T10:00:00Z',
          '2024-06-03T14:00:00Z',
          '2024-01-01T00:00:00Z',
        ),
        override(
          'o2',
          'dave',
          '2024-06-03T12:00:00Z',
          '2024-06-03T16:00:00Z',
          '2024-02-01T00:00:00Z',
        ),
        // Newer than o1, older than o2, and inside o2: it never shows.
        override(
          'o3',
          'erin',
          '2024-06-03T13:00:00Z',
          '2024-06-03T15:00:00Z',
          '2024-01-15T00:00:00Z',
        ),
      ],
    );
    const r = renderSchedule(s, ...day);
    expect(lines(r.final, zone)).toEqual([
      '2024-06-03 00:00 +00:00 → 2024-06-03 10:00 +00:00 alice (base)',
      '2024-06-03 10:00 +00:00 → 2024-06-03 12:00 +00:00 carol (override o1)',
      '2024-06-03 12:00 +00:00 → 2024-06-03 16:00 +00:00 dave (override o2)',
      '2024-06-03 16:00 +00:00 → 2024-06-04 00:00 +00:00 alice (base)',
    ]);
    expect(lines(r.overrides, zone)).toEqual(lines(r.final, zone).slice(1, 3));
    expect(lines(r.layers[0]!.shifts, zone)).toEqual([
      '2024-06-03 00:00 +00:00 → 2024-06-04 00:00 +00:00 alice (base)',
    ]);
    expect(onCallAt(s, ms('2024-06-03T14:30:00Z'))).toEqual({
      userId: 'dave',
      source: { kind: 'override', overrideId: 'o2' },
    });
  });

  it('created at the same instant: the greater id wins', () => {
    const s = schedule(
      zone,
      [base],
      [
        override('b', 'bea', '2024-06-03T10:00:00Z', '2024-06-03T12:00:00Z'),
        override('a', 'abe', '2024-06-03T10:00:00Z', '2024-06-03T12:00:00Z'),
      ],
    );
    expect(onCallAt(s, ms('2024-06-03T11:00:00Z'))?.userId).toBe('bea');
    expect(renderSchedule(s, ...day).overrides.map((o) => o.userId)).toEqual(['bea']);
  });

  it('extend past a layer’s end and fill a gap', () => {
    const ending = { ...base, end: '2024-06-03T20:00:00Z' };
    const s = schedule(
      zone,
      [ending],
      [override('late', 'frank', '2024-06-03T18:00:00Z', '2024-06-03T22:00:00Z')],
    );
    expect(lines(renderSchedule(s, ...day).final, zone)).toEqual([
      '2024-06-03 00:00 +00:00 → 2024-06-03 18:00 +00:00 alice (base)',
      '2024-06-03 18:00 +00:00 → 2024-06-03 22:00 +00:00 frank (override late)',
      '2024-06-03 22:00 +00:00 → 2024-06-04 00:00 +00:00 gap',
    ]);
    expect(onCallAt(s, ms('2024-06-03T21:00:00Z'))?.userId).toBe('frank');
    expect(onCallAt(s, ms('2024-06-03T22:00:00Z'))).toBeNull();
  });

  it('for the person already on call change the source, not the person', () => {
    const s = schedule(
      zone,
      [base],
      [override('same', 'alice', '2024-06-03T10:00:00Z', '2024-06-03T11:00:00Z')],
    );
    expect(lines(renderSchedule(s, ...day).final, zone)).toEqual([
      '2024-06-03 00:00 +00:00 → 2024-06-03 10:00 +00:00 alice (base)',
      '2024-06-03 10:00 +00:00 → 2024-06-03 11:00 +00:00 alice (override same)',
      '2024-06-03 11:00 +00:00 → 2024-06-04 00:00 +00:00 alice (base)',
    ]);
  });
});

describe('layers', () => {
  const zone = 'UTC';
  const base = layer({ id: 'base', ...daily('2024-06-01T00:00:00Z', ['alice']) });
  const cover = layer({
    id: 'cover',
    userIds: ['zed'],
    start: '2024-06-03T12:00:00Z',
    end: '2024-06-04T12:00:00Z',
  });
  const range = [ms('2024-06-03T00:00:00Z'), ms('2024-06-05T00:00:00Z')] as const;

  it('the layer added last wins where it covers, within its start and end', () => {
    const r = renderSchedule(schedule(zone, [base, cover]), ...range);
    expect(lines(r.final, zone)).toEqual([
      '2024-06-03 00:00 +00:00 → 2024-06-03 12:00 +00:00 alice (base)',
      '2024-06-03 12:00 +00:00 → 2024-06-04 12:00 +00:00 zed (cover)',
      '2024-06-04 12:00 +00:00 → 2024-06-05 00:00 +00:00 alice (base)',
    ]);
  });

  it('a layer below another that covers it shows in its own lane only', () => {
    const r = renderSchedule(schedule(zone, [cover, base]), ...range);
    expect(lines(r.final, zone)).toEqual([
      '2024-06-03 00:00 +00:00 → 2024-06-05 00:00 +00:00 alice (base)',
    ]);
    expect(lines(r.layers[0]!.shifts, zone)).toEqual([
      '2024-06-03 12:00 +00:00 → 2024-06-04 12:00 +00:00 zed (cover)',
    ]);
  });

  it('nothing covering an instant is a gap, and a schedule without layers is one gap', () => {
    const r = renderSchedule(schedule(zone, [cover]), ...range);
    expect(r.final.map((p) => p.kind)).toEqual(['gap', 'shift', 'gap']);
    expect(onCallAt(schedule(zone, [cover]), range[0])).toBeNull();
    expect(lines(renderSchedule(schedule(zone, []), ...range).final, zone)).toEqual([
      '2024-06-03 00:00 +00:00 → 2024-06-05 00:00 +00:00 gap',
    ]);
  });

  it('adjacent turns of the same user merge into one shift', () => {
    const twice = layer({ id: 'l', ...daily('2024-06-03T00:00:00Z', ['alice', 'alice', 'bob']) });
    const r = renderSchedule(
      schedule(zone, [twice]),
      ms('2024-06-03T00:00:00Z'),
      ms('2024-06-07T00:00:00Z'),
    );
    expect(lines(r.final, zone)).toEqual([
      '2024-06-03 00:00 +00:00 → 2024-06-05 00:00 +00:00 alice (l)',
      '2024-06-05 00:00 +00:00 → 2024-06-06 00:00 +00:00 bob (l)',
      '2024-06-06 00:00 +00:00 → 2024-06-07 00:00 +00:00 alice (l)',
    ]);
  });
});

describe('ranges', () => {
  const s = schedule('UTC', [layer({ id: 'l' })]);
  const day = 86_400_000;
  const from = ms('2024-01-01T00:00:00Z');

  it('an empty range renders nothing', () => {
    expect(renderSchedule(s, from, from)).toMatchObject({
      layers: [{ shifts: [] }],
      overrides: [],
      final: [],
    });
  });

  it('up to 732 days render; longer, backwards or fractional ranges are refused with a code', () => {
    expect(renderSchedule(s, from, from + 732 * day).final.length).toBeGreaterThan(0);
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof ScheduleRangeError ? e.code : String(e);
      }
      return 'no error';
    };
    expect(codeOf(() => renderSchedule(s, from, from + 732 * day + 1))).toBe('range_too_large');
    expect(codeOf(() => renderSchedule(s, from, from - 1))).toBe('invalid_range');
    expect(codeOf(() => renderSchedule(s, from + 0.5, from + day))).toBe('invalid_instant');
    expect(codeOf(() => onCallAt(s, Number.NaN))).toBe('invalid_instant');
    expect(codeOf(() => onCallAt(s, ms('2300-01-01T00:00:00Z')))).toBe('invalid_instant');
  });

  it('a schedule in an unknown zone is refused as invalid', () => {
    expect(() => renderSchedule(schedule('Europe/Atlantis', []), from, from + day)).toThrow(
      InvalidScheduleError,
    );
  });
});

describe('rendering cost', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a month of a 3-layer schedule asks the zone for about one offset a day, not one a minute', () => {
    const zone = 'Europe/Berlin';
    const probes = vi.spyOn(IANAZone.prototype, 'offset');
    const s = schedule(zone, [
      layer({ id: 'weeks' }),
      layer({
        id: 'days',
        ...daily('2024-01-01T09:00:00+01:00', ['x', 'y']),
        restrictions: [{ kind: 'daily', start: '22:00', end: '02:30' }],
      }),
      layer({
        id: 'hours',
        rotation: { anchor: '2024-01-01T08:00:00Z', turn: { unit: 'hours', length: 12 } },
        restrictions: [{ kind: 'weekly', startDay: 6, start: '00:00', endDay: 1, end: '00:00' }],
      }),
    ]);
    const resolver = createScheduleResolver(s);
    const [from, to] = [local('2024-03-15T00:00', zone), local('2024-04-15T00:00', zone)];
    const [from2, to2] = [local('2024-03-20T00:00', zone), local('2024-04-10T00:00', zone)];
    probes.mockClear();
    const r = resolver.render(from, to);
    expect(r.final.length).toBeGreaterThan(60);
    // 31 days sampled once a day, plus two days either side, plus locating one change of offset.
    expect(probes.mock.calls.length).toBeLessThan(70);
    // Scrolling back over the same month costs no new question to the zone.
    probes.mockClear();
    resolver.render(from2, to2);
    expect(probes).not.toHaveBeenCalled();
  });
});
