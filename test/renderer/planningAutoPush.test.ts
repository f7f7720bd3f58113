import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { IpcResult, PlanningView, PushReport } from '../../shared/ipc/ipcViews.js';
import type { ConnectionState } from '../../renderer/state/connectionSlice.js';
import {
  connectionCameBack,
  startPlanningAutoPush,
} from '../../renderer/views/planning/planningAutoPush.js';
import { pushDraftsOnce } from '../../renderer/views/planning/planningPush.js';
import { copyOf, draft } from './planningFixtures.js';

const report: PushReport = { pushed: 1, conflicts: 0, rejected: 0, offline: false };

function setup(planning: PlanningView, state: ConnectionState = 'offline') {
  const store = createStore(() => ({ connection: { state } }));
  const pushes: string[] = [];
  let answerPush: (r: IpcResult<PushReport>) => void = () => undefined;
  const api = {
    getPlanning: vi.fn(async () => ({ ok: true as const, value: planning })),
    pushDrafts: vi.fn(({ engineId }: { engineId: string }) => {
      pushes.push(engineId);
      return new Promise<IpcResult<PushReport>>((resolve) => (answerPush = resolve));
    }),
  };
  const autoPush = startPlanningAutoPush(store, {
    api,
    engineId: () => 'embedded',
    now: () => Date.parse('2026-03-29T10:00:00Z'),
  });
  const become = (next: ConnectionState) => store.setState({ connection: { state: next } });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    store,
    api,
    pushes,
    autoPush,
    become,
    settle,
    answer: (r = report) => answerPush({ ok: true, value: r }),
  };
}

describe('pushing when the connection comes back', () => {
  it('only a change into live counts', () => {
    expect(connectionCameBack('offline', 'live')).toBe(true);
    expect(connectionCameBack('stale', 'live')).toBe(true);
    expect(connectionCameBack('connecting', 'live')).toBe(true);
    expect(connectionCameBack('live', 'live')).toBe(false);
    expect(connectionCameBack('live', 'stale')).toBe(false);
  });

  it('pushes once when pending drafts wait, and reports the outcome', async () => {
    const t = setup(copyOf({ drafts: [draft()] }));
    const heard = vi.fn();
    t.autoPush.subscribe(heard);
    t.become('stale');
    expect(t.pushes).toEqual([]);
    t.become('live');
    await t.settle();
    t.become('live'); // the same state again: nothing new
    await t.settle();
    expect(t.pushes).toEqual(['embedded']);
    t.answer();
    await t.settle();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(t.autoPush.last()).toEqual({
      engineId: 'embedded',
      at: Date.parse('2026-03-29T10:00:00Z'),
      result: { report },
    });
    t.autoPush.stop();
  });

  it('does not push when no draft is pending (conflicts and refusals wait for the operator)', async () => {
    const t = setup(
      copyOf({ drafts: [draft({ state: 'conflict' }), draft({ id: 'd2', state: 'rejected' })] }),
    );
    t.become('live');
    await t.settle();
    expect(t.api.getPlanning).toHaveBeenCalledWith({ engineId: 'embedded' });
    expect(t.pushes).toEqual([]);
    expect(t.autoPush.last()).toBeNull();
    t.autoPush.stop();
  });

  it('starts once per store: a second start answers the running one', () => {
    const t = setup(copyOf());
    expect(startPlanningAutoPush(t.store, { api: t.api, engineId: () => 'embedded' })).toBe(
      t.autoPush,
    );
    t.autoPush.stop();
    expect(startPlanningAutoPush(t.store, { api: t.api, engineId: () => 'embedded' })).not.toBe(
      t.autoPush,
    );
  });
});

describe('one push at a time per engine', () => {
  it('a push asked for while one runs gets that push’s answer', async () => {
    let resolve: (r: IpcResult<PushReport>) => void = () => undefined;
    const api = {
      pushDrafts: vi.fn(() => new Promise<IpcResult<PushReport>>((r) => (resolve = r))),
    };
    const first = pushDraftsOnce(api, 'embedded');
    const second = pushDraftsOnce(api, 'embedded');
    expect(api.pushDrafts).toHaveBeenCalledTimes(1);
    resolve({ ok: true, value: report });
    expect(await second).toEqual(await first);
    void pushDraftsOnce(api, 'embedded');
    expect(api.pushDrafts).toHaveBeenCalledTimes(2);
  });
});
