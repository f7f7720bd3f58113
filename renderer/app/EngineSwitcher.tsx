import type { EngineView } from '../../shared/ipc/ipcViews.js';
import { engineOptionLabel } from './desktopEngines.js';
import { useActions, useAppStore, useServices } from './services.js';

const none: readonly EngineView[] = [];

/**
 * The desktop app's engines in the header (live from `onEnginesChanged`): choosing one shows it
 * and remembers it in the app's settings (`engines.selectedEngineId`); a failure is a notice.
 * Nothing in a browser.
 */
export function EngineSwitcher() {
  const { desktop } = useServices();
  const { notify } = useActions();
  const engines = useAppStore((s) => s.desktop?.engines ?? none);
  const shown = useAppStore((s) => s.desktop?.engineId ?? '');
  if (!desktop || engines.length === 0) return null;
  const choose = async (engineId: string) => {
    const error = await desktop.selectEngine(engineId);
    if (error) notify({ tone: 'error', text: error, code: 'engine_choice' });
  };
  return (
    <select
      className="select shell__engine"
      name="engine"
      aria-label="Engine shown"
      data-testid="engine-switcher"
      value={shown}
      onChange={(e) => void choose(e.target.value)}
    >
      {shown === '' && <option value="">Choose an engine</option>}
      {engines.map((engine) => (
        <option key={engine.id} value={engine.id} data-status={engine.status}>
          {engineOptionLabel(engine)}
        </option>
      ))}
    </select>
  );
}
