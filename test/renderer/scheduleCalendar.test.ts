import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from '../../renderer/app/routes.js';
import {
  calendarWindow,
  hourTicks,
  offsetName,
  stepAnchor,
} from '../../renderer/views/schedules/calendarWindow.js';
import { calendarKeyAction } from '../../renderer/views/schedules/calendarKeys.js';
import { layoutLane, positionPct, snapToLocal } from '../../renderer/views/schedules/laneLayout.js';
import { fromLocalInput, toLocalInput } from '../../renderer/views/schedules/zonedTime.js';

const at = (iso: string) => Date.parse(iso);
const hours = (h: number) => h * 3_600_000;

describe('calendar windows in a zone', () => {
  it('draws the Berlin week of the spring change with a 23-hour Sunday', () => {
    const win = calendarWindow('week', at('2026-03-29T12:00:00Z'), 'Europe/Berlin');
    expect(win.from).toBe(at('2026-03-23T00:00:00+01:00'));
    expect(win.to).toBe(at('2026-03-30T00:00:00+02:00'));
    expect(win.to - win.from).toBe(hours(7 * 24 - 1));
    expect(win.days.map((d) => d.hours)).toEqual([24, 24, 24, 24, 24, 24, 23]);
    expect(win.days[6]).toMatchObject({ date: '2026-03-29', label: 'Sun 29 Mar' });
    expect(win.title).toBe('Week of Mon 23 Mar 2026');
    expect(win.offsetChanges).toEqual([
      {
        at: at('2026-03-29T01:00:00Z'),
        label: 'Clocks go forward 02:00 → 03:00 (UTC+1 → UTC+2)',
      },
    ]);
  });

  it('gives the autumn change day 25 hours and says the clocks go back', () => {
    const win = calendarWindow('day', at('2026-10-25T10:00:00Z'), 'Europe/Berlin');
    expect(win.from).toBe(at('2026-10-25T00:00:00+02:00'));
    expect(win.to).toBe(at('2026-10-26T00:00:00+01:00'));
    expect(win.days).toHaveLength(1);
    expect(win.days[0]!.hours).toBe(25);
    expect(win.offsetChanges[0]!.label).toBe('Clocks go back 03:00 → 02:00 (UTC+2 → UTC+1)');
    // Hour ticks follow the wall clock: 02 appears twice, as the clock shows it twice.
    const labels = hourTicks(win.from, win.to, 'Europe/Berlin').map((t) => t.label);
    expect(labels).toHaveLength(25);
    expect(labels.filter((l) => l === '02')).toHaveLength(2);
  });

  it('has no 02 tick on the spring change day', () => {
    const win = calendarWindow('day', at('2026-03-29T10:00:00Z'), 'Europe/Berlin');
    const labels = hourTicks(win.from, win.to, 'Europe/Berlin').map((t) => t.label);
    expect(labels).toHaveLength(23);
    expect(labels).not.toContain('02');
  });

  it('handles Lord Howe’s half-hour changes (23.5 and 24.5 hour days)', () => {
    const spring = calendarWindow('day', at('2026-10-04T06:00:00Z'), 'Australia/Lord_Howe');
    expect(spring.days[0]!.hours).toBe(23.5);
    expect(spring.offsetChanges[0]!.label).toBe(
      'Clocks go forward 02:00 → 02:30 (UTC+10:30 → UTC+11)',
    );
    const autumn = calendarWindow('day', at('2026-04-05T06:00:00Z'), 'Australia/Lord_Howe');
    expect(autumn.days[0]!.hours).toBe(24.5);
    expect(autumn.offsetChanges[0]!.label).toBe(
      'Clocks go back 02:00 → 01:30 (UTC+11 → UTC+10:30)',
    );
  });

  it('draws a month from local midnight to local midnight', () => {
    const win = calendarWindow('month', at('2026-03-15T12:00:00Z'), 'Europe/Berlin');
    expect(win.days).toHaveLength(31);
    expect(win.from).toBe(at('2026-03-01T00:00:00+01:00'));
    expect(win.to).toBe(at('2026-04-01T00:00:00+02:00'));
    expect(win.title).toBe('March 2026');
  });

  it('the same instant falls on another day in another zone', () => {
    const t = at('2026-03-29T23:30:00Z');
    expect(calendarWindow('day', t, 'Europe/Berlin').days[0]!.date).toBe('2026-03-30');
    expect(calendarWindow('day', t, 'UTC').days[0]!.date).toBe('2026-03-29');
  });

  it('steps by calendar units, keeping the local time across a change', () => {
    const anchor = at('2026-03-28T09:00:00+01:00');
    expect(stepAnchor('day', anchor, 'Europe/Berlin', 1)).toBe(at('2026-03-29T09:00:00+02:00'));
    expect(stepAnchor('week', anchor, 'Europe/Berlin', -1)).toBe(at('2026-03-21T09:00:00+01:00'));
    expect(stepAnchor('month', anchor, 'Europe/Berlin', 1)).toBe(at('2026-04-28T09:00:00+02:00'));
  });

  it('names offsets', () => {
    expect(offsetName(0)).toBe('UTC');
    expect(offsetName(120)).toBe('UTC+2');
    expect(offsetName(-300)).toBe('UTC−5');
    expect(offsetName(630)).toBe('UTC+10:30');
  });
});

