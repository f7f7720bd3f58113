import type { StoredSchedule } from '../../../shared/api/schedules.js';
import { diffScheduleEdit, type DiffRow } from './scheduleDiff.js';

/** The most changes a draft's line lists; the rest are counted. */
const shownChanges = 3;

/**
 * A schedule-edit draft in the drafts list: "edit of NOC primary", its new name if it renames,
 * then what it changes compared with the offline copy — `layer "Daily" users: Ana, Ben, Chloe →
 * Ben, Ana, Chloe` — in the words of the conflict's comparison (./scheduleDiff.ts).
 */
export function describeScheduleEdit(
  payload: unknown,
  schedule: StoredSchedule | undefined,
  scheduleName: string,
  userName: (userId: string) => string,
): string {
  const renamed = (payload as { name?: unknown } | null)?.name;
  const head =
    typeof renamed === 'string' && schedule && renamed !== schedule.name
      ? `edit of ${scheduleName} (renamed to "${renamed}")`
      : `edit of ${scheduleName}`;
  if (!schedule) return head;
  const diff = diffScheduleEdit(payload, schedule, userName);
  if (!diff.ok) return head;
  // The name is in the head; layers added or removed have their own lines.
  const changes = diff.rows.filter((r) => r.label !== 'Name' && r.label !== 'Layers').map(change);
  if (changes.length === 0) return head;
  const more = changes.length - shownChanges;
  const rest = more > 0 ? `; ${more} more change${more === 1 ? '' : 's'}` : '';
  return `${head}: ${changes.slice(0, shownChanges).join('; ')}${rest}`;
}

/** One row of the comparison as "what: before → after" (before: the copy's). */
function change(row: DiffRow): string {
  const what = row.label.charAt(0).toLowerCase() + row.label.slice(1);
  if (row.mine === 'only in your draft') return `${what} added`;
  if (row.theirs === 'only on the engine') return `${what} removed`;
  return `${what.replace(/": /, '" ')}: ${row.theirs} → ${row.mine}`;
}
