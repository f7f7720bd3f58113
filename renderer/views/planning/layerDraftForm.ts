import type { LayerDraft, StoredSchedule } from '../../../shared/api/schedules.js';
import type { RequestArgs } from '../../../shared/ipc/ipcContract.js';
import type { PlanningView } from '../../../shared/ipc/ipcViews.js';
import { scheduleLimits } from '../../../shared/schedule/scheduleLimits.js';
import { isKnownTimeZone, type TurnUnit } from '../../../shared/schedule/scheduleModel.js';
import { validateSchedule } from '../../../shared/schedule/scheduleValidation.js';
import { fromLocalInput, toLocalInput, toZonedInstant } from '../schedules/zonedTime.js';
import {
  checkRestriction,
  restrictionFields,
  type RestrictionFields,
} from './restrictionFields.js';

/**
 * The offline layer form as typed: one layer of one schedule of the copy, its rotation (users in
 * order, turn length, a hand-off) and its restrictions. Sent as a whole-schedule edit
 * (`draftScheduleEdit`) on the copy's version of the schedule.
 */
export interface LayerFormFields {
  readonly scheduleId: string;
  readonly layerId: string;
  /** The rotation in order; a user may appear more than once. */
  readonly userIds: readonly string[];
  readonly turnUnit: TurnUnit;
  /** As typed: a whole number of `turnUnit`. */
  readonly turnLength: string;
  /** `2026-03-29T09:00`: a hand-off (a turn starts) on the schedule zone's wall clock. */
  readonly handoff: string;
  readonly restrictions: readonly RestrictionFields[];
}

export const emptyLayerForm: LayerFormFields = {
  scheduleId: '',
  layerId: '',
  userIds: [],
  turnUnit: 'days',
  turnLength: '1',
  handoff: '',
  restrictions: [],
};

const zoneOf = (schedule: StoredSchedule) =>
  isKnownTimeZone(schedule.timeZone) ? schedule.timeZone : 'UTC';

/** The form filled with a layer of the copy, as it is now; empty fields when there is none. */
export function layerFormFor(
  copy: Pick<PlanningView, 'schedules'>,
  scheduleId: string,
  layerId?: string,
): LayerFormFields {
  const schedule = copy.schedules.find((s) => s.id === scheduleId);
  if (!schedule) return { ...emptyLayerForm, scheduleId };
  const layer = schedule.layers.find((l) => l.id === layerId) ?? schedule.layers[0];
  if (!layer) return { ...emptyLayerForm, scheduleId };
  const anchor = Date.parse(layer.rotation.anchor);
  return {
    scheduleId,
    layerId: layer.id,
    userIds: [...layer.userIds],
    turnUnit: layer.rotation.turn.unit,
    turnLength: String(layer.rotation.turn.length),
    handoff: Number.isNaN(anchor) ? '' : toLocalInput(anchor, zoneOf(schedule)),
    restrictions: layer.restrictions.map(restrictionFields),
  };
}

