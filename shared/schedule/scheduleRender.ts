import type { CompiledOverride, CompiledSchedule } from './compiledSchedule.js';
import { renderLayer } from './layerRender.js';
import { appendMerged, type Gap, type RenderedSchedule, type Shift } from './shifts.js';

/** Sorted distinct instants: the edges of every piece plus the range's own. */
function edgesOf(from: number, to: number, lanes: readonly (readonly Shift[])[]): number[] {
  const edges = [from, to];
  for (const lane of lanes) for (const shift of lane) edges.push(shift.start, shift.end);
  edges.sort((a, b) => a - b);
  return edges.filter((edge, i) => i === 0 || edge !== edges[i - 1]);
}

/**
 * The parts of [from, to) each override wins: among overlapping overrides the newest. The
 * overrides come in priority order (oldest first), so the last one covering an instant wins.
 */
export function renderOverrides(
  overrides: readonly CompiledOverride[],
  from: number,
  to: number,
): Shift[] {
  const relevant = overrides.filter((o) => o.start < to && o.end > from && o.start < o.end);
  const edges = [from, to];
  for (const o of relevant) edges.push(Math.max(from, o.start), Math.min(to, o.end));
  edges.sort((a, b) => a - b);
  const shifts: Shift[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i]!;
    const end = edges[i + 1]!;
    if (start === end) continue;
    const winner = relevant.findLast((o) => o.start <= start && start < o.end);
    if (winner) {
      const source = { kind: 'override', overrideId: winner.id } as const;
      appendMerged(shifts, { kind: 'shift', start, end, userId: winner.userId, source });
    }
  }
  return shifts;
}

/**
 * Renders a compiled schedule over [from, to) (see RenderedSchedule). The caller has checked
 * the range. The final lane takes, piece by piece, the override lane if it has someone, else the
 * highest layer that does, else a gap.
 */
export function renderCompiled(
  schedule: CompiledSchedule,
  from: number,
  to: number,
): RenderedSchedule {
  const { clock } = schedule;
  const layers = schedule.layers.map((layer) => ({
    layerId: layer.id,
    shifts: from < to ? renderLayer(layer, clock, from, to) : [],
  }));
  const overrides = renderOverrides(schedule.overrides, from, to);
  // Highest priority first: overrides, then layers from the last added down.
  const lanes = [overrides, ...layers.map((lane) => lane.shifts).reverse()];
  const cursors = lanes.map(() => 0);
  const final: (Shift | Gap)[] = [];
  const edges = edgesOf(from, to, lanes);
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i]!;
    const end = edges[i + 1]!;
    let winner: Shift | undefined;
    for (let l = 0; l < lanes.length && !winner; l++) {
      const lane = lanes[l]!;
      let c = cursors[l]!;
      while (c < lane.length && lane[c]!.end <= start) c++;
      cursors[l] = c;
      const shift = lane[c];
      if (shift && shift.start <= start) winner = shift;
    }
    appendMerged<Shift | Gap>(
      final,
      winner ? { ...winner, start, end } : { kind: 'gap', start, end },
    );
  }
  return { from, to, layers, overrides, final };
}
