import type { StoredSchedule } from '../../../shared/api/schedules.js';
import type { ScheduleTransport } from '../../transport/scheduleTransport.js';
import type { TransportError } from '../../transport/transport.js';
import type { OverrideDraft } from './overridePreview.js';
import { toZonedInstant } from './zonedTime.js';

/** Where saving (or deleting) an override stands, with the sentence the form shows. */
export type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly message: string }
  | { readonly kind: 'conflict'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

export const conflictMessage =
  'Someone else changed this schedule while you were editing, so your override was not saved. The calendar now shows their change; your draft is kept: check the preview and save again.';

/**
 * A 409 on changing (moving or resizing) an override: the delete was refused, so nothing changed.
 * The editor then bases the draft on the schedule as it is now (./useOverrideEditor.ts).
 */
export const changeConflictMessage =
  'Not saved: someone else changed this schedule after you began changing this override, so nothing was changed. The calendar now shows the schedule as it is, with your change as a preview: check it and save again, or cancel it (Escape, or "Discard draft").';

export const deleteConflictMessage =
  'Someone else changed this schedule meanwhile, so the override was not deleted. The calendar now shows their change: delete it again if it is still there.';

function isConflict(error: TransportError): boolean {
  return error.code === 'version_conflict' || error.status === 409;
}

/**
 * Saves `draft` on `schedule`, based on the version the console holds (optimistic concurrency:
 * a schedule changed since answers 409 and nothing is saved). Instants are sent with the
 * schedule's offset, as people read them. Resolves with the state to show; the caller keeps the
 * draft unless the state is `saved`.
 */
export async function saveOverrideDraft(
  transport: ScheduleTransport,
  schedule: StoredSchedule,
  draft: OverrideDraft,
): Promise<Extract<SaveState, { kind: 'saved' | 'conflict' | 'error' }>> {
  const result = await transport.createOverride(schedule.id, {
    start: toZonedInstant(draft.start, schedule.timeZone),
    end: toZonedInstant(draft.end, schedule.timeZone),
    userId: draft.userId,
    version: schedule.version,
  });
  if (result.ok) return { kind: 'saved', message: 'Override saved.' };
  if (isConflict(result.error)) return { kind: 'conflict', message: conflictMessage };
  return { kind: 'error', message: result.error.message };
}

/** Gives an override back (deletes it), based on the version the console holds. */
export async function deleteOverride(
  transport: ScheduleTransport,
  schedule: StoredSchedule,
  overrideId: string,
): Promise<SaveState> {
  const result = await transport.deleteOverride(schedule.id, overrideId, schedule.version);
  if (result.ok) return { kind: 'saved', message: 'Override deleted.' };
  if (isConflict(result.error)) return { kind: 'conflict', message: deleteConflictMessage };
  return { kind: 'error', message: result.error.message };
}

/** What changing an override came to; `deleted`: the old one is gone (the draft is now new). */
export interface ReplaceOutcome {
  readonly state: SaveState;
  readonly deleted: boolean;
}

/**
 * Changes (moves or resizes) override `overrideId` to `draft`: the API has no change of an
 * override, so it is deleted, based on `baseVersion` (the version the change was begun on;
 * the schedule's by default), and the draft created on the version that answer carries. A 409
 * on the delete changes nothing. Should the create then fail, the old override is gone: the
 * state says so and the draft stays, to be saved as a new override.
 */
export async function replaceOverride(
  transport: ScheduleTransport,
  schedule: StoredSchedule,
  overrideId: string,
  draft: OverrideDraft,
  baseVersion: number = schedule.version,
): Promise<ReplaceOutcome> {
  const removed = await transport.deleteOverride(schedule.id, overrideId, baseVersion);
  if (!removed.ok) {
    if (isConflict(removed.error))
      return { state: { kind: 'conflict', message: changeConflictMessage }, deleted: false };
    return { state: { kind: 'error', message: removed.error.message }, deleted: false };
  }
  const saved = await saveOverrideDraft(transport, removed.value, draft);
  if (saved.kind === 'saved')
    return { state: { kind: 'saved', message: 'Override changed.' }, deleted: true };
  return {
    state: {
      kind: 'error',
      message: `The old override was deleted, but the changed one was not saved (${
        saved.kind === 'conflict'
          ? 'someone else changed the schedule at that moment'
          : saved.message
      }). Your change is kept as a new override: check the preview and save it again.`,
    },
    deleted: true,
  };
}
