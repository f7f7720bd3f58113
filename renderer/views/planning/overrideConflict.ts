import type { StoredSchedule } from '../../../shared/api/schedules.js';
import { describeOverride, type OverridePayload } from './draftDescription.js';

/** How far around the drafted override the engine's overrides are shown. */
export const aroundMs = 12 * 3_600_000;

export interface OverrideAround {
  readonly id: string;
  /** "Ben on call Sun 29 Mar 09:00 – 17:00 (Europe/Berlin)". */
  readonly text: string;
  /** It overlaps the drafted override itself (not only the hours around it). */
  readonly overlaps: boolean;
}

/**
 * The engine's overrides near a drafted one — overlapping [start − 12 h, end + 12 h) — in time
 * order, for the conflict's "the engine's now" column: usually someone took the same shift, or
 * one next to it, while this copy was offline.
 */
export function overridesAround(
  mine: OverridePayload,
  theirs: StoredSchedule,
  timeZone: string,
  userName: (userId: string) => string,
): OverrideAround[] {
  const start = Date.parse(mine.start);
  const end = Date.parse(mine.end);
  if (Number.isNaN(start) || Number.isNaN(end)) return [];
  return theirs.overrides
    .map((o) => ({ o, from: Date.parse(o.start), to: Date.parse(o.end) }))
    .filter(({ from, to }) => from < end + aroundMs && to > start - aroundMs)
    .sort((a, b) => a.from - b.from || a.o.createdAt.localeCompare(b.o.createdAt))
    .map(({ o, from, to }) => ({
      id: o.id,
      text: describeOverride(o, timeZone, userName),
      overlaps: from < end && to > start,
    }));
}
