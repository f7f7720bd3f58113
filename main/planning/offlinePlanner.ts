import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ScheduleListResponse } from '../../shared/api/schedules.js';
import { User } from '../../shared/domain/user.js';
import type { UpdateScheduleRequest } from '../../shared/api/schedules.js';
import type {
  ConflictView,
  DraftView,
  IpcResult,
  PlanningView,
  PushReport,
} from '../../shared/ipc/ipcViews.js';
import type { EngineRest } from '../engines/engineRest.js';
import { pushDrafts } from './draftPusher.js';
import type { PlanningDb } from './planningDb.js';

const UserList = z.object({ items: z.array(User) });

/**
 * The offline planner behind the IPC messages: the copy of schedules and users, drafts queued with
 * their base version, pushing, and the operator's choice on a conflict.
 */
export class OfflinePlanner {
  /** The push under way per engine. */
  private readonly pushing = new Map<string, Promise<PushReport>>();

  constructor(
    private readonly db: PlanningDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  view(engineId: string): PlanningView {
    return {
      engineId,
      schedules: this.db.schedules(engineId),
      users: this.db.users(engineId),
      drafts: this.db.drafts(engineId),
      conflicts: this.db.conflicts(engineId),
      syncedAt: this.db.syncedAt(engineId),
    };
  }

  /** Copies the engine's schedules and users; the old copy stays when it cannot be reached. */
  async refresh(engineId: string, rest: EngineRest): Promise<IpcResult<PlanningView>> {
    const schedules = await rest.call('GET', '/api/v1/schedules', ScheduleListResponse);
    if (!schedules.ok) return schedules;
    const users = await rest.call('GET', '/api/v1/users', UserList);
    if (!users.ok) return users;
    this.db.replaceCopy(
      engineId,
      schedules.value.items,
      users.value.items,
      this.now().toISOString(),
    );
    return { ok: true, value: this.view(engineId) };
  }

  draftOverride(
    engineId: string,
    args: { scheduleId: string; baseVersion: number; start: string; end: string; userId: string },
  ): DraftView {
    return this.add(engineId, args.scheduleId, 'override', args.baseVersion, {
      start: args.start,
      end: args.end,
      userId: args.userId,
    });
  }

  draftScheduleEdit(
    engineId: string,
    args: { scheduleId: string; baseVersion: number; schedule: UpdateScheduleRequest },
  ): DraftView {
    // The version travels separately (the draft's base); the rest is the PUT body.
    const {
      version: _version,
      createdAt: _c,
      updatedAt: _u,
      problems: _p,
      ...body
    } = args.schedule;
    return this.add(engineId, args.scheduleId, 'schedule', args.baseVersion, body);
  }

  /** Deletes a draft; answers the engine it was for, or null when there was no such draft. */
  discard(draftId: string): string | null {
    const draft = this.db.draft(draftId);
    if (!draft) return null;
    this.db.deleteDraft(draftId);
    return draft.engineId;
  }

  /**
   * Pushes the engine's pending drafts. One push per engine at a time: a second request while
   * one runs (two windows, a manual push during the automatic one) gets the running push's
   * report, so no draft is sent twice.
   */
  push(engineId: string, rest: EngineRest): Promise<PushReport> {
    const running = this.pushing.get(engineId);
    if (running) return running;
    const push = pushDrafts(
      this.db,
      engineId,
      (method, path, body) => rest.raw(method, path, body),
      this.now,
    ).finally(() => this.pushing.delete(engineId));
    this.pushing.set(engineId, push);
    return push;
  }

  /**
   * `mine`: the draft goes back in the queue based on the engine's current version (so the next
   * push applies it on top of theirs); `theirs`: the draft is dropped. Either way the conflict
   * is done. Null when no such conflict exists (already resolved elsewhere).
   */
  resolveConflict(conflictId: string, choice: 'mine' | 'theirs'): ConflictView | null {
    const conflict = this.db.conflict(conflictId);
    if (!conflict) return null;
    if (choice === 'theirs') this.db.deleteDraft(conflict.draftId);
    else this.db.requeueDraft(conflict.id, conflict.draftId, conflict.theirs.version);
    return conflict;
  }

  private add(
    engineId: string,
    scheduleId: string,
    kind: DraftView['kind'],
    baseVersion: number,
    payload: unknown,
  ): DraftView {
    const draft: DraftView = {
      id: randomUUID(),
      engineId,
      scheduleId,
      kind,
      baseVersion,
      payload,
      createdAt: this.now().toISOString(),
      state: 'pending',
      problem: null,
    };
    this.db.addDraft(draft);
    return draft;
  }
}
