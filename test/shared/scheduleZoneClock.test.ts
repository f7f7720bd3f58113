import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseInstant, toZonedIso } from '../../shared/schedule/instant.js';
import { ZoneClock } from '../../shared/schedule/zoneClock.js';
import { ms } from '../helpers/schedules.js';

/** Local values are wall-clock readings written as UTC epoch ms. */
const wallValue = (text: string) => Date.parse(`${text}Z`);
const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];
const years2020s = fc.integer({ min: ms('2020-01-01T00:00:00Z'), max: ms('2030-01-01T00:00:00Z') });

describe('ZoneClock offsets agree with Luxon', () => {
  it.each(zones)('%s: offset and wall clock at random instants and around every change', (zone) => {
    const luxon = IANAZone.create(zone);
    const clock = new ZoneClock(zone);
    fc.assert(
      fc.property(years2020s, (t) => {
        expect(clock.offsetAt(t)).toBe(luxon.offset(t) * 60_000);
        expect(clock.localOf(t)).toBe(t + luxon.offset(t) * 60_000);
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it('finds each change of offset to the millisecond', () => {
    const changes: Array<[string, string]> = [
      ['Europe/Berlin', '2024-03-31T01:00:00Z'],
      ['Europe/Berlin', '2024-10-27T01:00:00Z'],
      ['America/New_York', '2024-03-10T07:00:00Z'],
      ['America/New_York', '2024-11-03T06:00:00Z'],
      ['Australia/Lord_Howe', '2024-04-06T15:00:00Z'],
      ['Australia/Lord_Howe', '2024-10-05T15:30:00Z'],
    ];
    for (const [zone, at] of changes) {
      const clock = new ZoneClock(zone);
      expect(clock.offsetAt(ms(at) - 1), `${zone} ${at}`).not.toBe(clock.offsetAt(ms(at)));
      expect(clock.offsetAt(ms(at) - 1)).toBe(IANAZone.create(zone).offset(ms(at) - 1) * 60_000);
    }
  });

  it('refuses a zone the runtime does not know', () => {
    expect(() => new ZoneClock('Mars/Olympus_Mons')).toThrow(/Unknown time zone/);
  });
});

describe('ZoneClock.instantOf: wall-clock time to instant', () => {
  it.each(zones)('%s: an ordinary local time maps where Luxon puts it', (zone) => {
    const clock = new ZoneClock(zone);
    fc.assert(
      fc.property(years2020s, (t) => {
        const dt = DateTime.fromMillis(t, { zone });
        // Only times that exist exactly once: Luxon's own choice differs in the ambiguous hour.
        fc.pre(
          dt.offset === dt.minus({ hours: 3 }).offset && dt.offset === dt.plus({ hours: 3 }).offset,
        );
        expect(clock.instantOf(wallValue(dt.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS")))).toBe(t);
      }),
      { seed: 4, numRuns: 300 },
    );
  });

  it('maps a time skipped by spring-forward to the instant of the jump', () => {
    // 02:30 does not exist: clocks go from 02:00 to 03:00 (Berlin, New York) or 02:00 to 02:30.
    expect(new ZoneClock('Europe/Berlin').instantOf(wallValue('2024-03-31T02:30'))).toBe(
      ms('2024-03-31T03:00:00+02:00'),
    );
    expect(new ZoneClock('America/New_York').instantOf(wallValue('2024-03-10T02:30'))).toBe(
      ms('2024-03-10T03:00:00-04:00'),
    );
    expect(new ZoneClock('Australia/Lord_Howe').instantOf(wallValue('2024-10-06T02:15'))).toBe(
      ms('2024-10-06T02:30:00+11:00'),
    );
    // The first existing minute after the gap maps to itself.
    expect(new ZoneClock('Australia/Lord_Howe').instantOf(wallValue('2024-10-06T02:30'))).toBe(
      ms('2024-10-06T02:30:00+11:00'),
    );
  });

  it('maps a time repeated by fall-back to its first occurrence', () => {
    expect(new ZoneClock('Europe/Berlin').instantOf(wallValue('2024-10-27T02:30'))).toBe(
      ms('2024-10-27T02:30:00+02:00'),
    );
    expect(new ZoneClock('America/New_York').instantOf(wallValue('2024-11-03T01:30'))).toBe(
      ms('2024-11-03T01:30:00-04:00'),
    );
    expect(new ZoneClock('Australia/Lord_Howe').instantOf(wallValue('2024-04-07T01:45'))).toBe(
      ms('2024-04-07T01:45:00+11:00'),
    );
  });

  it.each(zones)(
    '%s: is monotonic, and highWaterLocal tells exactly when a local time is reached',
    (zone) => {
      const clock = new ZoneClock(zone);
      fc.assert(
        fc.property(years2020s, fc.integer({ min: 0, max: 3 * 3_600_000 }), (w, step) => {
          const t = clock.instantOf(w);
          expect(clock.instantOf(w + step)).toBeGreaterThanOrEqual(t);
          expect(clock.highWaterLocal(t)).toBeGreaterThanOrEqual(w);
          expect(clock.highWaterLocal(t - 1)).toBeLessThan(w);
        }),
        { seed: 5, numRuns: 300 },
      );
    },
  );

  it.each(zones)('%s: the same holds around the 2024 changes of offset', (zone) => {
    const clock = new ZoneClock(zone);
    const changes = [
      '2024-03-10T07:00:00Z',
      '2024-03-31T01:00:00Z',
      '2024-04-06T15:00:00Z',
      '2024-10-05T15:30:00Z',
      '2024-10-27T01:00:00Z',
      '2024-11-03T06:00:00Z',
    ].map(ms);
    const hours4 = 4 * 3_600_000;
    const near = fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -hours4, max: hours4 }));
    fc.assert(
      fc.property(near, fc.integer({ min: 0, max: 90 * 60_000 }), ([change, delta], step) => {
        const w = clock.localOf(change) + delta;
        const t = clock.instantOf(w);
        expect(clock.instantOf(w + step)).toBeGreaterThanOrEqual(t);
        expect(clock.highWaterLocal(t)).toBeGreaterThanOrEqual(w);
        expect(clock.highWaterLocal(t - 1)).toBeLessThan(w);
      }),
      { seed: 7, numRuns: 400 },
    );
  });
});

describe('ZoneClock.highWaterLocal', () => {
  it('holds at the last reading before the clocks went back, through the repeated hour', () => {
    const clock = new ZoneClock('Europe/Berlin');
    const last = wallValue('2024-10-27T02:59:59.999');
    expect(clock.highWaterLocal(ms('2024-10-27T02:15:00+01:00'))).toBe(last);
    expect(clock.highWaterLocal(ms('2024-10-27T02:59:59.999+01:00'))).toBe(last);
    expect(clock.highWaterLocal(ms('2024-10-27T03:00:00+01:00'))).toBe(
      wallValue('2024-10-27T03:00'),
    );
    expect(clock.highWaterLocal(ms('2024-10-27T02:15:00+02:00'))).toBe(
      wallValue('2024-10-27T02:15'),
    );
  });

  it('gives the same answers however far apart the questions are', () => {
    const reused = new ZoneClock('America/New_York');
    fc.assert(
      fc.property(
        fc.integer({ min: ms('1971-01-01T00:00:00Z'), max: ms('2199-01-01T00:00:00Z') }),
        (t) => {
          const fresh = new ZoneClock('America/New_York');
          expect(reused.highWaterLocal(t)).toBe(fresh.highWaterLocal(t));
          expect(reused.instantOf(t)).toBe(fresh.instantOf(t));
        },
      ),
      { seed: 6, numRuns: 100 },
    );
  });
});

describe('instants as text', () => {
  it('parseInstant reads RFC 3339 with an offset, to the millisecond, and nothing else', () => {
    expect(parseInstant('2024-03-31T09:00:00+02:00')).toBe(Date.UTC(2024, 2, 31, 7));
    expect(parseInstant('2024-03-31T09:00:00.123456Z')).toBe(Date.UTC(2024, 2, 31, 9, 0, 0, 123));
    expect(parseInstant('2024-03-31T09:00:00.5-05:30')).toBe(Date.UTC(2024, 2, 31, 14, 30, 0, 500));
    for (const bad of ['2024-03-31T09:00:00', '2024-02-30T00:00:00Z', '2024-03-31 09:00:00Z', '']) {
      expect(parseInstant(bad), bad).toBeNaN();
    }
  });

  it('toZonedIso writes the zone’s own offset', () => {
    const t = Date.UTC(2024, 2, 31, 3, 30);
    expect(toZonedIso(t, 'Asia/Kolkata')).toBe('2024-03-31T09:00:00.000+05:30');
    expect(toZonedIso(t, 'Europe/Berlin')).toBe('2024-03-31T05:30:00.000+02:00');
    expect(toZonedIso(t, 'Australia/Lord_Howe')).toBe('2024-03-31T14:30:00.000+11:00');
  });
});
