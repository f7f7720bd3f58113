import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannel, requestChannel } from '../shared/ipc/ipcChannels.js';
import type {
  EventName,
  IpcEvents,
  NocturneApi,
  RequestArgs,
  RequestName,
  RequestResult,
} from '../shared/ipc/ipcContract.js';
import type { IpcResult } from '../shared/ipc/ipcViews.js';

/**
 * The preload bridge: `window.nocturne`, one function per message of shared/ipc/ipcContract.ts
 * (Electron's context-isolation guide). `invoke` and `subscribe` stay in here: the page can only
 * call the named functions, never send to a channel of its choosing, and never sees an
 * IpcRendererEvent (it would carry `sender`, i.e. ipcRenderer itself). Built by esbuild into one
 * CommonJS file (dist/preload/preload.cjs), as a sandboxed preload cannot load modules.
 */
function invoke<N extends RequestName>(
  name: N,
  args: RequestArgs<N>,
): Promise<IpcResult<RequestResult<N>>> {
  return ipcRenderer
    .invoke(requestChannel(name), args)
    .catch((error: unknown): IpcResult<RequestResult<N>> => ({
      ok: false,
      error: {
        code: 'ipc_failed',
        message: error instanceof Error ? error.message : String(error),
      },
    })) as Promise<IpcResult<RequestResult<N>>>;
}

function subscribe<E extends EventName>(
  name: E,
  listener: (payload: IpcEvents[E]) => void,
): () => void {
  const channel = eventChannel(name);
  const wrapped = (_event: IpcRendererEvent, payload: IpcEvents[E]) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const api: NocturneApi = {
  getAppInfo: (args) => invoke('getAppInfo', args),
  listEngines: (args) => invoke('listEngines', args),
  addRemoteEngine: (args) => invoke('addRemoteEngine', args),
  removeRemoteEngine: (args) => invoke('removeRemoteEngine', args),
  subscribeEngine: (args) => invoke('subscribeEngine', args),
  unsubscribeEngine: (args) => invoke('unsubscribeEngine', args),
  reconnectEngine: (args) => invoke('reconnectEngine', args),
  whoAmI: (args) => invoke('whoAmI', args),
  getAlert: (args) => invoke('getAlert', args),
  acceptAlert: (args) => invoke('acceptAlert', args),
  resolveAlert: (args) => invoke('resolveAlert', args),
  commentAlert: (args) => invoke('commentAlert', args),
  assignAlert: (args) => invoke('assignAlert', args),
  getTimeline: (args) => invoke('getTimeline', args),
  getAlertLog: (args) => invoke('getAlertLog', args),
  getAlertSource: (args) => invoke('getAlertSource', args),
  createAlertSource: (args) => invoke('createAlertSource', args),
  updateAlertSource: (args) => invoke('updateAlertSource', args),
  deleteAlertSource: (args) => invoke('deleteAlertSource', args),
  createEscalationPolicy: (args) => invoke('createEscalationPolicy', args),
  updateEscalationPolicy: (args) => invoke('updateEscalationPolicy', args),
  deleteEscalationPolicy: (args) => invoke('deleteEscalationPolicy', args),
  createUser: (args) => invoke('createUser', args),
  updateUser: (args) => invoke('updateUser', args),
  deleteUser: (args) => invoke('deleteUser', args),
  createUserToken: (args) => invoke('createUserToken', args),
  listUserTokens: (args) => invoke('listUserTokens', args),
  revokeUserToken: (args) => invoke('revokeUserToken', args),
  createTeam: (args) => invoke('createTeam', args),
  updateTeam: (args) => invoke('updateTeam', args),
  replaceTeamMembers: (args) => invoke('replaceTeamMembers', args),
  deleteTeam: (args) => invoke('deleteTeam', args),
  createOverride: (args) => invoke('createOverride', args),
  deleteOverride: (args) => invoke('deleteOverride', args),
  getSettings: (args) => invoke('getSettings', args),
  updateSettings: (args) => invoke('updateSettings', args),
  pauseNotifications: (args) => invoke('pauseNotifications', args),
  resumeNotifications: (args) => invoke('resumeNotifications', args),
  getNotificationPause: (args) => invoke('getNotificationPause', args),
  listDisplays: (args) => invoke('listDisplays', args),
  openWallWindow: (args) => invoke('openWallWindow', args),
  openExternal: (args) => invoke('openExternal', args),
  getPlanning: (args) => invoke('getPlanning', args),
  refreshPlanning: (args) => invoke('refreshPlanning', args),
  draftOverride: (args) => invoke('draftOverride', args),
  draftScheduleEdit: (args) => invoke('draftScheduleEdit', args),
  discardDraft: (args) => invoke('discardDraft', args),
  pushDrafts: (args) => invoke('pushDrafts', args),
  resolveConflict: (args) => invoke('resolveConflict', args),
  onSyncEvent: (listener) => subscribe('syncEvent', listener),
  onEnginesChanged: (listener) => subscribe('enginesChanged', listener),
  onFocusAlert: (listener) => subscribe('focusAlert', listener),
  onNotificationsPaused: (listener) => subscribe('notificationsPaused', listener),
  onPlanningChanged: (listener) => subscribe('planningChanged', listener),
  onSettingsChanged: (listener) => subscribe('settingsChanged', listener),
};

contextBridge.exposeInMainWorld('nocturne', api);
