import type { NocturneApi } from '../../shared/ipc/ipcContract.js';
import type { AppStore } from '../state/createAppStore.js';
import type { DesktopState } from '../state/desktopSlice.js';
import type { Route } from './routes.js';
import { chooseEngine, opensOnAllEngines } from './desktopEngines.js';
import { focusDesktopAlert } from './desktopFocus.js';
import { desktopErrorSentence, saveDesktopSettings } from './desktopSettingsSave.js';
import type { DesktopSession } from './desktopSession.js';

export interface DesktopConsole {
  /** Settles once the app's engines and settings are loaded and an engine is shown (or none). */
  readonly ready: Promise<void>;
  /** The header's switcher: show that engine and remember it. Null, or the error sentence. */
  selectEngine(engineId: string): Promise<string | null>;
  /** Stops listening to the bridge's events (tests; the page never ends otherwise). */
  stop(): void;
}

/**
 * The console's side of the desktop app: loads the engines and settings, shows the engine
 * chosen last (else the app's default), and follows the bridge's events — engines added,
 * removed or changing state, settings changed by another window, the notifications' pause, a
 * clicked notification.
 */
export function startDesktopConsole(deps: {
  readonly store: AppStore;
  readonly api: NocturneApi;
  readonly session: DesktopSession;
}): DesktopConsole {
  const { store, api, session } = deps;
  const setDesktop = (change: Partial<DesktopState>) => store.getState().setDesktop(change);
  let defaultEngineId: string | null = null;
  let started = false;

  /** The engine shown is gone (or none was shown and one appeared): show the best one left. */
  const reconcile = () => {
    const desktop = store.getState().desktop;
    const engines = desktop?.engines ?? [];
    const current = engines.find((e) => e.id === session.engineId);
    const selected = desktop?.settings?.engines.selectedEngineId;
    session.show(current ?? chooseEngine(engines, selected, defaultEngineId));
  };

  setDesktop({});
  store.getState().setSession({ phase: 'signingIn', error: null });
  const offs = [
    api.onEnginesChanged((engines) => {
      setDesktop({ engines });
      if (started) reconcile();
    }),
    api.onSettingsChanged((settings) => setDesktop({ settings })),
    api.onNotificationsPaused((pause) => setDesktop({ pause })),
  ];

  // The page the window opened on, before any request answered.
  const openedOn = store.getState().ui.route;
  /**
   * The settings' `engines.view` at start: `all` with two engines or more opens All engines
   * instead of the queue — only when the window opened on the queue and nothing navigated since
   * (a link, a clicked notification or the operator's own click wins).
   */
  const openAllEnginesIfSet = (route: Route) => {
    const { desktop, ui, navigate } = store.getState();
    if (route.name !== 'alerts' || ui.route !== route) return;
    if (opensOnAllEngines(desktop?.settings?.engines.view, desktop?.engines.length ?? 0))
      navigate({ name: 'allEngines' }, 'replace');
  };

  const ready = (async () => {
    const [info, settings, engines, pause] = await Promise.all([
      api.getAppInfo({}),
      api.getSettings({}),
      api.listEngines({}),
      api.getNotificationPause({}),
    ]);
    defaultEngineId = info.ok ? info.value.defaultEngineId : null;
    if (settings.ok) setDesktop({ settings: settings.value });
    if (pause.ok) setDesktop({ pause: pause.value });
    if (engines.ok) setDesktop({ engines: engines.value });
    started = true;
    reconcile();
    openAllEnginesIfSet(openedOn);
    if (!engines.ok) {
      const message = desktopErrorSentence(engines.error, 'The app’s engines could not be read');
      store.getState().setSession({ error: { code: engines.error.code, message } });
    }
  })();

  // Main sends it once the page has loaded, maybe before the engines are known here.
  offs.push(
    api.onFocusAlert((target) => {
      void ready.then(() => focusDesktopAlert(store, session, target));
    }),
  );

  return {
    ready,
    async selectEngine(engineId) {
      const engine = store.getState().desktop?.engines.find((e) => e.id === engineId);
      if (!engine) return 'That engine is no longer set up in this app.';
      session.show(engine);
      return saveDesktopSettings(store, api, { engines: { selectedEngineId: engineId } });
    },
    stop: () => offs.forEach((off) => off()),
  };
}