describe('lane layout', () => {
  const from = at('2026-03-29T00:00:00+01:00');
  const to = at('2026-03-30T00:00:00+02:00'); // 23 hours
  const source = { kind: 'layer', layerId: 'daily' } as const;

  it('places pieces linearly in time, clipped to the window, sorted', () => {
    const blocks = layoutLane(
      [
        { kind: 'gap', start: at('2026-03-29T09:00:00+02:00'), end: to + hours(5) },
        {
          kind: 'shift',
          start: from - hours(15),
          end: at('2026-03-29T09:00:00+02:00'),
          userId: 'ana',
          source,
        },
        { kind: 'shift', start: to + hours(5), end: to + hours(6), userId: 'ben', source },
      ],
      from,
      to,
    );
    expect(blocks).toHaveLength(2);
    const [ana, gap] = blocks;
    // 00:00+01 → 09:00+02 is 8 elapsed hours of 23.
    expect(ana).toMatchObject({ userId: 'ana', leftPct: 0, continuesBefore: true });
    expect(ana!.widthPct).toBeCloseTo((8 / 23) * 100, 9);
    expect(gap).toMatchObject({ kind: 'gap', userId: null, continuesAfter: true });
    expect(gap!.leftPct + gap!.widthPct).toBeCloseTo(100, 9);
    expect(gap!.start).toBe(at('2026-03-29T09:00:00+02:00'));
  });

  it('finds positions and snaps to the wall clock of a zone', () => {
    expect(positionPct(from, from, to)).toBe(0);
    expect(positionPct(to + 1, from, to)).toBeNull();
    expect(snapToLocal(at('2026-03-29T09:07:00+02:00'), 15, 'Europe/Berlin')).toBe(
      at('2026-03-29T09:00:00+02:00'),
    );
    expect(snapToLocal(at('2026-03-29T09:40:00+02:00'), 60, 'Europe/Berlin')).toBe(
      at('2026-03-29T10:00:00+02:00'),
    );
    expect(snapToLocal(at('2026-03-29T23:50:00+02:00'), 60, 'Europe/Berlin')).toBe(to);
    // Kathmandu is UTC+5:45: a local hour is not a UTC hour.
    expect(snapToLocal(at('2026-03-29T04:20:00Z'), 60, 'Asia/Kathmandu')).toBe(
      at('2026-03-29T10:00:00+05:45'),
    );
  });
});

describe('wall-clock inputs', () => {
  it('round-trips a time in the zone, not the browser’s', () => {
    const t = at('2026-03-29T09:00:00+02:00');
    expect(toLocalInput(t, 'Europe/Berlin')).toBe('2026-03-29T09:00');
    expect(toLocalInput(t, 'UTC')).toBe('2026-03-29T07:00');
    expect(fromLocalInput('2026-03-29T09:00', 'Europe/Berlin')).toBe(t);
    expect(fromLocalInput('', 'Europe/Berlin')).toBeNaN();
  });

  it('maps a skipped time to the jump and a repeated one to its first occurrence', () => {
    expect(fromLocalInput('2026-03-29T02:30', 'Europe/Berlin')).toBe(
      at('2026-03-29T03:00:00+02:00'),
    );
    expect(fromLocalInput('2026-10-25T02:30', 'Europe/Berlin')).toBe(
      at('2026-10-25T02:30:00+02:00'),
    );
  });
});

describe('calendar keys and routes', () => {
  it('maps keys to actions and leaves modified keys alone', () => {
    expect(calendarKeyAction({ key: 'ArrowLeft' })).toEqual({ type: 'step', step: -1 });
    expect(calendarKeyAction({ key: 'n' })).toEqual({ type: 'step', step: 1 });
    expect(calendarKeyAction({ key: 't' })).toEqual({ type: 'today' });
    expect(calendarKeyAction({ key: 'm' })).toEqual({ type: 'view', view: 'month' });
    expect(calendarKeyAction({ key: 'z' })).toEqual({ type: 'toggleZone' });
    expect(calendarKeyAction({ key: 'ArrowLeft', ctrlKey: true })).toBeNull();
    expect(calendarKeyAction({ key: 'x' })).toBeNull();
  });

  it('routes /schedules/:id', () => {
    expect(parseRoute('/schedules/7')).toEqual({ name: 'schedule', id: '7' });
    expect(parseRoute('/schedules/')).toEqual({ name: 'schedules' });
    expect(routePath({ name: 'schedule', id: 'noc primary' })).toBe('/schedules/noc%20primary');
    expect(parseRoute('/schedules/noc%20primary')).toEqual({ name: 'schedule', id: 'noc primary' });
  });
});
