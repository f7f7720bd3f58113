import { startAtLoginPatch } from './settingsPatches.js';
import { SettingsError } from './SettingsError.js';
import { useDesktopCall } from './useDesktopCall.js';

/** Start the app (in the tray) when the operator logs in to this computer. */
export function StartupSection(props: { startAtLogin: boolean }) {
  const { save, error, busy } = useDesktopCall();
  return (
    <section className="settings__section" aria-labelledby="settings-startup">
      <h2 id="settings-startup">Start at login</h2>
      <label className="settings__choice">
        <input
          type="checkbox"
          name="startAtLogin"
          checked={props.startAtLogin}
          disabled={busy}
          onChange={(e) => void save(startAtLoginPatch(e.target.checked))}
        />
        Start Nocturne when I log in to this computer
      </label>
      <SettingsError error={error} />
    </section>
  );
}
