import type { PauseState } from '../notifications/pauseState.js';
import type { TrayCounts } from './trayBadge.js';

/** What a tray menu item does; main/tray/trayController.ts carries it out. */
export type TrayAction =
  | { readonly type: 'openConsole' }
  | { readonly type: 'openWall' }
  | { readonly type: 'pause'; readonly minutes: 30 | 60 | null }
  | { readonly type: 'resume' }
  | { readonly type: 'quit' };

export interface TrayMenuItem {
  readonly label: string;
  readonly action?: TrayAction;
  readonly enabled?: boolean;
  readonly separator?: boolean;
  /** Radio-like mark for the pause choice in effect. */
  readonly checked?: boolean;
}

const separator: TrayMenuItem = { label: '', separator: true };

function pausedLabel(state: PauseState, timeZone?: string): string {
  if (state.kind === 'indefinite') return 'Notifications paused until resumed';
  if (state.kind === 'until') {
    const time = new Date(state.until).toLocaleTimeString('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      ...(timeZone ? { timeZone } : {}),
    });
    return `Notifications paused until ${time}`;
  }
  return 'Notifications on';
}

/**
 * The tray menu (pure): counts first (not clickable), then the windows, the pause choices and
 * quit. `paused` is the effective state: an expired pause is passed in as active.
 */
export function trayMenu(
  counts: TrayCounts,
  paused: PauseState,
  options: { readonly timeZone?: string } = {},
): TrayMenuItem[] {
  const isPaused = paused.kind !== 'active';
  return [
    { label: `${counts.pendingForMe} pending for you`, enabled: false },
    { label: `${counts.pendingOverall} pending overall`, enabled: false },
    separator,
    { label: 'Open console', action: { type: 'openConsole' } },
    { label: 'Open wall display', action: { type: 'openWall' } },
    separator,
    { label: pausedLabel(paused, options.timeZone), enabled: false },
    { label: 'Pause notifications for 30 minutes', action: { type: 'pause', minutes: 30 } },
    { label: 'Pause notifications for 1 hour', action: { type: 'pause', minutes: 60 } },
    {
      label: 'Pause notifications until resumed',
      action: { type: 'pause', minutes: null },
      checked: paused.kind === 'indefinite',
    },
    { label: 'Resume notifications', action: { type: 'resume' }, enabled: isPaused },
    separator,
    { label: 'Quit Nocturne', action: { type: 'quit' } },
  ];
}
