import type { StoredSchedule } from '../../shared/api/schedules.js';
import type { DesktopSettingsView } from '../../shared/ipc/desktopSettings.js';
import type {
  ConflictView,
  DisplayView,
  DraftView,
  EngineView,
  PlanningView,
  SignedInUserView,
} from '../../shared/ipc/ipcViews.js';
import type { AlertSummary } from '../../shared/domain/alert.js';
import type { Change } from '../../shared/protocol/changes.js';
import type { Snapshot } from '../../shared/sync/syncStatus.js';

/** What the page's fake bridge starts with (plain data: it is serialised into the page). */
export interface FakeBridgeData {
  readonly engines: readonly EngineView[];
  readonly settings: DesktopSettingsView;
  readonly snapshots: Readonly<Record<string, Snapshot>>;
  readonly displays: readonly DisplayView[];
  readonly user: SignedInUserView;
  /** Main's offline planner (docs/desktop.md, "Offline planning"); without it, not supported. */
  readonly planning?: FakePlanningData;
}

/**
 * The fake's offline planner: main's copy per engine, and the schedules as each engine has them
 * now (what a refresh copies, and what a push meets). A push sends pending drafts oldest first:
 * one based on the engine's version (or on the version our own earlier draft in this push made)
 * is taken, an older one becomes a conflict, one for a schedule the engine lacks is rejected.
 */
export interface FakePlanningData {
  /** The offline copy per engine; an engine not here has an empty one, never copied. */
  readonly copies: Readonly<Record<string, PlanningView>>;
  /** Per engine, its schedules now. */
  readonly engineSchedules: Readonly<Record<string, readonly StoredSchedule[]>>;
  /** Whether main reaches the engines: else refresh and push answer `engine_unreachable`. */
  readonly reachable: boolean;
}

type Listener = (payload: unknown) => void;
type Answer = Promise<{ ok: true; value: unknown } | { ok: false; error: object }>;

