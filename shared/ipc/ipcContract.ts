import { z } from 'zod';
import type { AlertLogPage } from '../api/alertEndpoints.js';
import type { Alert } from '../domain/alert.js';
import { Instant } from '../schedule/scheduleModel.js';
import { UpdateScheduleRequest } from '../api/schedules.js';
import type { AlertTimeline } from '../escalation/timelineModel.js';
import { SettingsPatch, type DesktopSettingsView } from './desktopSettings.js';
import { EngineId, Id, request } from './ipcRequest.js';
import type {
  AlertWithLogView,
  AppInfoView,
  ConflictView,
  DisplayView,
  DraftView,
  EngineView,
  IpcResult,
  IpcSyncEvent,
  PauseView,
  PlanningView,
  PushReport,
  SignedInUserView,
} from './ipcViews.js';
import { manageRequests } from './manageRequests.js';
import { scheduleRequests } from './scheduleRequests.js';

/**
 * The desktop app's one IPC contract (docs/desktop.md, "IPC contract"). Main's handlers
 * (main/ipc/) and the preload bridge (preload/) are both typed from the tables below, so a
 * channel, an argument or a result cannot drift between them. Every request takes one object,
 * validated in main with its schema (the renderer is not trusted), and resolves with an
 * IpcResult. Events flow main → renderer only.
 */

const None = z.strictObject({});
const onEngine = { engineId: EngineId };
const onAlert = { engineId: EngineId, alertId: Id };
const comment = z.string().max(10_000).optional();

export const ipcRequests = {
  getAppInfo: request<AppInfoView>()(None),

  listEngines: request<EngineView[]>()(None),
  /** Adds a remote engine; its token is stored encrypted, or the request fails (never plain). */
  addRemoteEngine: request<EngineView>()(
    z.strictObject({
      label: z.string().trim().min(1).max(60),
      url: z.string().trim().max(2000),
      token: z.string().trim().min(1).max(500),
    }),
  ),
  removeRemoteEngine: request<null>()(z.strictObject(onEngine)),
  /** Starts `onSyncEvent` for this engine in the calling window: a snapshot first, then changes. */
  subscribeEngine: request<null>()(z.strictObject(onEngine)),
  unsubscribeEngine: request<null>()(z.strictObject(onEngine)),
  reconnectEngine: request<null>()(z.strictObject(onEngine)),

  whoAmI: request<SignedInUserView>()(z.strictObject(onEngine)),
  getAlert: request<AlertWithLogView>()(z.strictObject(onAlert)),
  acceptAlert: request<Alert>()(z.strictObject({ ...onAlert, comment })),
  resolveAlert: request<Alert>()(z.strictObject({ ...onAlert, comment })),
  commentAlert: request<Alert>()(
    z.strictObject({ ...onAlert, text: z.string().min(1).max(10_000) }),
  ),
  assignAlert: request<Alert>()(z.strictObject({ ...onAlert, userId: Id.nullable() })),
  /** What escalation did and will do for this alert. */
  getTimeline: request<AlertTimeline>()(z.strictObject(onAlert)),
  /** The alert's log after `cursor` (past the 200 entries `getAlert` brings). */
  getAlertLog: request<AlertLogPage>()(
    z.strictObject({ ...onAlert, cursor: z.string().min(1).max(200) }),
  ),

  /** Alert sources, escalation policies, users and their tokens, teams (./manageRequests.ts). */
  ...manageRequests,
  /** Overrides taken and given back (./scheduleRequests.ts). */
  ...scheduleRequests,

  getSettings: request<DesktopSettingsView>()(None),
  updateSettings: request<DesktopSettingsView>()(z.strictObject({ patch: SettingsPatch })),

  /** `minutes: null` pauses until resumed. */
  pauseNotifications: request<PauseView>()(
    z.strictObject({ minutes: z.union([z.literal(30), z.literal(60)]).nullable() }),
  ),
  resumeNotifications: request<PauseView>()(None),
  /** Whether notifications are paused now (a window opened during a pause shows it). */
  getNotificationPause: request<PauseView>()(None),

  listDisplays: request<DisplayView[]>()(None),
  /** Opens a wall window on that display (null: the primary one). */
  openWallWindow: request<null>()(z.strictObject({ displayId: z.number().int().nullable() })),
  /** Opens an http(s) or mailto link in the system's browser, after main checked it. */
  openExternal: request<null>()(z.strictObject({ url: z.string().max(4000) })),

  getPlanning: request<PlanningView>()(z.strictObject(onEngine)),
  /** Refreshes the offline copy from the engine (when reachable). */
  refreshPlanning: request<PlanningView>()(z.strictObject(onEngine)),
  draftOverride: request<DraftView>()(
    z.strictObject({
      ...onEngine,
      scheduleId: Id,
      baseVersion: z.number().int().min(1),
      start: Instant,
      end: Instant,
      userId: Id,
    }),
  ),
  draftScheduleEdit: request<DraftView>()(
    z.strictObject({
      ...onEngine,
      scheduleId: Id,
      baseVersion: z.number().int().min(1),
      schedule: UpdateScheduleRequest,
    }),
  ),
  discardDraft: request<null>()(z.strictObject({ draftId: Id })),
  pushDrafts: request<PushReport>()(z.strictObject(onEngine)),
  /** `mine`: queue the draft again on top of their version; `theirs`: drop the draft. */
  resolveConflict: request<ConflictView | null>()(
    z.strictObject({ conflictId: Id, choice: z.enum(['mine', 'theirs']) }),
  ),
} as const;

/** Events main sends to windows. */
export interface IpcEvents {
  syncEvent: { readonly engineId: string; readonly event: IpcSyncEvent };
  enginesChanged: readonly EngineView[];
  /** A notification was clicked (or the tray asked): show this alert. */
  focusAlert: { readonly engineId: string; readonly alertId: string };
  notificationsPaused: PauseView;
  planningChanged: { readonly engineId: string };
  settingsChanged: DesktopSettingsView;
}

export type RequestName = keyof typeof ipcRequests;
export type EventName = keyof IpcEvents;
export type RequestArgs<N extends RequestName> = z.input<(typeof ipcRequests)[N]['args']>;
export type ParsedArgs<N extends RequestName> = z.output<(typeof ipcRequests)[N]['args']>;
export type RequestResult<N extends RequestName> = Exclude<
  (typeof ipcRequests)[N]['__result'],
  undefined
>;

export { requestChannel, eventChannel } from './ipcChannels.js';
export const requestNames = Object.keys(ipcRequests) as RequestName[];

/** `on` + capitalised event name: `onSyncEvent`, `onFocusAlert`, … */
export type EventSubscriberName<E extends EventName> = `on${Capitalize<E>}`;

/**
 * `window.nocturne`: one function per request, one `on…` per event (returning the function
 * that unsubscribes). Nothing generic: no channel names cross into the page.
 */
export type NocturneApi = {
  readonly [N in RequestName]: (args: RequestArgs<N>) => Promise<IpcResult<RequestResult<N>>>;
} & {
  readonly [E in EventName as EventSubscriberName<E>]: (
    listener: (payload: IpcEvents[E]) => void,
  ) => () => void;
};
