import type { RequestArgs } from '../../../shared/ipc/ipcContract.js';
import type { PlanningView } from '../../../shared/ipc/ipcViews.js';
import { scheduleLimits } from '../../../shared/schedule/scheduleLimits.js';
import { isKnownTimeZone } from '../../../shared/schedule/scheduleModel.js';
import { fromLocalInput, toZonedInstant } from '../schedules/zonedTime.js';

/** The offline override form as typed: ids from the copy, times as `datetime-local` text. */
export interface OverrideFormFields {
  readonly scheduleId: string;
  readonly userId: string;
  /** `2026-03-29T09:00`, a wall-clock time in the schedule's zone. */
  readonly start: string;
  readonly end: string;
}

export const emptyOverrideForm: OverrideFormFields = {
  scheduleId: '',
  userId: '',
  start: '',
  end: '',
};

export type OverrideFormCheck =
  | { readonly ok: true; readonly args: RequestArgs<'draftOverride'> }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Checks the form against the offline copy before anything is sent, each problem as a sentence;
 * when it passes, the `draftOverride` arguments: the times as instants with the schedule zone's
 * offset and `baseVersion` the copy's version of the schedule (the push sends it, so a change
 * made on the engine meanwhile comes back as a conflict, not an overwrite).
 */
export function checkOverrideForm(
  fields: OverrideFormFields,
  copy: Pick<PlanningView, 'engineId' | 'schedules' | 'users'>,
  now: number,
): OverrideFormCheck {
  const problems: string[] = [];
  const schedule = copy.schedules.find((s) => s.id === fields.scheduleId);
  if (!fields.scheduleId) problems.push('Choose a schedule.');
  else if (!schedule) problems.push('That schedule is not in the offline copy; choose another.');
  if (!fields.userId) problems.push('Choose who takes the shift.');
  else if (!copy.users.some((u) => u.id === fields.userId))
    problems.push('That user is not in the offline copy; choose another.');
  const zone = schedule?.timeZone ?? 'UTC';
  const zoneKnown = isKnownTimeZone(zone);
  if (!zoneKnown)
    problems.push(
      `This app does not know the schedule's time zone ${zone}: update the app, or take the shift on the engine.`,
    );
  const start = zoneKnown ? fromLocalInput(fields.start, zone) : NaN;
  const end = zoneKnown ? fromLocalInput(fields.end, zone) : NaN;
  if (zoneKnown && Number.isNaN(start)) problems.push('Choose when the override starts.');
  if (zoneKnown && Number.isNaN(end)) problems.push('Choose when the override ends.');
  if (!Number.isNaN(start) && !Number.isNaN(end)) {
    if (end <= start) problems.push('The override must end after it starts.');
    else if (end <= now) problems.push('The override ends in the past: it would change nothing.');
    if (start < scheduleLimits.earliestInstantMs || end >= scheduleLimits.latestInstantMs)
      problems.push('Choose times between 1970 and 2200.');
  }
  if (schedule && schedule.version < 1)
    problems.push('The copy of this schedule has no version to base a draft on: refresh the copy.');
  if (schedule && schedule.overrides.length >= scheduleLimits.maxOverrides)
    problems.push(
      `The schedule already has ${scheduleLimits.maxOverrides} overrides, the most it may hold: delete past ones first.`,
    );
  if (problems.length > 0 || !schedule) return { ok: false, problems };
  return {
    ok: true,
    args: {
      engineId: copy.engineId,
      scheduleId: schedule.id,
      baseVersion: schedule.version,
      start: toZonedInstant(start, zone),
      end: toZonedInstant(end, zone),
      userId: fields.userId,
    },
  };
}
