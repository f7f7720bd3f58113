import type { StoredSchedule } from '../../shared/api/schedules.js';
import type { ConflictView, DraftView, PlanningView } from '../../shared/ipc/ipcViews.js';
import { berlinSchedule } from '../helpers/wireFixtures.js';
import { user } from './fixtures.js';

/** The offline copy the planning tests share: one Berlin schedule, three users. */

export const users = [user('ana', 'Ana'), user('ben', 'Ben'), user('chloe', 'Chloe')];

/** Berlin, a daily rotation handing off at 09:00 local (Ana, Ben, Chloe), at version 3. */
export const berlin: StoredSchedule = berlinSchedule;

export function copyOf(more: Partial<PlanningView> = {}): PlanningView {
  return {
    engineId: 'embedded',
    schedules: [berlin],
    users,
    drafts: [],
    conflicts: [],
    syncedAt: '2026-03-28T10:00:00.000Z',
    ...more,
  };
}

export function draft(more: Partial<DraftView> = {}): DraftView {
  return {
    id: 'd1',
    engineId: 'embedded',
    scheduleId: 'noc',
    kind: 'override',
    baseVersion: 3,
    payload: {
      start: '2026-03-29T09:00:00+02:00',
      end: '2026-03-29T17:00:00+02:00',
      userId: 'ben',
    },
    createdAt: '2026-03-28T11:00:00.000Z',
    state: 'pending',
    problem: null,
    ...more,
  };
}

export function conflict(mine: unknown, theirs: StoredSchedule): ConflictView {
  return {
    id: 'c1',
    draftId: 'd1',
    engineId: 'embedded',
    scheduleId: theirs.id,
    mine,
    theirs,
    detectedAt: '2026-03-29T08:00:00.000Z',
  };
}
