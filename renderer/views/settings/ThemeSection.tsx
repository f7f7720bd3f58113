import type { Theme as DesktopTheme } from '../../../shared/ipc/desktopSettings.js';
import { useActions, useAppStore } from '../../app/services.js';
import { desktopThemes, themePatch } from './settingsPatches.js';
import { SettingsChoices } from './SettingsChoices.js';
import { SettingsError } from './SettingsError.js';
import { useDesktopCall } from './useDesktopCall.js';

/** In a browser: this console's theme, kept in `localStorage`. */
export function ThemeSection() {
  const theme = useAppStore((s) => s.ui.theme);
  const { setTheme } = useActions();
  return (
    <fieldset className="settings__group">
      <legend>Theme</legend>
      {(['dark', 'light'] as const).map((t) => (
        <label key={t} className="settings__choice">
          <input
            type="radio"
            name="theme"
            value={t}
            checked={theme === t}
            onChange={() => setTheme(t)}
          />
          {t === 'dark' ? 'Dark' : 'Light'}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * In the desktop app: the app's theme setting (its windows and the system's dialogs), which
 * the console follows (../../app/desktopTheme.ts).
 */
export function DesktopThemeSection(props: { theme: DesktopTheme }) {
  const { save, error, busy } = useDesktopCall();
  return (
    <section className="settings__section" aria-labelledby="settings-theme">
      <h2 id="settings-theme">Theme</h2>
      <SettingsChoices
        labelledBy="settings-theme"
        name="theme"
        choices={desktopThemes}
        value={props.theme}
        disabled={busy}
        onChoose={(theme) => void save(themePatch(theme))}
      />
      <SettingsError error={error} />
    </section>
  );
}
