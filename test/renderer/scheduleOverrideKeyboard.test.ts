import { describe, expect, it } from 'vitest';
import type { StoredSchedule } from '../../shared/api/schedules.js';
import type { ScheduleTransport } from '../../renderer/transport/scheduleTransport.js';
import {
  cancelledChangeText,
  keyboardStep,
  overrideKeysHelp,
  overrideKeyAction,
  pendingChangeText,
  plusLocalDays,
  steppedRange,
  type OverrideKeyAction,
} from '../../renderer/views/schedules/overrideKeyboard.js';
import { renderCalendar } from '../../renderer/views/schedules/overridePreview.js';
import {
  changeConflictMessage,
  replaceOverride,
} from '../../renderer/views/schedules/overrideSaving.js';
import { berlinSchedule } from '../helpers/wireFixtures.js';

const at = (iso: string) => Date.parse(iso);
const zone = 'Europe/Berlin';
type Step = Extract<OverrideKeyAction, { type: 'move' | 'resize' }>;
const right: Step = { type: 'move', direction: 1, size: 'step' };
const left: Step = { type: 'move', direction: -1, size: 'step' };
const endRight: Step = { type: 'resize', direction: 1, size: 'step' };
const endLeft: Step = { type: 'resize', direction: -1, size: 'step' };
const pageDown: Step = { type: 'move', direction: 1, size: 'page' };
const range = (start: string, end: string) => ({ start: at(start), end: at(end) });

describe('the keys of an override’s block', () => {
  it('maps arrows, Shift+arrows, PageUp/PageDown, Enter and Escape; leaves modified keys', () => {
    expect(overrideKeyAction({ key: 'ArrowRight' })).toEqual(right);
    expect(overrideKeyAction({ key: 'ArrowLeft' })).toEqual(left);
    expect(overrideKeyAction({ key: 'ArrowRight', shiftKey: true })).toEqual(endRight);
    expect(overrideKeyAction({ key: 'ArrowLeft', shiftKey: true })).toEqual(endLeft);
    expect(overrideKeyAction({ key: 'PageDown' })).toEqual(pageDown);
    expect(overrideKeyAction({ key: 'PageUp' })).toEqual({ ...pageDown, direction: -1 });
    expect(overrideKeyAction({ key: 'Enter' })).toEqual({ type: 'save' });
    expect(overrideKeyAction({ key: 'Escape' })).toEqual({ type: 'cancel' });
    expect(overrideKeyAction({ key: 'ArrowRight', ctrlKey: true })).toBeNull();
    expect(overrideKeyAction({ key: 'ArrowLeft', altKey: true })).toBeNull();
    expect(overrideKeyAction({ key: 'ArrowLeft', metaKey: true })).toBeNull();
    expect(overrideKeyAction({ key: 't' })).toBeNull();
  });

  it('steps by the grid of the view: 15 min in a day, 30 in a week, a day in a month', () => {
    expect(keyboardStep('day', 'step')).toEqual({ minutes: 15 });
    expect(keyboardStep('week', 'step')).toEqual({ minutes: 30 });
    expect(keyboardStep('month', 'step')).toEqual({ days: 1 });
    expect(keyboardStep('week', 'page')).toEqual({ days: 1 });
    expect(keyboardStep('month', 'page')).toEqual({ days: 7 });
    expect(overrideKeysHelp('day')[0]).toEqual({ keys: '← →', does: 'move 15 min' });
    expect(
      overrideKeysHelp('month')
        .slice(0, 2)
        .map((k) => k.does),
    ).toEqual(['move a day', 'move a week']);
  });
});

