import { useState, type FormEvent } from 'react';
import type { NotificationPreferences } from '../../../shared/ipc/desktopSettings.js';
import { PauseControls } from './PauseControls.js';
import { dedupPatch, notificationToggles, togglePatch } from './settingsPatches.js';
import { SettingsError } from './SettingsError.js';
import { useDesktopCall } from './useDesktopCall.js';

/** The desktop notifications: which, with sound or not, how often per alert, and pauses. */
export function NotificationsSection(props: { prefs: NotificationPreferences }) {
  const { prefs } = props;
  const { save, error, setError, busy } = useDesktopCall();
  const [dedup, setDedup] = useState(String(prefs.dedupMinutes));
  const [shownDedup, setShownDedup] = useState(prefs.dedupMinutes);
  if (shownDedup !== prefs.dedupMinutes) {
    // Saved here or by another window: show the value saved.
    setShownDedup(prefs.dedupMinutes);
    setDedup(String(prefs.dedupMinutes));
  }
  const saveDedup = (event: FormEvent) => {
    event.preventDefault();
    const checked = dedupPatch(dedup);
    if ('error' in checked) return setError(checked.error);
    void save(checked.patch);
  };

  return (
    <section className="settings__section" aria-labelledby="settings-notifications">
      <h2 id="settings-notifications">Notifications</h2>
      {notificationToggles.map(({ field, label }) => (
        <label key={field} className="settings__choice">
          <input
            type="checkbox"
            name={field}
            checked={prefs[field]}
            disabled={busy || (field !== 'enabled' && !prefs.enabled)}
            onChange={(e) => void save(togglePatch(field, e.target.checked))}
          />
          {label}
        </label>
      ))}
      <form className="settings__inline" onSubmit={saveDedup}>
        <label className="settings__choice">
          One notification per alert every
          <input
            name="dedupMinutes"
            type="number"
            min={1}
            max={1440}
            step={1}
            value={dedup}
            onChange={(e) => setDedup(e.target.value)}
          />
          minutes
        </label>
        <button
          type="submit"
          className="button"
          disabled={busy || dedup === String(prefs.dedupMinutes)}
        >
          Save
        </button>
      </form>
      <SettingsError error={error} />
      <PauseControls />
    </section>
  );
}
