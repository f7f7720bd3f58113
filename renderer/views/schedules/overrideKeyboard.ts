import { DateTime } from 'luxon';
import type { CalendarView } from './calendarWindow.js';
import { snapMinutes } from './laneLayout.js';
import type { TimeRange } from './overrideDrag.js';
import { formatRange, fromLocalInput } from './zonedTime.js';

/**
 * The keys of an override's block in the overrides lane (docs/console.md, "Changing an
 * override"): the keyboard's drag. A move or resize makes the same draft a drag makes, so the
 * final lane previews it and Enter saves it by the drag's path (./overrideSaving.ts).
 */
export type OverrideKeyAction =
  | {
      readonly type: 'move' | 'resize';
      readonly direction: -1 | 1;
      /** One grid step (←/→), or a page-sized one (PageUp/PageDown: a day, a week in a month). */
      readonly size: 'step' | 'page';
    }
  | { readonly type: 'save' }
  | { readonly type: 'cancel' };

/** The keys in `view`, as the calendar's legend lists them. */
export function overrideKeysHelp(
  view: CalendarView,
): readonly { readonly keys: string; readonly does: string }[] {
  const step = keyboardStep(view, 'step');
  return [
    { keys: '← →', does: `move ${'days' in step ? 'a day' : `${step.minutes} min`}` },
    { keys: 'PgUp PgDn', does: `move ${view === 'month' ? 'a week' : 'a day'}` },
    { keys: 'Shift+← →', does: 'move the end' },
    { keys: 'Enter', does: 'save' },
    { keys: 'Esc', does: 'cancel' },
  ];
}

/**
 * What key `event` does to a focused override: ←/→ move it by one step, Shift+←/→ move its
 * end, PageUp/PageDown move it by a day (a week in the month view), Enter saves, Escape
 * cancels. Keys with Ctrl, Alt or Meta are left to the browser.
 */
export function overrideKeyAction(event: {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}): OverrideKeyAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const type = event.shiftKey ? 'resize' : 'move';
  switch (event.key) {
    case 'ArrowLeft':
      return { type, direction: -1, size: 'step' };
    case 'ArrowRight':
      return { type, direction: 1, size: 'step' };
    case 'PageUp':
      return { type, direction: -1, size: 'page' };
    case 'PageDown':
      return { type, direction: 1, size: 'page' };
    case 'Enter':
      return event.shiftKey ? null : { type: 'save' };
    case 'Escape':
      return { type: 'cancel' };
    default:
      return null;
  }
}

/**
 * A key's step in a view: the drag's snap in a day (15 min) and a week (30 min), a day in a
 * month (a month's drag snaps to an hour, which would take 24 presses a day); a page step is a
 * day, a week in a month.
 */
export function keyboardStep(
  view: CalendarView,
  size: 'step' | 'page',
): { readonly minutes: number } | { readonly days: number } {
  if (size === 'page') return { days: view === 'month' ? 7 : 1 };
  return view === 'month' ? { days: 1 } : { minutes: snapMinutes(view) };
}

/**
 * `ms` moved by `days` on the wall clock of `timeZone`: 14:00 stays 14:00 across a clock change
 * (the day is 23 or 25 hours long). A time the clocks skip maps to the jump and a repeated one to
 * its first occurrence, as the form's times do (./zonedTime.ts).
 */
export function plusLocalDays(ms: number, days: number, timeZone: string): number {
  const here = DateTime.fromMillis(ms, { zone: timeZone });
  const wall = here.setZone('UTC', { keepLocalTime: true }).plus({ days });
  const minute = fromLocalInput(wall.toFormat("yyyy-LL-dd'T'HH:mm"), timeZone);
  return minute + here.second * 1000 + here.millisecond;
}

function stepped(
  ms: number,
  step: { readonly minutes: number } | { readonly days: number },
  direction: -1 | 1,
  timeZone: string,
): number {
  if ('days' in step) return plusLocalDays(ms, step.days * direction, timeZone);
  const stepMs = step.minutes * 60_000;
  // On the local grid: a step of real time, so 01:45 → 03:00 where 02:00 is skipped and an
  // hour repeated in autumn is walked through, never back. Off it: to the next line that way.
  const offsetMs = DateTime.fromMillis(ms, { zone: timeZone }).offset * 60_000;
  const local = ms + offsetMs;
  if (local % stepMs === 0) return ms + direction * stepMs;
  const round = direction > 0 ? Math.ceil : Math.floor;
  return round(local / stepMs) * stepMs - offsetMs;
}

/**
 * The range `action` makes of `range` in `view`, on the wall clock of `timeZone`. A move by
 * minutes (to the next line of the local grid) keeps the length in real time, as a drag does (an 8-hour shift stays 8 hours across a
 * clock change); a move by days keeps both ends' wall-clock times (22:00–06:00 stays so). A
 * resize moves the end; one that would leave less than a step (or than the override's own
 * length, if shorter) changes nothing.
 */
export function steppedRange(
  range: TimeRange,
  action: Extract<OverrideKeyAction, { type: 'move' | 'resize' }>,
  view: CalendarView,
  timeZone: string,
): TimeRange {
  const step = keyboardStep(view, action.size);
  if (action.type === 'move') {
    const start = stepped(range.start, step, action.direction, timeZone);
    if ('days' in step) {
      return { start, end: plusLocalDays(range.end, step.days * action.direction, timeZone) };
    }
    return { start, end: start + (range.end - range.start) };
  }
  const end = stepped(range.end, step, action.direction, timeZone);
  const stepMs = 'days' in step ? 86_400_000 * step.days : step.minutes * 60_000;
  const shortest = Math.min(stepMs, range.end - range.start);
  if (end - range.start < shortest) return range;
  return { start: range.start, end };
}

/**
 * The sentence a screen reader hears (and the calendar shows) after a key: what the change is,
 * not saved yet, and how to save or cancel it.
 */
export function pendingChangeText(
  type: 'move' | 'resize',
  who: string,
  range: TimeRange,
  timeZone: string,
): string {
  const verb = type === 'move' ? 'moved to' : 'resized to';
  return `Override for ${who} ${verb} ${formatRange(range.start, range.end, timeZone)} (not saved): Enter to save, Escape to cancel.`;
}

/** What the calendar says once a keyboard change is cancelled. */
export function cancelledChangeText(who: string, range: TimeRange, timeZone: string): string {
  return `Change cancelled: the override for ${who} stays ${formatRange(range.start, range.end, timeZone)}.`;
}