/** The rotation with the user at `index` moved one place up (-1) or down (+1). */
export function moveUser(userIds: readonly string[], index: number, by: -1 | 1): string[] {
  const to = index + by;
  const next = [...userIds];
  if (index < 0 || index >= next.length || to < 0 || to >= next.length) return next;
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export const removeUser = (userIds: readonly string[], index: number): string[] =>
  userIds.filter((_, i) => i !== index);

export const addUser = (userIds: readonly string[], userId: string): string[] =>
  userId ? [...userIds, userId] : [...userIds];

export type LayerFormCheck =
  | { readonly ok: true; readonly args: RequestArgs<'draftScheduleEdit'> }
  | { readonly ok: false; readonly problems: readonly string[] };

const unitWords: Record<TurnUnit, string> = { hours: 'hours', days: 'days', weeks: 'weeks' };

/**
 * Checks the form against the offline copy, each problem as a sentence; when it passes, the
 * `draftScheduleEdit` arguments: the copy's schedule with this layer changed (its other layers
 * as they are, overrides left out so the engine keeps its own) and `baseVersion` the copy's
 * version, so a change made on the engine meanwhile comes back as a conflict. The changed
 * schedule also passes the shared schedule checks (the engine's own), against the copy's users.
 */
export function checkLayerForm(
  fields: LayerFormFields,
  copy: Pick<PlanningView, 'engineId' | 'schedules' | 'users'>,
): LayerFormCheck {
  const schedule = copy.schedules.find((s) => s.id === fields.scheduleId);
  if (!fields.scheduleId) return fail('Choose a schedule.');
  if (!schedule) return fail('That schedule is not in the offline copy; choose another.');
  const layer = schedule.layers.find((l) => l.id === fields.layerId);
  if (!layer)
    return fail(
      schedule.layers.length === 0
        ? 'This schedule has no layers to change: add one on the engine.'
        : 'Choose the layer to change.',
    );
  if (!isKnownTimeZone(schedule.timeZone))
    return fail(
      `This app does not know the schedule's time zone ${schedule.timeZone}: update the app, or change the layer on the engine.`,
    );
  if (schedule.version < 1)
    return fail('The copy of this schedule has no version to base a draft on: refresh the copy.');

  const problems: string[] = [];
  const known = new Set(copy.users.map((u) => u.id));
  if (fields.userIds.length === 0) problems.push('A layer needs at least one user.');
  if (fields.userIds.length > scheduleLimits.maxUsersPerLayer)
    problems.push(`A rotation has at most ${scheduleLimits.maxUsersPerLayer} entries.`);
  for (const userId of new Set(fields.userIds))
    if (!known.has(userId))
      problems.push(
        `User ${userId} is not among the copy's users (deleted since?): take them out of the rotation.`,
      );
  const length = Number(fields.turnLength.trim());
  const max = scheduleLimits.maxTurnLength[fields.turnUnit];
  if (!/^\d+$/.test(fields.turnLength.trim()) || length < 1)
    problems.push(`A turn lasts a whole number of ${unitWords[fields.turnUnit]}, at least 1.`);
  else if (length > max)
    problems.push(`A turn lasts at most ${max} ${unitWords[fields.turnUnit]} (about a year).`);
  const zone = schedule.timeZone;
  const handoff = fromLocalInput(fields.handoff, zone);
  if (Number.isNaN(handoff))
    problems.push('Choose a hand-off: a date and time at which a turn starts.');
  else if (handoff < scheduleLimits.earliestInstantMs || handoff >= scheduleLimits.latestInstantMs)
    problems.push('Choose a hand-off between 1970 and 2200.');
  if (fields.restrictions.length > scheduleLimits.maxRestrictionsPerLayer)
    problems.push(`A layer has at most ${scheduleLimits.maxRestrictionsPerLayer} restrictions.`);
  const restrictions = fields.restrictions.map((r, i) => checkRestriction(r, i + 1));
  for (const r of restrictions) if ('problems' in r) problems.push(...r.problems);
  if (problems.length > 0) return { ok: false, problems };

  const changed: LayerDraft = {
    ...layer,
    userIds: [...fields.userIds],
    rotation: {
      // The hand-off as the copy has it when it still names the same instant.
      anchor:
        Date.parse(layer.rotation.anchor) === handoff
          ? layer.rotation.anchor
          : toZonedInstant(handoff, zone),
      turn: { unit: fields.turnUnit, length },
    },
    restrictions: restrictions.flatMap((r) => ('restriction' in r ? [r.restriction] : [])),
  };
  if (JSON.stringify(changed) === JSON.stringify(layer))
    return fail('Nothing changed yet: change the users, the turns or the restrictions first.');
  const layers = schedule.layers.map((l) => (l.id === layer.id ? changed : l));
  // The model's fields only (the stored schedule's times are not part of it); overrides are not
  // sent, so theirs are the engine's business.
  const { id, name, timeZone, version } = schedule;
  const errors = validateSchedule({ id, name, timeZone, layers, overrides: [], version }, known)
    .filter((p) => p.severity === 'error')
    .map((p) => p.message);
  if (errors.length > 0) return { ok: false, problems: [...new Set(errors)] };
  return {
    ok: true,
    args: {
      engineId: copy.engineId,
      scheduleId: schedule.id,
      baseVersion: schedule.version,
      schedule: { name, timeZone, layers },
    },
  };
}

const fail = (problem: string): LayerFormCheck => ({ ok: false, problems: [problem] });
