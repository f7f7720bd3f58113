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
): Promise<SaveState> {
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