/**
 * Runs in the page before the console (Playwright's `addInitScript`): a `window.nocturne` like
 * the preload's, in memory, so the console takes its desktop path in plain Chromium. It records
 * every request in `window.__bridgeCalls` and lets the test fire events with
 * `window.__bridgeEmit(name, payload)`; with `data.planning`, main's offline planner in memory
 * (see {@link FakePlanningData}), steered with `window.__fakePlanning`. Each engine's stream
 * starts from `data.snapshots` and keeps what changed since: `window.__fakeEngines.change(engineId,
 * changes)` sends a change to every holder of that engine's stream (as main forwards the
 * engine's), and `acceptAlert` / `resolveAlert` change the alert the same way. Self-contained:
 * Playwright sends only its source.
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
  // Main's offline planner, in memory.
  const copies = new Map<string, PlanningView>(Object.entries(data.planning?.copies ?? {}));
  const theirs = new Map<string, StoredSchedule[]>(
    Object.entries(data.planning?.engineSchedules ?? {}).map(([id, list]) => [id, [...list]]),
  );
  let reachable = data.planning?.reachable ?? true;
  const copyOf = (engineId: string): PlanningView =>
    copies.get(engineId) ?? {
      engineId,
      schedules: [],
      users: [],
      drafts: [],
      conflicts: [],
      syncedAt: null,
    };
  const setCopy = (engineId: string, change: Partial<PlanningView>) => {
    copies.set(engineId, { ...copyOf(engineId), ...change });
    emit('planningChanged', { engineId });
  };
  const unreachable = () => fail('engine_unreachable', 'The engine could not be reached.');
  const findDraft = (draftId: unknown) => {
    for (const copy of copies.values()) {
      const draft = copy.drafts.find((d) => d.id === draftId);
      if (draft) return { copy, draft };
    }
    return null;
  };
  const planningHandlers: Record<string, (args: Record<string, unknown>) => Answer> = {
    getPlanning: ({ engineId }) => ok(copyOf(engineId as string)),
    refreshPlanning: ({ engineId }) => {
      if (!reachable) return unreachable();
      const id = engineId as string;
      setCopy(id, { schedules: theirs.get(id) ?? [], syncedAt: new Date().toISOString() });
      return ok(copyOf(id));
    },
    draftOverride: (args) => {
      const { engineId, scheduleId, baseVersion, start, end, userId } = args as Record<
        string,
        string
      >;
      const copy = copyOf(engineId!);
      if (!copy.schedules.some((s) => s.id === scheduleId))
        return fail('not_found', 'That schedule is not in the offline copy.');
      const draft: DraftView = {
        id: `draft-${++serial}`,
        engineId: engineId!,
        scheduleId: scheduleId!,
        kind: 'override',
        baseVersion: Number(baseVersion),
        payload: { start, end, userId },
        createdAt: new Date().toISOString(),
        state: 'pending',
        problem: null,
      };
      setCopy(engineId!, { drafts: [...copy.drafts, draft] });
      return ok(draft);
    },
    draftScheduleEdit: ({ engineId, scheduleId, baseVersion, schedule }) => {
      const copy = copyOf(engineId as string);
      if (!copy.schedules.some((s) => s.id === scheduleId))
        return fail('not_found', 'That schedule is not in the offline copy.');
      // As main keeps it: the PUT body, without the version and the stored times.
      const {
        version: _v,
        createdAt: _c,
        updatedAt: _u,
        problems: _p,
        ...payload
      } = schedule as Record<string, unknown>;
      const draft: DraftView = {
        id: `draft-${++serial}`,
        engineId: engineId as string,
        scheduleId: scheduleId as string,
        kind: 'schedule',
        baseVersion: Number(baseVersion),
        payload,
        createdAt: new Date().toISOString(),
        state: 'pending',
        problem: null,
      };
      setCopy(engineId as string, { drafts: [...copy.drafts, draft] });
      return ok(draft);
    },
    discardDraft: ({ draftId }) => {
      const found = findDraft(draftId);
      if (!found) return fail('not_found', 'No such draft.');
      // Main sends no planningChanged for a discard: the view reads the copy again itself.
      copies.set(found.copy.engineId, {
        ...found.copy,
        drafts: found.copy.drafts.filter((d) => d.id !== draftId),
        conflicts: found.copy.conflicts.filter((c) => c.draftId !== draftId),
      });
      return ok(null);
    },
    pushDrafts: ({ engineId }) => {
      if (!reachable) return unreachable();
      const id = engineId as string;
      const copy = copyOf(id);
      const schedules = theirs.get(id) ?? [];
      const report = { pushed: 0, conflicts: 0, rejected: 0, offline: false };
      const ours = new Map<string, number>();
      const drafts: DraftView[] = [];
      const conflicts: ConflictView[] = [...copy.conflicts];
      const sorted = [...copy.drafts].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      for (const draft of sorted) {
        const index = schedules.findIndex((s) => s.id === draft.scheduleId);
        const current = schedules[index];
        if (draft.state !== 'pending') drafts.push(draft);
        else if (!current) {
          report.rejected++;
          drafts.push({ ...draft, state: 'rejected', problem: 'No such schedule.' });
        } else if (
          draft.baseVersion === current.version ||
          draft.baseVersion === ours.get(current.id)
        ) {
          report.pushed++;
          if (!ours.has(current.id)) ours.set(current.id, current.version);
          const payload = draft.payload as Record<string, unknown>;
          const now = new Date().toISOString();
          schedules[index] =
            draft.kind === 'override'
              ? {
                  ...current,
                  version: current.version + 1,
                  overrides: [
                    ...current.overrides,
                    {
                      ...(payload as { start: string; end: string; userId: string }),
                      id: `override-${++serial}`,
                      createdAt: now,
                    },
                  ],
                  updatedAt: now,
                }
              : ({
                  ...current,
                  ...payload,
                  version: current.version + 1,
                  updatedAt: now,
                } as StoredSchedule);
        } else {
          report.conflicts++;
          drafts.push({ ...draft, state: 'conflict', problem: null });
          conflicts.push({
            id: `conflict-${++serial}`,
            draftId: draft.id,
            engineId: id,
            scheduleId: current.id,
            mine: draft.payload,
            theirs: current,
            detectedAt: new Date().toISOString(),
          });
        }
      }
      theirs.set(id, schedules);
      const taken = new Map(schedules.map((s) => [s.id, s]));
      setCopy(id, {
        drafts,
        conflicts,
        schedules: copy.schedules.map((s) => (ours.has(s.id) ? taken.get(s.id)! : s)),
      });
      return ok(report);
    },
    resolveConflict: ({ conflictId, choice }) => {
      for (const copy of copies.values()) {
        const conflict = copy.conflicts.find((c) => c.id === conflictId);
        if (!conflict) continue;
        const drafts =
          choice === 'mine'
            ? copy.drafts.map((d) =>
                d.id === conflict.draftId
                  ? {
                      ...d,
                      state: 'pending' as const,
                      problem: null,
                      baseVersion: conflict.theirs.version,
                    }
                  : d,
              )
            : copy.drafts.filter((d) => d.id !== conflict.draftId);
        setCopy(copy.engineId, {
          drafts,
          conflicts: copy.conflicts.filter((c) => c.id !== conflictId),
          schedules: copy.schedules.map((s) =>
            s.id === conflict.scheduleId ? conflict.theirs : s,
          ),
        });
        return ok(null);
      }
      return fail('not_found', 'No such conflict.');
    },
  };
  // Each engine's stream: its snapshot as of now (the first one's, empty, for an engine added).
  const streams = new Map<string, Snapshot>(Object.entries(data.snapshots));
  const streamOf = (engineId: string): Snapshot => {
    let stream = streams.get(engineId);
    if (!stream) {
      stream = { ...Object.values(data.snapshots)[0]!, alerts: [] };
      streams.set(engineId, stream);
    }
    return stream;
  };
  /** Main forwarding the engine's next changes (alerts kept in the snapshot; the rest sent). */
  const change = (engineId: string, changes: readonly Change[]) => {
    const stream = streamOf(engineId);
    const alerts = new Map(stream.alerts.map((a) => [a.id, a]));
    for (const c of changes) if (c.kind === 'alert') alerts.set(c.value.id, c.value);
    const next = { ...stream, seq: stream.seq + 1, alerts: [...alerts.values()] };
    streams.set(engineId, next);
    const event = { type: 'changes', streamId: next.streamId, seq: next.seq, changes };
    emit('syncEvent', { engineId, event });
    return next.seq;
  };
  const act = (engineId: string, alertId: string, state: 'ACCEPTED' | 'RESOLVED'): Answer => {
    const current = streamOf(engineId).alerts.find((a) => a.id === alertId);
    if (!current) return fail('not_found', `No alert ${alertId}.`);
    const at = new Date().toISOString();
    const value: AlertSummary =
      state === 'ACCEPTED'
        ? { ...current, state, acceptedAt: at, acceptedBy: data.user.id, updatedAt: at }
        : { ...current, state, resolvedAt: at, updatedAt: at };
    change(engineId, [{ kind: 'alert', value }]);
    return ok({ ...value, details: null, customDetails: null, images: [] });
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
        const snapshot = streamOf(engineId as string);
        emit('syncEvent', { engineId, event: { type: 'snapshot', snapshot } });
        const now = Date.now();
        const status = { status: 'live', since: now, lastLiveAt: now };
        emit('syncEvent', { engineId, event: { type: 'status', status } });
      }, 20);
      return ok(null);
    },
    unsubscribeEngine: () => ok(null),
    acceptAlert: ({ engineId, alertId }) => act(engineId as string, alertId as string, 'ACCEPTED'),
    resolveAlert: ({ engineId, alertId }) => act(engineId as string, alertId as string, 'RESOLVED'),
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
    ...(data.planning ? planningHandlers : {}),
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
  page.__fakeEngines = {
    /** The engine's next changes, to every holder of its stream; answers their `seq`. */
    change,
  };
  page.__fakePlanning = {
    /** Main reaches the engines again (or no more). */
    setReachable: (value: boolean) => {
      reachable = value;
    },
    /** A planning request made elsewhere (another window): not recorded as the page's. */
    request: (name: string, args: Record<string, unknown>) => planningHandlers[name]!(args),
  };
}
