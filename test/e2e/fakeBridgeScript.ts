import type { DesktopSettingsView } from '../../shared/ipc/desktopSettings.js';
import type { DisplayView, EngineView, SignedInUserView } from '../../shared/ipc/ipcViews.js';
import type { Snapshot } from '../../shared/sync/syncStatus.js';

/** What the page's fake bridge starts with (plain data: it is serialised into the page). */
export interface FakeBridgeData {
  readonly engines: readonly EngineView[];
  readonly settings: DesktopSettingsView;
  readonly snapshots: Readonly<Record<string, Snapshot>>;
  readonly displays: readonly DisplayView[];
  readonly user: SignedInUserView;
}

type Listener = (payload: unknown) => void;
type Answer = Promise<{ ok: true; value: unknown } | { ok: false; error: object }>;

/**
 * Runs in the page before the console (Playwright's `addInitScript`): a `window.nocturne` like
 * the preload's, in memory, so the console takes its desktop path in plain Chromium. It records
 * every request in `window.__bridgeCalls` and lets the test fire events with
 * `window.__bridgeEmit(name, payload)`. Self-contained: Playwright sends only its source.
 */
export function installFakeBridge(data: FakeBridgeData): void {
  const calls: Array<[string, unknown]> = [];
  const listeners = new Map<string, Set<Listener>>();
  let engines = [...data.engines];
  let settings = data.settings as unknown as Record<string, unknown>;
  let serial = 0;
  const emit = (name: string, payload: unknown) =>
    listeners.get(name)?.forEach((listener) => listener(payload));
  const ok = (value: unknown): Answer => Promise.resolve({ ok: true, value });
  const fail = (code: string, message: string): Answer =>
    Promise.resolve({ ok: false, error: { code, message } });
  const merge = (into: Record<string, unknown>, patch: Record<string, unknown>) => {
    const out: Record<string, unknown> = { ...into };
    for (const [key, value] of Object.entries(patch)) {
      const old = out[key];
      out[key] =
        value &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        old &&
        typeof old === 'object'
          ? merge(old as Record<string, unknown>, value as Record<string, unknown>)
          : value;
    }
    return out;
  };
  const setEngines = (next: EngineView[]) => {
    engines = next;
    emit('enginesChanged', engines);
  };
  const handlers: Record<string, (args: Record<string, unknown>) => Answer> = {
    getAppInfo: () => ok({ version: 'e2e', platform: 'linux', defaultEngineId: 'embedded' }),
    listEngines: () => ok(engines),
    subscribeEngine: ({ engineId }) => {
      setTimeout(() => {
        // An engine added in the test starts empty.
        const snapshot = data.snapshots[engineId as string] ?? {
          ...Object.values(data.snapshots)[0]!,
          alerts: [],
        };
        emit('syncEvent', { engineId, event: { type: 'snapshot', snapshot } });
        const now = Date.now();
        const status = { status: 'live', since: now, lastLiveAt: now };
        emit('syncEvent', { engineId, event: { type: 'status', status } });
      }, 20);
      return ok(null);
    },
    unsubscribeEngine: () => ok(null),
    whoAmI: () => ok(data.user),
    getSettings: () => ok(settings),
    updateSettings: ({ patch }) => {
      settings = merge(settings, patch as Record<string, unknown>);
      emit('settingsChanged', settings);
      return ok(settings);
    },
    addRemoteEngine: ({ label, url }) => {
      if (label === 'Refused')
        return fail('unauthorized', 'The engine does not accept this token.');
      const engine: EngineView = {
        id: `remote-new-${++serial}`,
        label: label as string,
        url: url as string,
        kind: 'remote',
        status: 'connecting',
        problem: null,
        pendingForMe: 0,
        pendingOverall: 0,
      };
      setEngines([...engines, engine]);
      return ok(engine);
    },
    removeRemoteEngine: ({ engineId }) => {
      setEngines(engines.filter((e) => e.id !== engineId));
      return ok(null);
    },
    pauseNotifications: ({ minutes }) => {
      const until = minutes === null ? null : new Date(Date.now() + Number(minutes) * 60_000);
      const view = { paused: true, pausedUntil: until ? until.toISOString() : null };
      emit('notificationsPaused', view);
      return ok(view);
    },
    resumeNotifications: () => {
      const view = { paused: false, pausedUntil: null };
      emit('notificationsPaused', view);
      return ok(view);
    },
    listDisplays: () => ok(data.displays),
    openWallWindow: () => ok(null),
  };
  const api = new Proxy(
    {},
    {
      get(_target, name) {
        if (typeof name !== 'string' || name === 'then') return undefined;
        if (/^on[A-Z]/.test(name)) {
          const event = name[2]!.toLowerCase() + name.slice(3);
          return (listener: Listener) => {
            const set = listeners.get(event) ?? new Set<Listener>();
            listeners.set(event, set);
            set.add(listener);
            return () => set.delete(listener);
          };
        }
        return (args: Record<string, unknown>) => {
          calls.push([name, args]);
          const handler = handlers[name];
          return handler ? handler(args) : fail('not_supported', `${name}: not in this test.`);
        };
      },
    },
  );
  const page = globalThis as unknown as Record<string, unknown>;
  page.nocturne = api;
  page.__bridgeCalls = calls;
  page.__bridgeEmit = emit;
}
