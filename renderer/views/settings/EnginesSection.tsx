import type { EngineView } from '../../../shared/ipc/ipcViews.js';
import { useAppStore } from '../../app/services.js';
import { EngineRow } from './EngineRow.js';
import { RemoteEngineForm } from './RemoteEngineForm.js';
import { embeddedEnabledPatch } from './settingsPatches.js';
import { SettingsError } from './SettingsError.js';
import { useDesktop, useDesktopCall } from './useDesktopCall.js';

const none: readonly EngineView[] = [];

/** The app's engines (live, from `onEnginesChanged`), the embedded one's switch, remotes. */
export function EnginesSection() {
  const engines = useAppStore((s) => s.desktop?.engines ?? none);
  const shown = useAppStore((s) => s.desktop?.engineId ?? null);
  const embedded = useAppStore((s) => s.desktop?.settings?.engines.embedded.enabled ?? null);
  const { selectEngine } = useDesktop();
  const { api, run, save, error, setError, busy } = useDesktopCall();

  const show = async (engineId: string) => setError(await selectEngine(engineId));
  const remove = (engineId: string) =>
    void run(() => api.removeRemoteEngine({ engineId }), 'Not removed');

  return (
    <section className="settings__section" aria-labelledby="settings-engines">
      <h2 id="settings-engines">Engines</h2>
      {engines.length === 0 && <p>No engine is set up or running.</p>}
      <ul className="settings__engines">
        {engines.map((engine) => (
          <EngineRow
            key={engine.id}
            engine={engine}
            shown={engine.id === shown}
            busy={busy}
            onShow={() => void show(engine.id)}
            onRemove={() => remove(engine.id)}
          />
        ))}
      </ul>
      {embedded !== null && (
        <label className="settings__choice">
          <input
            type="checkbox"
            checked={embedded}
            disabled={busy}
            onChange={(e) => void save(embeddedEnabledPatch(e.target.checked))}
          />
          Run the embedded engine on this computer (from the next start of the app)
        </label>
      )}
      <SettingsError error={error} />
      <RemoteEngineForm />
    </section>
  );
}
