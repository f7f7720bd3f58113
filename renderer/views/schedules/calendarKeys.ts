import type { CalendarView } from './calendarWindow.js';

/** What a key pressed in the calendar does. */
export type CalendarKeyAction =
  | { readonly type: 'step'; readonly step: -1 | 1 }
  | { readonly type: 'today' }
  | { readonly type: 'view'; readonly view: CalendarView }
  | { readonly type: 'toggleZone' };

/**
 * The calendar's keys: ←/→ (or p/n) the previous/next page, t today, d/w/m the day, week and
 * month views, z the other time zone. Keys with Ctrl, Alt or Meta, and keys typed in a field,
 * are left alone (the caller checks the field).
 */
export function calendarKeyAction(event: {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}): CalendarKeyAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  switch (event.key) {
    case 'ArrowLeft':
    case 'p':
      return { type: 'step', step: -1 };
    case 'ArrowRight':
    case 'n':
      return { type: 'step', step: 1 };
    case 't':
      return { type: 'today' };
    case 'd':
      return { type: 'view', view: 'day' };
    case 'w':
      return { type: 'view', view: 'week' };
    case 'm':
      return { type: 'view', view: 'month' };
    case 'z':
      return { type: 'toggleZone' };
    default:
      return null;
  }
}
