import { describe, expect, it } from 'vitest';
import { ScheduleRangeError } from '../../shared/schedule/scheduleRange.js';
import { nextHandoffs } from '../../shared/schedule/scheduleResolver.js';
import { layer, local, ms, override, schedule, wall } from '../helpers/schedules.js';

const zone = 'Europe/Berlin';
const base = layer({
  id: 'base',
  userIds: ['alice', 'bob'],
  end: '2024-04-03T07:00:00Z',
  rotation: { anchor: '2024-03-25T09:00:00+01:00', turn: { unit: 'days', length: 1 } },
});
const s = schedule(
  zone,
  [base],
  [
    override('swap', 'carol', '2024-03-31T12:00:00+02:00', '2024-03-31T18:00:00+02:00'),
    // alice covering her own turn: a change of source, not of person.
    override('self', 'alice', '2024-03-31T10:00:00+02:00', '2024-03-31T11:00:00+02:00'),
  ],
);
const read = (h: { at: number; from: { userId: string } | null; to: { userId: string } | null }) =>
  `${wall(h.at, zone)} ${h.from?.userId ?? 'nobody'} → ${h.to?.userId ?? 'nobody'}`;

describe('nextHandoffs', () => {
  it('lists who is on call now and the next changes of person, across the DST change', () => {
    const upcoming = nextHandoffs(s, local('2024-03-30T10:00', zone), { limit: 10 });
    expect(upcoming.current).toEqual({ userId: 'bob', source: { kind: 'layer', layerId: 'base' } });
    expect(upcoming.handoffs.map(read)).toEqual([
      '2024-03-31 09:00 +02:00 bob → alice',
      '2024-03-31 12:00 +02:00 alice → carol',
      '2024-03-31 18:00 +02:00 carol → alice',
      '2024-04-01 09:00 +02:00 alice → bob',
      '2024-04-02 09:00 +02:00 bob → alice',
      '2024-04-03 09:00 +02:00 alice → nobody',
    ]);
    expect(upcoming.handoffs[1]!.to?.source).toEqual({ kind: 'override', overrideId: 'swap' });
    expect(upcoming.searchedUntil).toBe(local('2024-03-30T10:00', zone) + 31 * 86_400_000);
  });

  it('stops at the limit and says up to when the list is complete', () => {
    const upcoming = nextHandoffs(s, local('2024-03-30T10:00', zone), { limit: 2 });
    expect(upcoming.handoffs.map(read)).toEqual([
      '2024-03-31 09:00 +02:00 bob → alice',
      '2024-03-31 12:00 +02:00 alice → carol',
    ]);
    expect(upcoming.searchedUntil).toBe(ms('2024-03-31T12:00:00+02:00'));
  });

  it('a change exactly at `after` is the current state, not a hand-off', () => {
    const upcoming = nextHandoffs(s, ms('2024-03-31T09:00:00+02:00'), { limit: 1 });
    expect(upcoming.current?.userId).toBe('alice');
    expect(upcoming.handoffs.map(read)).toEqual(['2024-03-31 12:00 +02:00 alice → carol']);
  });

  it('looks no further than the horizon', () => {
    const upcoming = nextHandoffs(s, local('2024-03-30T10:00', zone), { horizonMs: 3_600_000 });
    expect(upcoming.handoffs).toEqual([]);
    expect(upcoming.searchedUntil).toBe(local('2024-03-30T11:00', zone));
    const after = nextHandoffs(s, ms('2024-04-05T00:00:00Z'));
    expect(after).toMatchObject({ current: null, handoffs: [] });
  });

  it('refuses a limit or horizon out of bounds', () => {
    const t = ms('2024-04-05T00:00:00Z');
    expect(() => nextHandoffs(s, t, { limit: 0 })).toThrow(ScheduleRangeError);
    expect(() => nextHandoffs(s, t, { limit: 1001 })).toThrow(ScheduleRangeError);
    expect(() => nextHandoffs(s, t, { horizonMs: 733 * 86_400_000 })).toThrow(/732 days/);
  });
});