describe('moving and resizing an override by keys, in the schedule’s zone', () => {
  const tue = range('2026-03-31T14:00:00+02:00', '2026-03-31T18:00:00+02:00');

  it('moves by one step, keeping the length; an override off the grid lands on it', () => {
    expect(steppedRange(tue, right, 'week', zone)).toEqual(
      range('2026-03-31T14:30:00+02:00', '2026-03-31T18:30:00+02:00'),
    );
    expect(steppedRange(tue, left, 'day', zone)).toEqual(
      range('2026-03-31T13:45:00+02:00', '2026-03-31T17:45:00+02:00'),
    );
    const odd = range('2026-03-31T14:10:00+02:00', '2026-03-31T15:10:00+02:00');
    expect(steppedRange(odd, right, 'week', zone)).toEqual(
      range('2026-03-31T14:30:00+02:00', '2026-03-31T15:30:00+02:00'),
    );
    expect(steppedRange(odd, left, 'week', zone)).toEqual(
      range('2026-03-31T14:00:00+02:00', '2026-03-31T15:00:00+02:00'),
    );
  });

  it('walks over the hour the clocks skip in spring, the length kept in real time', () => {
    // Sunday 29 March 2026: 02:00 CET → 03:00 CEST in Berlin.
    const early = range('2026-03-29T01:30:00+01:00', '2026-03-29T05:00:00+02:00');
    const once = steppedRange(early, right, 'day', zone);
    expect(once).toEqual(range('2026-03-29T01:45:00+01:00', '2026-03-29T05:15:00+02:00'));
    const twice = steppedRange(once, right, 'day', zone);
    expect(twice).toEqual(range('2026-03-29T03:00:00+02:00', '2026-03-29T05:30:00+02:00'));
    expect(steppedRange(twice, left, 'day', zone)).toEqual(once);
  });

  it('walks through the hour that repeats in autumn, never back', () => {
    // Sunday 25 October 2026: 03:00 CEST → 02:00 CET; 02:00–03:00 is shown twice.
    const night = range('2026-10-25T02:00:00+02:00', '2026-10-25T04:00:00+01:00');
    const seen: number[] = [];
    let current = night;
    for (let i = 0; i < 4; i += 1) {
      current = steppedRange(current, right, 'week', zone);
      seen.push(current.start);
    }
    expect(seen).toEqual([
      at('2026-10-25T02:30:00+02:00'),
      at('2026-10-25T02:00:00+01:00'),
      at('2026-10-25T02:30:00+01:00'),
      at('2026-10-25T03:00:00+01:00'),
    ]);
    expect(current.end - current.start).toBe(night.end - night.start);
  });

  it('moves by days on the wall clock in a month, over the change: 22:00–06:00 stays so', () => {
    const sat = range('2026-03-28T22:00:00+01:00', '2026-03-29T06:00:00+02:00');
    expect(steppedRange(sat, right, 'month', zone)).toEqual(
      range('2026-03-29T22:00:00+02:00', '2026-03-30T06:00:00+02:00'),
    );
    expect(steppedRange(tue, { ...left, size: 'page' }, 'week', zone)).toEqual(
      range('2026-03-30T14:00:00+02:00', '2026-03-30T18:00:00+02:00'),
    );
    expect(steppedRange(tue, { ...left, size: 'page' }, 'month', zone)).toEqual(
      range('2026-03-24T14:00:00+01:00', '2026-03-24T18:00:00+01:00'),
    );
    // 02:30 does not exist on the 29th: the jump, as the form's times and hand-offs take it.
    expect(plusLocalDays(at('2026-03-28T02:30:00+01:00'), 1, zone)).toBe(
      at('2026-03-29T03:00:00+02:00'),
    );
  });

  it('resizes the end by a step, never below a step or the override’s own length', () => {
    expect(steppedRange(tue, endRight, 'week', zone)).toEqual({
      start: tue.start,
      end: at('2026-03-31T18:30:00+02:00'),
    });
    const short = range('2026-03-31T14:00:00+02:00', '2026-03-31T14:30:00+02:00');
    expect(steppedRange(short, endLeft, 'week', zone)).toEqual(short);
    expect(steppedRange(short, endLeft, 'day', zone)).toEqual({
      start: short.start,
      end: at('2026-03-31T14:15:00+02:00'),
    });
    expect(steppedRange(tue, endLeft, 'month', zone)).toEqual(tue);
    expect(steppedRange(tue, endRight, 'month', zone)).toEqual({
      start: tue.start,
      end: at('2026-04-01T18:00:00+02:00'),
    });
  });

  it('says what is pending, and how to save or cancel it', () => {
    expect(pendingChangeText('move', 'Ana Alder', tue, zone)).toBe(
      'Override for Ana Alder moved to Tue 31 Mar 14:00 – 18:00 (not saved): Enter to save, Escape to cancel.',
    );
    expect(pendingChangeText('resize', 'Ana Alder', tue, 'UTC')).toContain(
      'resized to Tue 31 Mar 12:00 – 16:00',
    );
    expect(cancelledChangeText('Ana Alder', tue, zone)).toBe(
      'Change cancelled: the override for Ana Alder stays Tue 31 Mar 14:00 – 18:00.',
    );
  });
});

describe('a keyboard move goes the drag’s way: preview, then replace at the version held', () => {
  const schedule: StoredSchedule = {
    ...berlinSchedule,
    version: 5,
    overrides: [
      {
        id: 'ovr-1',
        start: '2026-03-29T13:00:00+02:00',
        end: '2026-03-29T19:00:00+02:00',
        userId: 'ana',
        createdAt: '2026-03-20T10:00:00Z',
      },
    ],
  };
  const held = range(schedule.overrides[0]!.start, schedule.overrides[0]!.end);
  // Four steps later in the day view, on the day clocks go forward.
  let moved = held;
  for (let i = 0; i < 4; i += 1) moved = steppedRange(moved, right, 'day', zone);
  const draft = { ...moved, userId: 'ana', replaces: 'ovr-1' };

  it('previews Ana an hour later in the final lane, Ben back for the first hour', () => {
    expect(moved).toEqual(range('2026-03-29T14:00:00+02:00', '2026-03-29T20:00:00+02:00'));
    const rendered = renderCalendar(schedule, held.start, moved.end, draft);
    if (rendered instanceof Error) throw rendered;
    expect(rendered.final.map((p) => [p.kind === 'shift' ? p.userId : null, p.start])).toEqual([
      ['ben', held.start],
      ['ana', moved.start],
    ]);
  });

  it('deletes at the version the change was begun on; a 409 then says what happened', async () => {
    const calls: unknown[] = [];
    const transport: ScheduleTransport = {
      deleteOverride: async (...args) => {
        calls.push(['delete', ...args]);
        return {
          ok: false,
          error: { code: 'version_conflict', message: 'Changed.', status: 409 },
        };
      },
      createOverride: async (...args) => {
        calls.push(['create', ...args]);
        throw new Error('not reached');
      },
    };
    // The store has moved on to version 6 (someone else's change): the delete is based on 5.
    const outcome = await replaceOverride(
      transport,
      { ...schedule, version: 6 },
      'ovr-1',
      draft,
      5,
    );
    expect(calls).toEqual([['delete', 'noc', 'ovr-1', 5]]);
    expect(outcome).toEqual({
      state: { kind: 'conflict', message: changeConflictMessage },
      deleted: false,
    });
    expect(changeConflictMessage).toContain('someone else changed this schedule');
    expect(changeConflictMessage).toContain('nothing was changed');
  });
});
