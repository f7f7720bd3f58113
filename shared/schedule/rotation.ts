import { compileLayer, inWindows, type CompiledLayer } from './compiledSchedule.js';
import type { Layer } from './scheduleModel.js';
import { checkInstant } from './scheduleRange.js';
import { floorDiv, mod } from './timeUnits.js';
import { ZoneClock } from './zoneClock.js';

/*
 * Point-in-time questions about one layer, answered by formula rather than by stepping through
 * turns: a turn index is floor((t − anchor) / turn) with, for days and weeks, both sides read on
 * the wall clock. This is deliberately a different computation from the renderer's, so that the
 * tests comparing the two mean something.
 */

/** The index of the turn in effect at instant `t` (negative before the anchor). */
export function turnIndexAt(layer: CompiledLayer, clock: ZoneClock, t: number): number {
  const { kind, origin, length } = layer.turn;
  const position = kind === 'fixed' ? t : clock.highWaterLocal(t);
  return floorDiv(position - origin, length);
}

/** Whether the compiled layer puts someone on call at `t` (its span and its restrictions). */
export function layerCoversAt(layer: CompiledLayer, clock: ZoneClock, t: number): boolean {
  if (t < layer.start || t >= layer.end) return false;
  if (!layer.restricted) return true;
  const local = clock.highWaterLocal(t);
  return layer.windows.some((windows) => inWindows(windows, local));
}

/** The user of the compiled layer at `t`, or null where the layer does not cover `t`. */
export function compiledLayerUserAt(
  layer: CompiledLayer,
  clock: ZoneClock,
  t: number,
): string | null {
  if (!layerCoversAt(layer, clock, t)) return null;
  return layer.userIds[mod(turnIndexAt(layer, clock, t), layer.userIds.length)]!;
}

/**
 * Who `layer` puts on call at instant `t` (epoch ms) when its schedule is in `timeZone`, or null
 * when `t` is outside the layer's [start, end) or outside all of its restrictions. Restrictions
 * only mask time: the rotation keeps turning behind them.
 */
export function layerUserAt(layer: Layer, timeZone: string, t: number): string | null {
  checkInstant(t);
  const clock = new ZoneClock(timeZone);
  return compiledLayerUserAt(compileLayer(layer, clock), clock, t);
}

/** One turn of a rotation, regardless of the layer's span and restrictions. */
export interface RotationTurn {
  /** Turn 0 starts at the anchor; earlier turns have negative indices. */
  readonly index: number;
  readonly userId: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The turn of `layer`'s rotation that contains instant `t`, with its hand-off instants: for
 * "on call until …" and for the rotation editor's preview.
 */
export function rotationTurnAt(layer: Layer, timeZone: string, t: number): RotationTurn {
  checkInstant(t);
  const clock = new ZoneClock(timeZone);
  const compiled = compileLayer(layer, clock);
  const index = turnIndexAt(compiled, clock, t);
  const { kind, origin, length } = compiled.turn;
  const boundary = (k: number) =>
    kind === 'fixed' ? origin + k * length : clock.instantOf(origin + k * length);
  return {
    index,
    userId: compiled.userIds[mod(index, compiled.userIds.length)]!,
    start: boundary(index),
    end: boundary(index + 1),
  };
}
