import type { CompiledSchedule } from './compiledSchedule.js';
import { compiledLayerUserAt } from './rotation.js';
import type { OnCall } from './shifts.js';

/**
 * Who is on call at `t` in a compiled schedule, by direct lookup (not by rendering): the newest
 * override covering `t`, else the highest layer covering it, else nobody (null, a gap).
 */
export function onCallCompiled(schedule: CompiledSchedule, t: number): OnCall | null {
  const override = schedule.overrides.findLast((o) => o.start <= t && t < o.end);
  if (override)
    return { userId: override.userId, source: { kind: 'override', overrideId: override.id } };
  for (let i = schedule.layers.length - 1; i >= 0; i--) {
    const layer = schedule.layers[i]!;
    const userId = compiledLayerUserAt(layer, schedule.clock, t);
    if (userId !== null) return { userId, source: { kind: 'layer', layerId: layer.id } };
  }
  return null;
}
