import { randomUUID } from 'node:crypto';
import { StoredSchedule } from '../../shared/api/schedules.js';
import type { DraftView, PushReport } from '../../shared/ipc/ipcViews.js';
import type { RawAnswer } from '../engines/engineRest.js';
import type { PlanningDb } from './planningDb.js';

/** What pushing needs of an engine: a raw REST call that throws when nothing answers. */
export type RawCall = (method: 'POST' | 'PUT', path: string, body: unknown) => Promise<RawAnswer>;

const scheduleOf = (body: unknown): StoredSchedule | null => {
  const direct = StoredSchedule.safeParse(body);
  if (direct.success) return direct.data;
  const nested = StoredSchedule.safeParse((body as { schedule?: unknown } | null)?.schedule);
  return nested.success ? nested.data : null;
};

const messageOf = (answer: RawAnswer): string => {
  const message = (answer.body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === 'string' ? message : `The engine answered HTTP ${answer.status}.`;
};

function request(
  draft: DraftView,
  baseVersion: number,
): { method: 'POST' | 'PUT'; path: string; body: unknown } {
  const id = encodeURIComponent(draft.scheduleId);
  const payload = draft.payload as Record<string, unknown>;
  return draft.kind === 'override'
    ? {
        method: 'POST',
        path: `/api/v1/schedules/${id}/overrides`,
        body: { ...payload, version: baseVersion },
      }
    : {
        method: 'PUT',
        path: `/api/v1/schedules/${id}`,
        body: { ...payload, version: baseVersion },
      };
}

/**
 * Pushes an engine's pending drafts, oldest first, each with the version it was based on
 * (docs/schedules.md, optimistic concurrency):
 * - accepted: the draft is done, and the engine's new schedule replaces the copy;
 * - 409 `version_conflict`: someone changed the schedule meanwhile; a conflict record keeps
 *   both sides (the draft and the engine's `current`) for the operator to choose;
 * - another 4xx: the engine refuses the draft itself (a deleted user, a bad range): it stays,
 *   marked rejected with the engine's message — nothing drafted is silently dropped;
 * - no answer or 5xx: the engine is unreachable; everything stays queued for the next push.
 * Several drafts of one schedule made offline all name the same base version: once the first
 * is accepted (base n → n + 1, only our own change in between), the next ones are sent on n + 1.
 */
export async function pushDrafts(
  db: PlanningDb,
  engineId: string,
  call: RawCall,
  now: () => Date = () => new Date(),
): Promise<PushReport> {
  const report = { pushed: 0, conflicts: 0, rejected: 0, offline: false };
  const rebased = new Map<string, { from: number; to: number }>();
  for (const draft of db.drafts(engineId)) {
    if (draft.state !== 'pending') continue;
    const moved = rebased.get(draft.scheduleId);
    const base = moved && moved.from === draft.baseVersion ? moved.to : draft.baseVersion;
    const { method, path, body } = request(draft, base);
    let answer: RawAnswer;
    try {
      answer = await call(method, path, body);
    } catch {
      report.offline = true;
      break;
    }
    if (answer.status >= 500) {
      report.offline = true;
      break;
    }
    if (answer.status >= 200 && answer.status < 300) {
      const schedule = scheduleOf(answer.body);
      db.deleteDraft(draft.id);
      if (schedule) {
        db.putSchedule(engineId, schedule);
        if (schedule.version === base + 1)
          rebased.set(draft.scheduleId, { from: draft.baseVersion, to: schedule.version });
      }
      report.pushed += 1;
      continue;
    }
    const current =
      answer.status === 409
        ? scheduleOf((answer.body as { current?: unknown } | null)?.current)
        : null;
    if (current) {
      db.putSchedule(engineId, current);
      db.addConflict({
        id: randomUUID(),
        draftId: draft.id,
        engineId,
        scheduleId: draft.scheduleId,
        mine: draft.payload,
        theirs: current,
        detectedAt: now().toISOString(),
      });
      report.conflicts += 1;
      continue;
    }
    db.updateDraft(draft.id, { state: 'rejected', problem: messageOf(answer) });
    report.rejected += 1;
  }
  return report;
}
