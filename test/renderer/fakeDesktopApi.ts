import {
  applySettingsPatch,
  defaultSettings,
  settingsView,
  SettingsPatch,
  type DesktopSettings,
} from '../../shared/ipc/desktopSettings.js';
import {
  requestNames,
  type EventName,
  type IpcEvents,
  type NocturneApi,
  type RequestName,
} from '../../shared/ipc/ipcContract.js';
import type {
  DisplayView,
  EngineView,
  IpcError,
  IpcResult,
  PauseView,
} from '../../shared/ipc/ipcViews.js';
import { user } from './fixtures.js';

export function engineView(id: string, more: Partial<EngineView> = {}): EngineView {
  return {
    id,
    label: id === 'embedded' ? 'This computer' : `Engine ${id}`,
    kind: id === 'embedded' ? 'embedded' : 'remote',
    url: id === 'embedded' ? 'http://127.0.0.1:7070' : `https://${id}.example.com`,
    status: 'live',
    problem: null,
    pendingForMe: 0,
    pendingOverall: 0,
    ...more,
  };
}

export interface FakeDesktopOptions {
  readonly engines?: readonly EngineView[];
  readonly defaultEngineId?: string | null;
  /** Applied to the defaults as `updateSettings` would. */
  readonly settings?: SettingsPatch;
  readonly displays?: readonly DisplayView[];
}

type Handler = (args: never) => IpcResult<unknown>;
const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });

/**
 * An in-memory `window.nocturne` (shared/ipc/ipcContract.ts) for the console's desktop code: it
 * keeps engines, settings and the pause as main would, records every request, fires events
 * like main (`enginesChanged` after an add or remove, `settingsChanged` after an update), and
 * lets a test fail the next call of a request. Requests it does not model answer
 * `not_supported`, so a request added to the contract needs no change here.
 */
export function fakeDesktopApi(options: FakeDesktopOptions = {}) {
  const calls: Array<[RequestName, unknown]> = [];
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const failNext = new Map<RequestName, IpcError>();
  let engines: readonly EngineView[] = options.engines ?? [engineView('embedded')];
  let settings: DesktopSettings = applySettingsPatch(defaultSettings(), options.settings ?? {});
  let pause: PauseView = { paused: false, pausedUntil: null };
  let serial = 0;

  const emit = <E extends EventName>(name: E, payload: IpcEvents[E]) => {
    for (const listener of listeners.get(name) ?? [])
      (listener as (p: IpcEvents[E]) => void)(payload);
  };
  const setEngines = (next: readonly EngineView[]) => {
    engines = next;
    emit('enginesChanged', engines);
  };

  const handlers: Partial<Record<RequestName, Handler>> = {
    getAppInfo: () =>
      ok({
        version: '0.0.0-test',
        platform: 'linux',
        defaultEngineId:
          options.defaultEngineId !== undefined
            ? options.defaultEngineId
            : (engines[0]?.id ?? null),
      }),
    listEngines: () => ok(engines),
    addRemoteEngine: ({ label, url }: { label: string; url: string }) => {
      const added = engineView(`remote-${++serial}`, { label, url, status: 'connecting' });
      setEngines([...engines, added]);
      return ok(added);
    },
    removeRemoteEngine: ({ engineId }: { engineId: string }) => {
      if (!engines.some((e) => e.id === engineId && e.kind === 'remote')) {
        return { ok: false, error: { code: 'unknown_engine', message: 'Not a remote engine.' } };
      }
      setEngines(engines.filter((e) => e.id !== engineId));
      return ok(null);
    },
    subscribeEngine: () => ok(null),
    unsubscribeEngine: () => ok(null),
    reconnectEngine: () => ok(null),
    whoAmI: () => ok({ ...user('1', 'Ada Lovelace'), effectiveRole: 'admin' }),
    getSettings: () => ok(settingsView(settings)),
    updateSettings: ({ patch }: { patch: unknown }) => {
      settings = applySettingsPatch(settings, SettingsPatch.parse(patch));
      emit('settingsChanged', settingsView(settings));
      return ok(settingsView(settings));
    },
    pauseNotifications: ({ minutes }: { minutes: number | null }) => {
      const until = minutes === null ? null : new Date(Date.now() + minutes * 60_000).toISOString();
      pause = { paused: true, pausedUntil: until };
      emit('notificationsPaused', pause);
      return ok(pause);
    },
    resumeNotifications: () => {
      pause = { paused: false, pausedUntil: null };
      emit('notificationsPaused', pause);
      return ok(pause);
    },
    getNotificationPause: () => ok(pause),
    listDisplays: () => ok(options.displays ?? []),
    openWallWindow: () => ok(null),
  };

  const api = {} as Record<string, unknown>;
  for (const name of requestNames) {
    api[name] = async (args: unknown) => {
      calls.push([name, args]);
      const failure = failNext.get(name);
      if (failure) {
        failNext.delete(name);
        return { ok: false, error: failure };
      }
      const handler = handlers[name];
      return handler
        ? handler(args as never)
        : { ok: false, error: { code: 'not_supported', message: `${name} is not in the fake.` } };
    };
  }
  const eventNames: EventName[] = [
    'syncEvent',
    'enginesChanged',
    'focusAlert',
    'notificationsPaused',
    'planningChanged',
    'settingsChanged',
  ];
  for (const name of eventNames) {
    api[`on${name[0]!.toUpperCase()}${name.slice(1)}`] = (listener: (payload: never) => void) => {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      return () => set.delete(listener);
    };
  }

  return {
    api: api as unknown as NocturneApi,
    calls,
    /** The requests of one name, their arguments in order. */
    callsOf: (name: RequestName) => calls.filter(([n]) => n === name).map(([, args]) => args),
    emit,
    setEngines,
    failNext: (name: RequestName, error: IpcError) => failNext.set(name, error),
    get settings() {
      return settings;
    },
    listenerCount: (name: EventName) => listeners.get(name)?.size ?? 0,
  };
}
