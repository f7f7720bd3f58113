import { z } from 'zod';
import type { StoredSchedule } from '../../../shared/api/schedules.js';
import type { User } from '../../../shared/domain/user.js';
import type { DraftView, PlanningView } from '../../../shared/ipc/ipcViews.js';
import { isKnownTimeZone } from '../../../shared/schedule/scheduleModel.js';
import { formatRange } from '../schedules/zonedTime.js';
import { describeScheduleEdit } from './scheduleEditText.js';

/** The payload of an override draft (main/planning/offlinePlanner.ts): the POST body. */
const OverridePayload = z.object({ start: z.string(), end: z.string(), userId: z.string() });
export type OverridePayload = z.infer<typeof OverridePayload>;

/** An override draft's payload, or null when it is not one (a newer app's shape). */
export function overridePayload(payload: unknown): OverridePayload | null {
  const parsed = OverridePayload.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

/** The zone to show a schedule's times in: its own, or UTC when this runtime does not know it. */
export function displayZone(schedule: StoredSchedule | undefined): string {
  return schedule && isKnownTimeZone(schedule.timeZone) ? schedule.timeZone : 'UTC';
}

/** A user's name from the copy; an id the copy does not know reads "user <id>". */
export function userNameIn(users: readonly User[]): (userId: string) => string {
  const names = new Map(users.map((u) => [u.id, u.name]));
  return (userId) => names.get(userId) ?? `user ${userId}`;
}

/** "Ana on call Sun 29 Mar 09:00 – 17:00 (Europe/Berlin)". */
export function describeOverride(
  override: OverridePayload,
  timeZone: string,
  userName: (userId: string) => string,
): string {
  const start = Date.parse(override.start);
  const end = Date.parse(override.end);
  const when =
    Number.isNaN(start) || Number.isNaN(end)
      ? `${override.start} – ${override.end}`
      : `${formatRange(start, end, timeZone)} (${timeZone})`;
  return `${userName(override.userId)} on call ${when}`;
}

export interface DraftDescription {
  readonly scheduleName: string;
  /** What the draft does, as a sentence fragment. */
  readonly what: string;
  readonly basedOn: string;
  readonly state: DraftView['state'];
  /** Why it is stuck (conflict, rejected); null while pending. */
  readonly problem: string | null;
}

/** One draft as the drafts list shows it, names and times from the offline copy. */
export function describeDraft(
  draft: DraftView,
  copy: Pick<PlanningView, 'schedules' | 'users'>,
): DraftDescription {
  const schedule = copy.schedules.find((s) => s.id === draft.scheduleId);
  const scheduleName = schedule?.name ?? `Schedule ${draft.scheduleId} (not in the offline copy)`;
  return {
    scheduleName,
    what: whatItDoes(draft, schedule, scheduleName, userNameIn(copy.users)),
    basedOn: `based on version ${draft.baseVersion}`,
    state: draft.state,
    problem: problemOf(draft),
  };
}

function whatItDoes(
  draft: DraftView,
  schedule: StoredSchedule | undefined,
  scheduleName: string,
  userName: (userId: string) => string,
): string {
  if (draft.kind === 'schedule')
    return describeScheduleEdit(draft.payload, schedule, scheduleName, userName);
  const override = overridePayload(draft.payload);
  if (!override) return 'an override this version of the app cannot read';
  return `override: ${describeOverride(override, displayZone(schedule), userName)}`;
}

function problemOf(draft: DraftView): string | null {
  switch (draft.state) {
    case 'pending':
      return null;
    case 'conflict':
      return (
        draft.problem ??
        'Someone changed the schedule after this draft was made: choose which side stays under Conflicts.'
      );
    case 'rejected':
      return `The engine refused it: ${asSentence(draft.problem ?? 'no reason given')} Discard it, or draft it again differently.`;
  }
}

const asSentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
