import type { DesktopSettingsView } from '../../shared/ipc/desktopSettings.js';
import type { EngineView } from '../../shared/ipc/ipcViews.js';

/**
 * The engine the desktop console shows: the one the operator chose last (the settings'
 * `engines.selectedEngineId`) while it still exists, else the app's default (the embedded
 * engine when it runs: `getAppInfo().defaultEngineId`), else the first there is. Null: none.
 */
export function chooseEngine(
  engines: readonly EngineView[],
  selectedId: string | null | undefined,
  defaultId: string | null | undefined,
): EngineView | null {
  const byId = (id: string | null | undefined) =>
    id ? (engines.find((engine) => engine.id === id) ?? null) : null;
  return byId(selectedId) ?? byId(defaultId) ?? engines[0] ?? null;
}

const statusWords: Record<EngineView['status'], string> = {
  starting: 'starting…',
  failed: 'failed',
  connecting: 'connecting…',
  syncing: 'syncing…',
  live: 'live',
  reconnecting: 'reconnecting…',
  unauthorized: 'token refused',
  stopped: 'stopped',
};

/** An engine's connection in a few words: `live`, `reconnecting…`, `token refused`. */
export function engineStatusText(engine: EngineView): string {
  return statusWords[engine.status] ?? engine.status;
}

/** One line per engine, for the header's switcher: `Embedded — live · 3 pending`. */
export function engineOptionLabel(engine: EngineView): string {
  const pending = engine.pendingOverall > 0 ? ` · ${engine.pendingOverall} pending` : '';
  return `${engine.label} — ${engineStatusText(engine)}${pending}`;
}

/** The settings' `engines.view`: what the console opens on. */
export type EnginesViewSetting = DesktopSettingsView['engines']['view'];

/**
 * Whether the console opens on the All engines view rather than the shown engine's queue: the
 * setting says `all` and the app has two engines or more (with one, All engines is that queue
 * again, and the view is not in the nav).
 */
export function opensOnAllEngines(
  view: EnginesViewSetting | undefined,
  engineCount: number,
): boolean {
  return view === 'all' && engineCount >= 2;
}
