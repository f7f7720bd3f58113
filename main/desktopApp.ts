import type { Engine } from '../engine/engine.js';
import { settingsView } from '../shared/ipc/desktopSettings.js';
import { appPaths, dataPaths } from './appPaths.js';
import { startEmbeddedEngine } from './engines/embeddedEngine.js';
import { loadOrCreateEmbeddedToken } from './engines/embeddedToken.js';
import { EngineRegistry, embeddedEngineId } from './engines/engineRegistry.js';
import { RemoteEngines } from './engines/remoteEngines.js';
import { createIpcHandlers } from './ipc/ipcHandlers.js';
import { registerIpc } from './ipc/registerIpc.js';
import { NotificationCenter } from './notifications/notificationCenter.js';
import { createOsNotifier } from './notifications/osNotifier.js';
import { OfflinePlanner } from './planning/offlinePlanner.js';
import { PlanningDb } from './planning/planningDb.js';
import { app, nativeTheme, safeStorage, session, shell } from './platform/electronApi.js';
import { setLinuxAutostart } from './settings/loginItem.js';
import { SettingsStore } from './settings/settingsStore.js';
import { TrayController } from './tray/trayController.js';
import type { TrayAction } from './tray/trayMenu.js';
import { serveAppProtocol } from './windows/appProtocol.js';
import { guardSession } from './windows/webContentsGuards.js';
import { WindowManager } from './windows/windowManager.js';

const log = (line: string) => process.stderr.write(`nocturne: ${line}\n`);

/**
 * The composition root, run once Electron is ready: settings, windows, tray, notifications,
 * engines (embedded and remote), offline planning, IPC. Everything it wires is a module of its
 * own with its own tests; this file only connects them.
 */
export async function startDesktopApp(): Promise<void> {
  let quitting = false;
  const paths = appPaths(app.getAppPath());
  const data = dataPaths(app.getPath('userData'));
  const settings = new SettingsStore(data.settings);
  if (settings.problem)
    log(
      `settings.json was unreadable (${settings.problem.reason}); started with defaults, the old file is ${settings.problem.backup}`,
    );

  guardSession(session.defaultSession);
  serveAppProtocol(paths.renderer);

  const openExternal = (url: string) => void shell.openExternal(url);
  const windows = new WindowManager({
    preloadPath: paths.preload,
    iconPath: paths.windowIcon,
    settings,
    isQuitting: () => quitting,
    onWindowGone: (id) => registry.forgetWindow(id),
    openExternal,
    log,
  });

  const notifications = new NotificationCenter({
    notifier: createOsNotifier({
      appName: 'Nocturne',
      iconPath: paths.notificationIcon,
      onClick: (n) => n.alertId && windows.focusAlert(n.engineId, n.alertId),
      onError: log,
    }),
    prefs: () => settings.value.notifications,
    labelEngines: () => registry.all().length > 1,
    onPauseChanged: (view) => {
      windows.broadcast('notificationsPaused', view);
      refresh();
    },
  });

  let refreshTimer: ReturnType<typeof setTimeout> | null = null;
  const refresh = () => {
    refreshTimer ??= setTimeout(() => {
      refreshTimer = null;
      tray.update(registry.counts(), notifications.pauseState);
      windows.broadcast('enginesChanged', registry.views());
    }, 200);
  };
  const registry = new EngineRegistry({
    forward: (ids, engineId, event) => windows.sendTo(ids, 'syncEvent', { engineId, event }),
    onNewAlert: (engine, alert, sourceName) =>
      notifications.consider({
        source: 'newAlert',
        engineId: engine.id,
        engineLabel: engine.label,
        alert,
        sourceName,
      }),
    onNotification: (engine, message) =>
      notifications.consider({
        source: 'push',
        engineId: engine.id,
        engineLabel: engine.label,
        message,
      }),
    onDidChange: () => refresh(),
  });

  const runTrayAction = (action: TrayAction) => {
    if (action.type === 'openConsole') windows.showConsole();
    else if (action.type === 'openWall') windows.openWall(null);
    else if (action.type === 'pause') notifications.pauseFor(action.minutes);
    else if (action.type === 'resume') notifications.resume();
    else app.quit();
  };
  const tray = new TrayController(paths.trayIcons, runTrayAction);

  const remotes = new RemoteEngines({
    registry,
    settings,
    safeStorage,
    platform: process.platform,
    log,
  });
  const planner = new OfflinePlanner(await PlanningDb.open(data.planning));

  registerIpc(
    createIpcHandlers({
      version: app.getVersion(),
      platform: process.platform,
      registry,
      settings,
      notifications,
      planner,
      listDisplays: () => windows.listDisplays(),
      openWall: (displayId) => windows.openWall(displayId),
      openExternal,
      addRemoteEngine: (label, url, token) => remotes.add(label, url, token),
      removeRemoteEngine: (id) => remotes.remove(id),
      onPlanningChanged: (engineId) => windows.broadcast('planningChanged', { engineId }),
    }),
    () => windows.webContentsIds,
    log,
  );

  const applySystemSettings = () => {
    nativeTheme.themeSource = settings.value.theme;
    const openAtLogin = settings.value.startAtLogin;
    if (process.platform === 'linux') {
      // Packaged: the AppImage (or installed binary) itself; in development: electron <app>.
      const executable = process.env.APPIMAGE ?? process.execPath;
      setLinuxAutostart(openAtLogin, executable, app.isPackaged ? [] : [app.getAppPath()]);
    } else app.setLoginItemSettings({ openAtLogin });
  };
  applySystemSettings();
  settings.onDidChange(() => {
    applySystemSettings();
    windows.broadcast('settingsChanged', settingsView(settings.value));
  });

  let embedded: Engine | null = null;
  if (settings.value.engines.embedded.enabled) {
    registry.setEmbeddedState({ kind: 'starting' });
    try {
      const token =
        process.env.NOCTURNE_EMBEDDED_ADMIN_TOKEN ??
        loadOrCreateEmbeddedToken(data.embeddedToken, safeStorage, process.platform);
      const port = Number(
        process.env.NOCTURNE_EMBEDDED_PORT ?? settings.value.engines.embedded.port,
      );
      embedded = await startEmbeddedEngine({
        userDataDir: app.getPath('userData'),
        port,
        adminToken: token,
        log,
      });
      log(`embedded engine listening on ${embedded.url}`);
      registry.connect({
        id: embeddedEngineId,
        label: 'This computer',
        kind: 'embedded',
        url: embedded.url,
        token,
      });
    } catch (error) {
      const problem = `The embedded engine did not start: ${(error as Error).message}`;
      log(problem);
      registry.setEmbeddedState({ kind: 'failed', problem });
    }
  }
  remotes.connectSaved();

  windows.showConsole();
  windows.restoreWalls();
  refresh();

  app.on('before-quit', () => {
    quitting = true;
  });
  // Windows closed: stay in the tray. Only "Quit" (or the OS) ends the app.
  app.on('window-all-closed', () => undefined);
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    notifications.dispose();
    registry.stopAll();
    tray.destroy();
    void (embedded?.close() ?? Promise.resolve())
      .catch((error: unknown) => log(`embedded engine shutdown: ${(error as Error).message}`))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  app.on('second-instance', () => windows.showConsole());
}
