/**
 * What resolution answers: who is on call, and why. Times are epoch milliseconds; intervals are
 * half-open, [start, end). `toZonedIso` (instant.ts) turns them into ISO text for display.
 */

/** Why someone is on call: an override, or their turn in a layer's rotation. */
export type ShiftSource =
  | { readonly kind: 'override'; readonly overrideId: string }
  | { readonly kind: 'layer'; readonly layerId: string };

/** Who is on call at an instant. */
export interface OnCall {
  readonly userId: string;
  readonly source: ShiftSource;
}

/** A stretch of time with one person on call for one reason. */
export interface Shift extends OnCall {
  readonly kind: 'shift';
  readonly start: number;
  readonly end: number;
}

/** A stretch of time with nobody on call: escalation skips such a level at once. */
export interface Gap {
  readonly kind: 'gap';
  readonly start: number;
  readonly end: number;
}

/** One layer's lane of a rendered schedule: where the layer would put someone on call. */
export interface LayerLane {
  readonly layerId: string;
  readonly shifts: readonly Shift[];
}

/**
 * A schedule rendered over [from, to): a lane per layer (in the schedule's order, including what
 * higher layers and overrides hide), the overrides lane (only the parts each override wins), and
 * the final lane, which covers [from, to) exactly, without overlaps, gaps included.
 */
export interface RenderedSchedule {
  readonly from: number;
  readonly to: number;
  readonly layers: readonly LayerLane[];
  readonly overrides: readonly Shift[];
  readonly final: readonly (Shift | Gap)[];
}

/** Whether two sources are the same layer or the same override. */
export function sameSource(a: ShiftSource, b: ShiftSource): boolean {
  return a.kind === 'layer'
    ? b.kind === 'layer' && a.layerId === b.layerId
    : b.kind === 'override' && a.overrideId === b.overrideId;
}

/**
 * Appends `piece` to `pieces`, merging it into the last piece when they touch and say the same
 * thing (both gaps, or the same user from the same source). Every lane is built with it, so
 * rendering [a, c) equals rendering [a, b) and [b, c) joined with it.
 */
export function appendMerged<T extends Shift | Gap>(pieces: T[], piece: T): void {
  if (piece.end <= piece.start) return;
  const last = pieces[pieces.length - 1];
  if (last && last.end === piece.start && samePerson(last, piece)) {
    pieces[pieces.length - 1] = { ...last, end: piece.end };
  } else {
    pieces.push(piece);
  }
}

function samePerson(a: Shift | Gap, b: Shift | Gap): boolean {
  if (a.kind === 'gap' || b.kind === 'gap') return a.kind === b.kind;
  return a.userId === b.userId && sameSource(a.source, b.source);
}
