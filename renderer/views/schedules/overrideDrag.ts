import { snapToLocal } from './laneLayout.js';

/** What a drag on an override does: move it whole, or move its start or its end. */
export type OverrideDragMode = 'move' | 'start' | 'end';

export interface TimeRange {
  readonly start: number;
  readonly end: number;
}

/** Width of the grip at each end of a block, in pixels; narrow blocks get a quarter each. */
const gripPx = 8;

/**
 * The mode of a drag that starts `x` pixels into a block `width` pixels wide: near an edge it
 * resizes, elsewhere it moves. A block narrower than four grips is gripped a quarter each side.
 */
export function dragModeAt(x: number, width: number): OverrideDragMode {
  const grip = Math.min(gripPx, width / 4);
  if (x <= grip) return 'start';
  if (x >= width - grip) return 'end';
  return 'move';
}

/**
 * The range an override takes while dragged: `original` moved (or one edge of it) by the
 * pointer's travel from `grabbedAt` to `pointerAt`, snapped to whole `stepMinutes` of the wall
 * clock of `timeZone`, as a new override's drag is. A move keeps the length (in real time: an
 * 8-hour shift stays 8 hours across a clock change); a resize keeps at least one step, so an
 * edge never passes the other.
 */
export function draggedRange(
  original: TimeRange,
  mode: OverrideDragMode,
  grabbedAt: number,
  pointerAt: number,
  stepMinutes: number,
  timeZone: string,
): TimeRange {
  const delta = pointerAt - grabbedAt;
  const step = stepMinutes * 60_000;
  if (mode === 'move') {
    const start = snapToLocal(original.start + delta, stepMinutes, timeZone);
    return { start, end: start + (original.end - original.start) };
  }
  if (mode === 'start') {
    const start = snapToLocal(original.start + delta, stepMinutes, timeZone);
    return { start: Math.min(start, original.end - step), end: original.end };
  }
  const end = snapToLocal(original.end + delta, stepMinutes, timeZone);
  return { start: original.start, end: Math.max(end, original.start + step) };
}

/** Whether two ranges are the same (a drag that ends where it began changes nothing). */
export function sameRange(a: TimeRange, b: TimeRange): boolean {
  return a.start === b.start && a.end === b.end;
}

/**
 * The override behind a block of the overrides lane: a saved one by id, or the draft (which the
 * preview shows under `draftId`), as a drag takes it; null for anything else.
 */
export function overrideToDrag(
  id: string,
  overrides: ReadonlyArray<{ id: string; start: string; end: string; userId: string }>,
  draft: (TimeRange & { readonly userId: string }) | null,
  draftId: string,
): (TimeRange & { readonly id: string; readonly userId: string }) | null {
  if (id === draftId)
    return draft && { id, start: draft.start, end: draft.end, userId: draft.userId };
  const found = overrides.find((o) => o.id === id);
  if (!found) return null;
  return { id, start: Date.parse(found.start), end: Date.parse(found.end), userId: found.userId };
}
