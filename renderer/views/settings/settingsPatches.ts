import type { SettingsPatch, Theme } from '../../../shared/ipc/desktopSettings.js';
import type { EnginesViewSetting } from '../../app/desktopEngines.js';

/**
 * What each control of the desktop settings view sends to `updateSettings` (the shared
 * `SettingsPatch`): one field, so two windows changing different settings never undo each other.
 */

export type NotificationToggle = 'enabled' | 'allHighAlerts' | 'soundForHigh';

/** The notification switches, in the order shown, with the sentence each needs. */
export const notificationToggles: ReadonlyArray<{
  readonly field: NotificationToggle;
  readonly label: string;
}> = [
  { field: 'enabled', label: 'Show notifications (the tray keeps counting either way)' },
  { field: 'allHighAlerts', label: 'Every new HIGH alert, not only those that reach me' },
  { field: 'soundForHigh', label: 'Sound for HIGH alerts' },
];

export const togglePatch = (field: NotificationToggle, on: boolean): SettingsPatch => ({
  notifications: { [field]: on },
});

/** The de-duplication window as typed: whole minutes from 1 to 1440 (a day). */
export function dedupPatch(
  text: string,
): { readonly patch: SettingsPatch } | { readonly error: string } {
  const minutes = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || minutes < 1 || minutes > 1440) {
    return { error: 'Type a whole number of minutes from 1 to 1440 (a day).' };
  }
  return { patch: { notifications: { dedupMinutes: minutes } } };
}

export const startAtLoginPatch = (on: boolean): SettingsPatch => ({ startAtLogin: on });

export const reopenWallsPatch = (on: boolean): SettingsPatch => ({ wall: { reopenAtStart: on } });

export const themePatch = (theme: Theme): SettingsPatch => ({ theme });

export const embeddedEnabledPatch = (on: boolean): SettingsPatch => ({
  engines: { embedded: { enabled: on } },
});

/** The desktop themes, in the order shown. */
export const desktopThemes: ReadonlyArray<{ readonly value: Theme; readonly label: string }> = [
  { value: 'system', label: 'As the system' },
  { value: 'dark', label: 'Dark' },
  { value: 'light', label: 'Light' },
];

export const engineViewPatch = (view: EnginesViewSetting): SettingsPatch => ({ engines: { view } });

/** What the console opens on (the settings' `engines.view`), in the order shown. */
export const engineViewChoices: ReadonlyArray<{
  readonly value: EnginesViewSetting;
  readonly label: string;
}> = [
  { value: 'one', label: 'One engine: the queue of the engine shown last' },
  {
    value: 'all',
    label: 'All engines: every engine’s open alerts in one table (with two or more)',
  },
];
