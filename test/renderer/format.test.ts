import { describe, expect, it } from 'vitest';
import { ageOf, formatAge } from '../../renderer/format/age.js';
import { formatClock, formatClockSeconds, formatDateTime } from '../../renderer/format/clock.js';
import { now } from './fixtures.js';

describe('formatting times', () => {
  it.each([
    [-5000, '<1m'],
    [59_999, '<1m'],
    [60_000, '1m'],
    [59 * 60_000, '59m'],
    [60 * 60_000, '1h 00m'],
    [(2 * 60 + 5) * 60_000, '2h 05m'],
    [(3 * 24 + 4) * 3_600_000 + 59 * 60_000, '3d 04h'],
  ])('an age of %d ms reads %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });

  it('ages from RFC 3339 times', () => {
    expect(ageOf('2026-11-28T09:00:00.000Z', now)).toBe('14m');
  });

  it('shows clocks in the zone asked for, across a DST change', () => {
    expect(formatClock(now, 'UTC')).toBe('09:14');
    expect(formatClockSeconds(now + 5000, 'UTC')).toBe('09:14:05');
    expect(formatClock(now, 'America/New_York')).toBe('04:14');
    // 2024-03-31: Berlin moves from +01:00 to +02:00 at 01:00 UTC.
    expect(formatDateTime(Date.parse('2024-03-31T00:30:00Z'), 'Europe/Berlin')).toBe(
      '2024-03-31 01:30',
    );
    expect(formatDateTime(Date.parse('2024-03-31T01:30:00Z'), 'Europe/Berlin')).toBe(
      '2024-03-31 03:30',
    );
  });
});
