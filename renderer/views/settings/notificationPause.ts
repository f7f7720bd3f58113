import type { PauseView } from '../../../shared/ipc/ipcViews.js';
import { formatClock } from '../../format/clock.js';

/** The pause buttons: `minutes` as `pauseNotifications` takes it (null: until resumed). */
export const pauseChoices: ReadonlyArray<{
  readonly minutes: 30 | 60 | null;
  readonly label: string;
}> = [
  { minutes: 30, label: 'Pause 30 minutes' },
  { minutes: 60, label: 'Pause 1 hour' },
  { minutes: null, label: 'Pause until resumed' },
];

/** Whether notifications are paused now (a timed pause ends by itself). */
export function isPausedNow(pause: PauseView | null, now: number): boolean {
  if (!pause?.paused) return false;
  return pause.pausedUntil === null || Date.parse(pause.pausedUntil) > now;
}

/**
 * The current pause in words. Null: main has not said yet (it reports a pause when one starts
 * or ends, from here or from the tray; a window opened during a pause learns it then).
 */
export function pauseText(pause: PauseView | null, now: number, timeZone?: string): string | null {
  if (!pause) return null;
  if (!isPausedNow(pause, now)) return 'Notifications are on.';
  if (pause.pausedUntil === null) return 'Notifications are paused until you resume them.';
  return `Notifications are paused until ${formatClock(Date.parse(pause.pausedUntil), timeZone)}.`;
}
