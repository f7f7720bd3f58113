import { describe, expect, it } from 'vitest';
import type { MaintenanceSchedule } from '../../shared/maintenance/maintenanceModel.js';
import { RecurringSchedule } from '../../shared/maintenance/maintenanceModel.js';
import {
  isInMaintenance,
  MaintenanceRangeError,
  nextOccurrence,
  occurrenceAt,
  occurrencesBetween,
} from '../../shared/maintenance/occurrences.js';

/*
 * Occurrences of maintenance windows at fixed instants, in zones with daylight saving: a start
 * time stays on the wall clock, skipped and repeated local times follow the rules of
 * shared/schedule, durations are elapsed time. Random cases: maintenanceProperties.test.ts.
 */

const at = (text: string) => Date.parse(text);
const iso = (ms: number) => new Date(ms).toISOString();
const spans = (list: ReadonlyArray<{ start: number; end: number }>) =>
  list.map((o) => `${iso(o.start)} – ${iso(o.end)}`);
const recurring = (fields: Record<string, unknown>): MaintenanceSchedule =>
  RecurringSchedule.parse({ kind: 'recurring', ...fields });

describe('one-off windows', () => {
  const once: MaintenanceSchedule = {
    kind: 'once',
    start: '2026-12-01T22:00:00+01:00',
    end: '2026-12-02T02:00:00+01:00',
  };

  it('cover [start, end)', () => {
    expect(isInMaintenance(once, at('2026-12-01T20:59:59.999Z'))).toBe(false);
    expect(isInMaintenance(once, at('2026-12-01T21:00:00Z'))).toBe(true);
    expect(isInMaintenance(once, at('2026-12-02T00:59:59.999Z'))).toBe(true);
    expect(isInMaintenance(once, at('2026-12-02T01:00:00Z'))).toBe(false);
  });

  it('list once when they overlap the range, and are next until they start', () => {
    expect(
      spans(occurrencesBetween(once, at('2026-12-02T00:00:00Z'), at('2026-12-03T00:00:00Z'))),
    ).toEqual(['2026-12-01T21:00:00.000Z – 2026-12-02T01:00:00.000Z']);
    expect(
      occurrencesBetween(once, at('2026-12-02T01:00:00Z'), at('2026-12-03T00:00:00Z')),
    ).toEqual([]);
    expect(nextOccurrence(once, at('2026-11-01T00:00:00Z'))?.start).toBe(
      at('2026-12-01T21:00:00Z'),
    );
    expect(nextOccurrence(once, at('2026-12-01T21:00:00.001Z'))).toBeNull();
  });
});

describe('recurring windows across daylight-saving changes (Europe/Berlin)', () => {
  it('a daily 02:30 start moves to the jump when the clocks skip it, and stays at 02:30 otherwise', () => {
    const nightly = recurring({
      timeZone: 'Europe/Berlin',
      startTime: '02:30',
      durationMinutes: 60,
    });
    // 2024-03-31: 02:00 CET → 03:00 CEST; 02:30 does not exist and starts at the jump.
    expect(
      spans(occurrencesBetween(nightly, at('2024-03-29T12:00:00Z'), at('2024-04-02T00:00:00Z'))),
    ).toEqual([
      '2024-03-30T01:30:00.000Z – 2024-03-30T02:30:00.000Z', // 02:30 CET
      '2024-03-31T01:00:00.000Z – 2024-03-31T02:00:00.000Z', // 03:00 CEST
      '2024-04-01T00:30:00.000Z – 2024-04-01T01:30:00.000Z', // 02:30 CEST
    ]);
  });

  it('a start time that happens twice (clocks going back) starts at its first pass; the duration is elapsed time', () => {
    const nightly = recurring({
      timeZone: 'Europe/Berlin',
      startTime: '02:30',
      durationMinutes: 120,
    });
    // 2024-10-27: 03:00 CEST → 02:00 CET; 02:30 is 00:30Z and again 01:30Z.
    expect(occurrenceAt(nightly, at('2024-10-27T00:30:00Z'))).toEqual({
      start: at('2024-10-27T00:30:00Z'),
      end: at('2024-10-27T02:30:00Z'), // 03:30 CET: two hours later, not 04:30
    });
    expect(isInMaintenance(nightly, at('2024-10-27T00:29:59Z'))).toBe(false);
  });

  it('weekly days are local days, and an occurrence may run past midnight', () => {
    const weekend = recurring({
      timeZone: 'America/New_York',
      days: [6], // Saturday
      startTime: '22:00',
      durationMinutes: 6 * 60,
      seriesStart: '2024-11-01T00:00:00-04:00',
      seriesEnd: '2024-11-17T00:00:00-05:00',
    });
    // 2024-11-03 01:59 EDT → 01:00 EST: the night of Saturday 2 November is an hour longer.
    expect(
      spans(occurrencesBetween(weekend, at('2024-10-20T00:00:00Z'), at('2024-12-01T00:00:00Z'))),
    ).toEqual([
      '2024-11-03T02:00:00.000Z – 2024-11-03T08:00:00.000Z', // 22:00 EDT – 03:00 EST
      '2024-11-10T03:00:00.000Z – 2024-11-10T09:00:00.000Z', // 22:00 EST – 04:00 EST
      '2024-11-17T03:00:00.000Z – 2024-11-17T09:00:00.000Z',
    ]);
    // Sunday 03:00 EST is still the Saturday occurrence.
    expect(isInMaintenance(weekend, at('2024-11-03T07:59:59Z'))).toBe(true);
    expect(isInMaintenance(weekend, at('2024-11-03T08:00:00Z'))).toBe(false);
  });

  it('only occurrences starting within the series happen', () => {
    const series = recurring({
      timeZone: 'UTC',
      startTime: '12:00',
      durationMinutes: 30,
      seriesStart: '2026-01-02T12:00:00Z',
      seriesEnd: '2026-01-04T12:00:00Z',
    });
    expect(
      spans(occurrencesBetween(series, at('2026-01-01T00:00:00Z'), at('2026-01-10T00:00:00Z'))),
    ).toEqual([
      '2026-01-02T12:00:00.000Z – 2026-01-02T12:30:00.000Z',
      '2026-01-03T12:00:00.000Z – 2026-01-03T12:30:00.000Z',
    ]);
    expect(nextOccurrence(series, at('2026-01-03T12:00:00.001Z'))).toBeNull();
    expect(nextOccurrence(series, at('2025-06-01T00:00:00Z'))?.start).toBe(
      at('2026-01-02T12:00:00Z'),
    );
  });

  it('overlapping occurrences: the one lasting longest is the one under way', () => {
    const long = recurring({ timeZone: 'UTC', startTime: '00:00', durationMinutes: 36 * 60 });
    expect(occurrenceAt(long, at('2026-01-02T06:00:00Z'))).toEqual({
      start: at('2026-01-02T00:00:00Z'),
      end: at('2026-01-03T12:00:00Z'),
    });
  });

  it('refuses to list more than 732 days at once', () => {
    const daily = recurring({ timeZone: 'UTC', startTime: '00:00', durationMinutes: 1 });
    expect(() => occurrencesBetween(daily, 0, 733 * 86_400_000)).toThrow(MaintenanceRangeError);
  });
});
