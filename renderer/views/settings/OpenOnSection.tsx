import type { EnginesViewSetting } from '../../app/desktopEngines.js';
import { engineViewChoices, engineViewPatch } from './settingsPatches.js';
import { SettingsChoices } from './SettingsChoices.js';
import { SettingsError } from './SettingsError.js';
import { useDesktopCall } from './useDesktopCall.js';

/**
 * What the console opens on at the app's start (the settings' `engines.view`): the queue of one
 * engine, or the All engines view when the app has two engines or more
 * (../../app/desktopConsole.ts).
 */
export function OpenOnSection(props: { view: EnginesViewSetting; engineCount: number }) {
  const { save, error, busy } = useDesktopCall();
  return (
    <section className="settings__section" aria-labelledby="settings-open-on">
      <h2 id="settings-open-on">Open on</h2>
      <SettingsChoices
        labelledBy="settings-open-on"
        name="enginesView"
        choices={engineViewChoices}
        value={props.view}
        disabled={busy}
        onChoose={(view) => void save(engineViewPatch(view))}
      />
      {props.view === 'all' && props.engineCount < 2 && (
        <p className="settings__hint">
          All engines needs two engines or more: until a second one is set up, the console opens on
          the queue.
        </p>
      )}
      <SettingsError error={error} />
    </section>
  );
}
