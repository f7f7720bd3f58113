import { alertEndpoints } from '../../shared/api/alertEndpoints.js';
import { applySettingsPatch, settingsView } from '../../shared/ipc/desktopSettings.js';
import type { DisplayView, IpcResult } from '../../shared/ipc/ipcViews.js';
import type { EngineRegistry } from '../engines/engineRegistry.js';
import type { NotificationCenter } from '../notifications/notificationCenter.js';
import type { OfflinePlanner } from '../planning/offlinePlanner.js';
import type { SettingsStore } from '../settings/settingsStore.js';
import { checkExternalUrl } from '../windows/externalUrl.js';
import { engineCaller } from './engineCall.js';
import { fail, ok, type IpcHandlers } from './ipcDispatcher.js';
import { createManageHandlers } from './manageHandlers.js';
import { createScheduleHandlers } from './scheduleHandlers.js';

/** What the handlers act on; the app (main/desktopApp.ts) wires the real ones. */
export interface IpcServices {
  readonly version: string;
  readonly platform: string;
  readonly registry: EngineRegistry;
  readonly settings: SettingsStore;
  readonly notifications: NotificationCenter;
  readonly planner: OfflinePlanner;
  readonly listDisplays: () => DisplayView[];
  readonly openWall: (displayId: number | null) => void;
  readonly openExternal: (url: string) => void;
  readonly addRemoteEngine: (
    label: string,
    url: string,
    token: string,
  ) => Promise<IpcResult<string>>;
  readonly removeRemoteEngine: (engineId: string) => boolean;
  readonly onPlanningChanged: (engineId: string) => void;
}

/** Every request of the contract, answered from the services. */
export function createIpcHandlers(s: IpcServices): IpcHandlers {
  const withEngine = engineCaller(s.registry);
  const view = (engineId: string) => {
    const found = s.registry.views().find((v) => v.id === engineId);
    return found ? ok(found) : fail('unknown_engine', `No engine "${engineId}" is connected.`);
  };
  const planned = <T>(engineId: string, value: T) => {
    s.onPlanningChanged(engineId);
    return ok(value);
  };

  return {
    getAppInfo: () => {
      const engines = s.registry.views();
      const first = engines.find((e) => e.kind === 'embedded') ?? engines[0];
      return ok({ version: s.version, platform: s.platform, defaultEngineId: first?.id ?? null });
    },
    listEngines: () => ok(s.registry.views()),
    addRemoteEngine: async ({ label, url, token }) => {
      const added = await s.addRemoteEngine(label, url, token);
      return added.ok ? view(added.value) : added;
    },
    removeRemoteEngine: ({ engineId }) =>
      s.removeRemoteEngine(engineId)
        ? ok(null)
        : fail('unknown_engine', `"${engineId}" is not a remote engine of this app.`),
    subscribeEngine: ({ engineId }, { webContentsId }) =>
      s.registry.subscribe(engineId, webContentsId)
        ? ok(null)
        : fail('unknown_engine', `No engine "${engineId}" is connected.`),
    unsubscribeEngine: ({ engineId }, { webContentsId }) => {
      s.registry.unsubscribe(engineId, webContentsId);
      return ok(null);
    },
    reconnectEngine: ({ engineId }) =>
      withEngine(engineId, (engine) => {
        engine.reconnect();
        return ok(null);
      }),
    whoAmI: ({ engineId }) => withEngine(engineId, (engine) => engine.whoAmI()),
    getAlert: ({ engineId, alertId }) => withEngine(engineId, (engine) => engine.getAlert(alertId)),
    acceptAlert: ({ engineId, alertId, comment }) =>
      withEngine(engineId, (e) => e.alertAction(alertId, 'accept', comment ? { comment } : {})),
    resolveAlert: ({ engineId, alertId, comment }) =>
      withEngine(engineId, (e) => e.alertAction(alertId, 'resolve', comment ? { comment } : {})),
    commentAlert: ({ engineId, alertId, text }) =>
      withEngine(engineId, (e) => e.alertAction(alertId, 'comment', { text })),
    assignAlert: ({ engineId, alertId, userId }) =>
      withEngine(engineId, (e) => e.alertAction(alertId, 'assign', { userId })),
    getTimeline: ({ engineId, alertId }) =>
      withEngine(engineId, (e) => e.rest.send(alertEndpoints.getTimeline(alertId))),
    getAlertLog: ({ engineId, alertId, cursor }) =>
      withEngine(engineId, (e) => e.rest.send(alertEndpoints.getAlertLog(alertId, cursor))),
    ...createManageHandlers(withEngine),
    ...createScheduleHandlers(withEngine),

    getSettings: () => ok(settingsView(s.settings.value)),
    updateSettings: ({ patch }) =>
      ok(settingsView(s.settings.update((current) => applySettingsPatch(current, patch)))),

    pauseNotifications: ({ minutes }) => ok(s.notifications.pauseFor(minutes)),
    resumeNotifications: () => ok(s.notifications.resume()),
    getNotificationPause: () => ok(s.notifications.pauseView),

    listDisplays: () => ok(s.listDisplays()),
    openWallWindow: ({ displayId }) => {
      s.openWall(displayId);
      return ok(null);
    },
    openExternal: ({ url }) => {
      const checked = checkExternalUrl(url);
      if (!checked.ok) return fail('url_refused', `Not opened: ${checked.reason}.`);
      s.openExternal(checked.url);
      return ok(null);
    },

    getPlanning: ({ engineId }) => ok(s.planner.view(engineId)),
    refreshPlanning: ({ engineId }) =>
      withEngine(engineId, async (engine) => {
        const result = await s.planner.refresh(engineId, engine.rest);
        if (result.ok) s.onPlanningChanged(engineId);
        return result;
      }),
    draftOverride: ({ engineId, ...args }) =>
      planned(engineId, s.planner.draftOverride(engineId, args)),
    draftScheduleEdit: ({ engineId, ...args }) =>
      planned(engineId, s.planner.draftScheduleEdit(engineId, args)),
    discardDraft: ({ draftId }) => {
      const engineId = s.planner.discard(draftId);
      return engineId === null
        ? fail('not_found', 'That draft no longer exists.')
        : planned(engineId, null);
    },
    pushDrafts: ({ engineId }) =>
      withEngine(engineId, async (engine) =>
        planned(engineId, await s.planner.push(engineId, engine.rest)),
      ),
    resolveConflict: ({ conflictId, choice }) => {
      const conflict = s.planner.resolveConflict(conflictId, choice);
      if (!conflict) return fail('not_found', 'That conflict was already resolved.');
      return planned(conflict.engineId, null);
    },
  };
}
