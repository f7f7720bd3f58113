import type { CompiledLayer, LocalWindows } from './compiledSchedule.js';
import { appendMerged, type Shift, type ShiftSource } from './shifts.js';
import { floorDiv, mod } from './timeUnits.js';
import type { ZoneClock } from './zoneClock.js';

/*
 * Rendering steps from one boundary to the next (turn hand-offs, restriction edges) and converts
 * only those that fall inside the range, so a month costs a few hundred conversions whatever the
 * turn length. Which local boundaries fall inside [from, to) is decided on the high-water wall
 * clock: boundary w is reached by instant t exactly when highWaterLocal(t) >= w.
 */

interface Interval {
  readonly start: number;
  readonly end: number;
}

interface Turn extends Interval {
  readonly index: number;
}

/** The rotation's turns over [from, to), clipped to it. */
function turnsOver(layer: CompiledLayer, clock: ZoneClock, from: number, to: number): Turn[] {
  const { kind, origin, length } = layer.turn;
  const turns: Turn[] = [];
  // Position on the turn's own axis (instants for fixed turns, the wall clock for local ones).
  const lowPosition = kind === 'fixed' ? from : clock.highWaterLocal(from);
  const highPosition = kind === 'fixed' ? to - 1 : clock.highWaterLocal(to - 1);
  let index = floorDiv(lowPosition - origin, length);
  let start = from;
  for (;;) {
    const next = origin + (index + 1) * length;
    if (next > highPosition) break;
    const handoff = kind === 'fixed' ? next : clock.instantOf(next);
    // A turn swallowed whole by a skipped local day is empty: nobody holds it.
    if (handoff > start) turns.push({ start, end: handoff, index });
    start = Math.max(start, handoff);
    index += 1;
  }
  turns.push({ start, end: to, index });
  return turns;
}

/** The instants of one restriction's windows that meet [from, to), clipped to it. */
function windowsOver(
  windows: LocalWindows,
  clock: ZoneClock,
  from: number,
  to: number,
  out: Interval[],
): void {
  const { phase, period, length } = windows;
  const low = clock.highWaterLocal(from);
  const high = clock.highWaterLocal(to - 1);
  // Window k is [phase + k·period, … + length) on the wall clock: the first one ending after
  // `low`, up to the last one starting at or before `high`.
  for (let k = floorDiv(low - phase - length, period) + 1; phase + k * period <= high; k++) {
    const localStart = phase + k * period;
    const localEnd = localStart + length;
    const start = localStart <= low ? from : clock.instantOf(localStart);
    const end = localEnd > high ? to : clock.instantOf(localEnd);
    if (end > start) out.push({ start, end });
  }
}

/** The union of a layer's restriction windows over [from, to), sorted. */
function coveredOver(layer: CompiledLayer, clock: ZoneClock, from: number, to: number): Interval[] {
  if (!layer.restricted) return [{ start: from, end: to }];
  const pieces: Interval[] = [];
  for (const windows of layer.windows) windowsOver(windows, clock, from, to, pieces);
  pieces.sort((a, b) => a.start - b.start);
  const union: Interval[] = [];
  for (const piece of pieces) {
    const last = union[union.length - 1];
    if (last && piece.start <= last.end)
      union[union.length - 1] = { start: last.start, end: Math.max(last.end, piece.end) };
    else union.push(piece);
  }
  return union;
}

/**
 * The shifts of one layer over [from, to): its rotation within its own [start, end) and its
 * restrictions, clipped to the range, adjacent equal pieces merged.
 */
export function renderLayer(
  layer: CompiledLayer,
  clock: ZoneClock,
  from: number,
  to: number,
): Shift[] {
  const start = Math.max(from, layer.start);
  const end = Math.min(to, layer.end);
  if (start >= end) return [];
  const turns = turnsOver(layer, clock, start, end);
  const covered = coveredOver(layer, clock, start, end);
  const source: ShiftSource = { kind: 'layer', layerId: layer.id };
  const users = layer.userIds;
  const shifts: Shift[] = [];
  // Both lists are sorted and without overlaps: intersect them in one pass.
  let i = 0;
  let j = 0;
  while (i < turns.length && j < covered.length) {
    const turn = turns[i]!;
    const window = covered[j]!;
    const pieceStart = Math.max(turn.start, window.start);
    const pieceEnd = Math.min(turn.end, window.end);
    if (pieceStart < pieceEnd) {
      const userId = users[mod(turn.index, users.length)]!;
      appendMerged(shifts, { kind: 'shift', start: pieceStart, end: pieceEnd, userId, source });
    }
    if (turn.end <= window.end) i++;
    else j++;
  }
  return shifts;
}
