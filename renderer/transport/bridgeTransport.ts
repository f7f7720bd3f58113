import type { NocturneApi } from '../../shared/ipc/ipcContract.js';
import type { IpcResult } from '../../shared/ipc/ipcViews.js';
import type { SyncEvent, Transport, TransportResult } from './transport.js';

/**
 * `window.nocturne` when the console runs in the desktop app (the preload bridge,
 * shared/ipc/ipcContract.ts); null in a plain browser.
 */
export function desktopBridge(): NocturneApi | null {
  const api = (globalThis as { nocturne?: NocturneApi }).nocturne;
  return api && typeof api.subscribeEngine === 'function' ? api : null;
}

export interface BridgeTransportOptions {
  readonly api: NocturneApi;
  /** Which of main's engine connections this transport shows (`embedded`, `remote-…`). */
  readonly engineId: string;
  /** The engine's URL, for display and links (from `listEngines`). */
  readonly engineUrl: string;
}

/** IPC results have the transport's own shape (the status only when the engine answered). */
const toTransportResult = <T>(result: IpcResult<T>): TransportResult<T> => result;

/**
 * The console's {@link Transport} in the desktop app: main owns the engine connection (so the
 * tray and notifications work with every window closed) and forwards its stream over IPC; REST
 * actions are IPC requests that main performs with the engine's token, which never reaches the
 * page. The first subscriber asks main for the engine's stream (a snapshot first); the last one
 * to leave gives it back.
 */
export function createBridgeTransport(options: BridgeTransportOptions): Transport {
  const { api, engineId } = options;
  const listeners = new Set<(event: SyncEvent) => void>();
  let off: (() => void) | null = null;

  const start = () => {
    off = api.onSyncEvent((message) => {
      if (message.engineId !== engineId) return;
      for (const listener of listeners) listener(message.event);
    });
    void api.subscribeEngine({ engineId });
  };
  const stop = () => {
    off?.();
    off = null;
    void api.unsubscribeEngine({ engineId });
  };
  const call = async <T>(result: Promise<IpcResult<T>>) => toTransportResult(await result);

  return {
    engineUrl: options.engineUrl,
    subscribe(listener) {
      listeners.add(listener);
      if (!off) start();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && off) stop();
      };
    },
    reconnect: () => void api.reconnectEngine({ engineId }),
    close() {
      listeners.clear();
      if (off) stop();
    },
    whoAmI: () => call(api.whoAmI({ engineId })),
    getAlert: (alertId) => call(api.getAlert({ engineId, alertId })),
    acceptAlert: (alertId, comment) =>
      call(api.acceptAlert({ engineId, alertId, ...(comment ? { comment } : {}) })),
    resolveAlert: (alertId, comment) =>
      call(api.resolveAlert({ engineId, alertId, ...(comment ? { comment } : {}) })),
    commentAlert: (alertId, text) => call(api.commentAlert({ engineId, alertId, text })),
    assignAlert: (alertId, userId) => call(api.assignAlert({ engineId, alertId, userId })),
    getTimeline: (alertId) => call(api.getTimeline({ engineId, alertId })),
    getAlertLog: (alertId, cursor) => call(api.getAlertLog({ engineId, alertId, cursor })),

    getAlertSource: (sourceId) => call(api.getAlertSource({ engineId, sourceId })),
    createAlertSource: (body) => call(api.createAlertSource({ engineId, body })),
    updateAlertSource: (sourceId, body) =>
      call(api.updateAlertSource({ engineId, sourceId, body })),
    deleteAlertSource: (sourceId) => call(api.deleteAlertSource({ engineId, sourceId })),
    createEscalationPolicy: (body) => call(api.createEscalationPolicy({ engineId, body })),
    updateEscalationPolicy: (policyId, body) =>
      call(api.updateEscalationPolicy({ engineId, policyId, body })),
    deleteEscalationPolicy: (policyId, version) =>
      call(api.deleteEscalationPolicy({ engineId, policyId, version })),
    createUser: (body) => call(api.createUser({ engineId, body })),
    updateUser: (userId, body) => call(api.updateUser({ engineId, userId, body })),
    deleteUser: (userId) => call(api.deleteUser({ engineId, userId })),
    createUserToken: (userId, body) => call(api.createUserToken({ engineId, userId, body })),
    listUserTokens: (userId) => call(api.listUserTokens({ engineId, userId })),
    revokeUserToken: (userId, tokenId) => call(api.revokeUserToken({ engineId, userId, tokenId })),
    createTeam: (body) => call(api.createTeam({ engineId, body })),
    updateTeam: (teamId, body) => call(api.updateTeam({ engineId, teamId, body })),
    replaceTeamMembers: (teamId, body) => call(api.replaceTeamMembers({ engineId, teamId, body })),
    deleteTeam: (teamId) => call(api.deleteTeam({ engineId, teamId })),

    createOverride: (scheduleId, body) => call(api.createOverride({ engineId, scheduleId, body })),
    deleteOverride: (scheduleId, overrideId, version) =>
      call(api.deleteOverride({ engineId, scheduleId, overrideId, version })),
  };
}
