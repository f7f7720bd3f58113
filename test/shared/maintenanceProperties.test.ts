import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { RecurringSchedule } from '../../shared/maintenance/maintenanceModel.js';
import {
  nextOccurrence,
  occurrenceAt,
  occurrencesBetween,
  type Occurrence,
} from '../../shared/maintenance/occurrences.js';

/*
 * Properties of recurring maintenance windows over random schedules and ranges, in zones with a
 * 1-hour DST shift (Berlin, New York), a 30-minute one (Lord Howe), none (Kolkata) and UTC. Every
 * range starts near a change of offset and start times are biased towards the ones the clocks
 * skip or repeat. The oracle is Luxon reading instants in the zone, which is unambiguous, so the
 * properties do not depend on the code under test converting local times back.
 */

const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];
const day = 86_400_000;
const minute = 60_000;
/** Days just before a change of offset in one of the zones, in 2024 and 2025. */
const bases = [
  '2024-03-07',
  '2024-03-28',
  '2024-04-04',
  '2024-10-03',
  '2024-10-24',
  '2024-10-31',
  '2025-03-27',
].map((d) => Date.parse(`${d}T00:00:00Z`));

const hhmm = fc.oneof(
  fc.constantFrom('00:00', '01:30', '01:45', '02:00', '02:15', '02:30', '03:00', '23:30'),
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
);
const days = fc
  .subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 })
  .map((list) => [...list].sort((a, b) => a - b));
const duration = fc.oneof(
  fc.integer({ min: 1, max: 180 }),
  fc.integer({ min: 1, max: 7 * 24 * 60 }),
);

interface Case {
  readonly schedule: RecurringSchedule;
  readonly from: number;
  readonly to: number;
}

function caseArb(withSeries: boolean): fc.Arbitrary<Case> {
  return fc
    .record({
      zone: fc.constantFrom(...zones),
      base: fc.constantFrom(...bases),
      days,
      startTime: hhmm,
      durationMinutes: duration,
      fromMinutes: fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }),
      lengthDays: fc.integer({ min: 1, max: 40 }),
      series: withSeries
        ? fc.tuple(
            fc.option(fc.integer({ min: -10 * 24 * 60, max: 20 * 24 * 60 }), { nil: null }),
            fc.option(fc.integer({ min: 1, max: 30 * 24 * 60 }), { nil: null }),
          )
        : fc.constant([null, null] as const),
    })
    .map((f) => {
      const from = f.base + f.fromMinutes * minute;
      const [startMinutes, lengthMinutes] = f.series;
      const seriesStart = startMinutes === null ? null : f.base + startMinutes * minute;
      const seriesEnd =
        lengthMinutes === null ? null : (seriesStart ?? f.base) + lengthMinutes * minute;
      return {
        schedule: {
          kind: 'recurring',
          timeZone: f.zone,
          days: f.days,
          startTime: f.startTime,
          durationMinutes: f.durationMinutes,
          seriesStart: seriesStart === null ? null : new Date(seriesStart).toISOString(),
          seriesEnd: seriesEnd === null ? null : new Date(seriesEnd).toISOString(),
        },
        from,
        to: from + f.lengthDays * day,
      };
    });
}

/** The wall-clock reading at `ms` in `zone`, as a local value (as if UTC). */
function reading(ms: number, zone: string): number {
  const d = DateTime.fromMillis(ms, { zone });
  return Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second, d.millisecond);
}

/** The local value of `startTime` on the local date of `ms`. */
function targetOn(ms: number, zone: string, startTime: string): number {
  const d = DateTime.fromMillis(ms, { zone });
  const [h, m] = startTime.split(':').map(Number) as [number, number];
  return Date.UTC(d.year, d.month - 1, d.day, h, m);
}

const localDateOf = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toISODate()!;

const runs = { numRuns: 300 };

describe('recurring maintenance windows: properties across DST', () => {
  it('occurrences overlap the range, come in order, last exactly their duration and keep to the series', () => {
    fc.assert(
      fc.property(caseArb(true), ({ schedule, from, to }) => {
        const found = occurrencesBetween(schedule, from, to);
        const durationMs = schedule.durationMinutes * minute;
        const seriesStart =
          schedule.seriesStart === null ? -Infinity : Date.parse(schedule.seriesStart);
        const seriesEnd = schedule.seriesEnd === null ? Infinity : Date.parse(schedule.seriesEnd);
        found.forEach((o, i) => {
          expect(o.end - o.start).toBe(durationMs);
          expect(o.start < to && o.end > from).toBe(true);
          expect(o.start >= seriesStart && o.start < seriesEnd).toBe(true);
          if (i > 0) expect(o.start).toBeGreaterThan(found[i - 1]!.start);
        });
      }),
      runs,
    );
  });

  it('each occurrence starts on a listed local weekday, at the first instant the wall clock reads its start time or later', () => {
    fc.assert(
      fc.property(caseArb(false), ({ schedule, from, to }) => {
        const zone = schedule.timeZone;
        for (const { start } of occurrencesBetween(schedule, from, to)) {
          expect(schedule.days).toContain(DateTime.fromMillis(start, { zone }).weekday);
          const target = targetOn(start, zone, schedule.startTime);
          const now = reading(start, zone);
          // At the start the clock reads the start time, or just past a gap that skipped it.
          expect(now).toBeGreaterThanOrEqual(target);
          expect(now - target).toBeLessThanOrEqual(60 * minute);
          // Before it, never: zones change offsets on quarter hours, so a start time that
          // happened earlier (the first pass of a repeated hour) shows on this grid.
          for (let k = 1; k <= 12; k += 1) {
            expect(reading(start - k * 15 * minute, zone)).toBeLessThan(target);
          }
        }
      }),
      runs,
    );
  });

  it('every listed weekday inside the range has exactly one occurrence', () => {
    fc.assert(
      fc.property(caseArb(false), ({ schedule, from, to }) => {
        const zone = schedule.timeZone;
        const found = occurrencesBetween(schedule, from, to).map((o) => localDateOf(o.start, zone));
        // Dates far enough inside the range that their occurrence lies in it whatever its length.
        const first = DateTime.fromMillis(from + schedule.durationMinutes * minute + 2 * day, {
          zone,
        }).startOf('day');
        const last = DateTime.fromMillis(to - 2 * day, { zone }).startOf('day');
        for (let d = first; d < last; d = d.plus({ days: 1 })) {
          const count = found.filter((date) => date === d.toISODate()).length;
          expect(count, d.toISODate()!).toBe(schedule.days.includes(d.weekday) ? 1 : 0);
        }
      }),
      runs,
    );
  });

  it('occurrenceAt and nextOccurrence agree with the list', () => {
    fc.assert(
      fc.property(
        caseArb(true),
        fc.integer({ min: 0, max: 1_000_000 }),
        ({ schedule, from, to }, fraction) => {
          const t = from + Math.floor(((to - from) * fraction) / 1_000_000);
          const around = occurrencesBetween(schedule, t - 8 * day, t + 9 * day);
          const containing = around.filter((o) => o.start <= t && t < o.end);
          const longest = containing.reduce<Occurrence | null>(
            (best, o) => (best === null || o.end > best.end ? o : best),
            null,
          );
          expect(occurrenceAt(schedule, t)).toEqual(longest);
          const next = around.find((o) => o.start >= t);
          if (next) expect(nextOccurrence(schedule, t)).toEqual(next);
        },
      ),
      runs,
    );
  });
});
