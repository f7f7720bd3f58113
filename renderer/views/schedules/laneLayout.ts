import { DateTime } from 'luxon';
import type { Gap, Shift, ShiftSource } from '../../../shared/schedule/index.js';

/** A shift or a gap, placed on a lane of a calendar window. */
export interface LaneBlock {
  readonly key: string;
  readonly kind: 'shift' | 'gap';
  /** The piece's own [start, end), before clipping to the window. */
  readonly start: number;
  readonly end: number;
  /** Null for a gap. */
  readonly userId: string | null;
  readonly source: ShiftSource | null;
  /** Position and width on the lane, in percent of the window. */
  readonly leftPct: number;
  readonly widthPct: number;
  /** The piece goes on before the window starts / after it ends. */
  readonly continuesBefore: boolean;
  readonly continuesAfter: boolean;
}

/**
 * Lays the pieces of one lane (rendered by shared/schedule for [from, to) or any wider range) out
 * on a time axis that runs linearly from `from` to `to`: a 23-hour day is narrower than a 25-hour
 * one, as it is shorter. Pieces outside the window are left out; sorted by start.
 */
export function layoutLane(
  pieces: readonly (Shift | Gap)[],
  from: number,
  to: number,
): LaneBlock[] {
  const span = to - from;
  if (span <= 0) return [];
  const blocks: LaneBlock[] = [];
  for (const piece of pieces) {
    const start = Math.max(piece.start, from);
    const end = Math.min(piece.end, to);
    if (end <= start) continue;
    const isShift = piece.kind === 'shift';
    blocks.push({
      key: `${piece.kind}:${piece.start}:${isShift ? piece.userId : ''}:${isShift ? sourceKey(piece.source) : ''}`,
      kind: piece.kind,
      start: piece.start,
      end: piece.end,
      userId: isShift ? piece.userId : null,
      source: isShift ? piece.source : null,
      leftPct: ((start - from) / span) * 100,
      widthPct: ((end - start) / span) * 100,
      continuesBefore: piece.start < from,
      continuesAfter: piece.end > to,
    });
  }
  return blocks.sort((a, b) => a.start - b.start);
}

export function sourceKey(source: ShiftSource): string {
  return source.kind === 'layer' ? `layer:${source.layerId}` : `override:${source.overrideId}`;
}

/** Where instant `t` lies on the window, in percent; null outside [from, to]. */
export function positionPct(t: number, from: number, to: number): number | null {
  if (t < from || t > to || to <= from) return null;
  return ((t - from) / (to - from)) * 100;
}

/** The instant at `fraction` (0…1, clamped) of the window. */
export function instantAt(fraction: number, from: number, to: number): number {
  const f = Math.min(1, Math.max(0, fraction));
  return Math.round(from + f * (to - from));
}

/**
 * `t` rounded to the nearest whole `stepMinutes` of the wall clock of `timeZone` (a local
 * 15 minutes, or a local hour). A rounded time the clocks skip moves to the first that exists.
 */
export function snapToLocal(t: number, stepMinutes: number, timeZone: string): number {
  const dt = DateTime.fromMillis(t, { zone: timeZone });
  const dayStart = dt.startOf('day');
  const minutes = dt.hour * 60 + dt.minute + dt.second / 60;
  const rounded = Math.round(minutes / stepMinutes) * stepMinutes;
  if (rounded >= 24 * 60) return dayStart.plus({ days: 1 }).toMillis();
  return dayStart.set({ hour: Math.floor(rounded / 60), minute: rounded % 60 }).toMillis();
}

/** The snap step of a view: fine in a day, coarse in a month. */
export function snapMinutes(view: 'day' | 'week' | 'month'): number {
  return view === 'day' ? 15 : view === 'week' ? 30 : 60;
}
