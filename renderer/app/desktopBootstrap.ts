import type { NocturneApi } from '../../shared/ipc/ipcContract.js';
import { browserFrameScheduler } from '../state/frameScheduler.js';
import { shareEngineSubscriptions } from '../transport/sharedEngineSubscriptions.js';
import { createAlertActions } from './alertActions.js';
import { createConsoleStore } from './consoleStore.js';
import { startDesktopConsole } from './desktopConsole.js';
import { focusDesktopAlert, type FocusTarget } from './desktopFocus.js';
import { createDesktopSession } from './desktopSession.js';
import { saveDesktopSettings } from './desktopSettingsSave.js';
import { bindDesktopTheme, type ColorSchemeQuery } from './desktopTheme.js';
import type { AppServices } from './services.js';
import { startPlanningAutoPush } from '../views/planning/planningAutoPush.js';

function colorSchemeOf(win: Window): ColorSchemeQuery | null {
  return typeof win.matchMedia === 'function'
    ? win.matchMedia('(prefers-color-scheme: dark)')
    : null;
}

/**
 * Wires the console together in the desktop app's window (`window.nocturne` present): the same
 * store as in a browser (./consoleStore.ts), but the session is the app's — main holds the
 * engines' tokens, so there is no sign-in; the console shows one of main's engines over the
 * preload bridge (./desktopSession.ts, ./desktopConsole.ts) and its theme follows the app's.
 */
export function bootstrapDesktop(win: Window, api: NocturneApi): AppServices {
  const { store } = createConsoleStore(win, { engineUrl: '' });
  // The engine shown and the All engines view may hold the same engine's stream.
  const streams = shareEngineSubscriptions(api);
  const session = createDesktopSession({ store, api: streams, frames: browserFrameScheduler() });
  const desktopConsole = startDesktopConsole({ store, api, session });
  bindDesktopTheme(
    store,
    (theme) => void saveDesktopSettings(store, api, { theme }),
    colorSchemeOf(win),
  );
  const desktop = {
    api,
    engineId: () => session.engineId ?? '',
    selectEngine: (engineId: string) => desktopConsole.selectEngine(engineId),
    focusAlert: (target: FocusTarget) => focusDesktopAlert(store, session, target),
  };
  // Drafts made offline go out when the engine shown is reachable again (docs/desktop.md).
  startPlanningAutoPush(store, desktop);
  return {
    store,
    session,
    alertActions: createAlertActions(store, () => session.transport),
    now: () => Date.now(),
    desktop,
  };
}
