import { parseInstant } from './instant.js';
import { error, InvalidScheduleError, type ScheduleProblem } from './scheduleProblems.js';
import type { Layer, Override, Restriction, Schedule } from './scheduleModel.js';
import { dayMs, hourMs, minuteMs, mod, weekMs } from './timeUnits.js';
import type { ZoneClock } from './zoneClock.js';

/**
 * A schedule in the numeric form resolution works on: instants as epoch milliseconds, the
 * rotation and restrictions as arithmetic progressions of local (wall-clock) values. Compiling
 * parses every string once, so the resolvers never touch them again.
 */

/** Windows `[phase + k·period, phase + k·period + length)` of local time, for every integer k. */
export interface LocalWindows {
  readonly phase: number;
  readonly period: number;
  readonly length: number;
}

/**
 * Turn k starts at `origin + k·length`: an instant for `fixed` (hours) turns, a local value for
 * `local` (days, weeks) turns, which hand off at the same wall-clock time every day or week.
 */
export interface CompiledTurn {
  readonly kind: 'fixed' | 'local';
  readonly origin: number;
  readonly length: number;
}

export interface CompiledLayer {
  readonly id: string;
  readonly start: number;
  /** `Infinity` when the layer never ends. */
  readonly end: number;
  readonly userIds: readonly string[];
  readonly turn: CompiledTurn;
  /** False: no restrictions, the layer covers all of [start, end). */
  readonly restricted: boolean;
  /** The non-empty restriction windows (a zero-length restriction masks everything). */
  readonly windows: readonly LocalWindows[];
}

export interface CompiledOverride {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly userId: string;
}

export interface CompiledSchedule {
  readonly clock: ZoneClock;
  /** In priority order, lowest first. */
  readonly layers: readonly CompiledLayer[];
  /** In priority order, lowest first: oldest `createdAt` first, equal times by id. */
  readonly overrides: readonly CompiledOverride[];
}

/** 1970-01-05, the first Monday of the epoch, as a local value: weekly windows count from it. */
const firstMonday = 4 * dayMs;

/** Minutes since midnight of an `HH:mm` time. */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The local windows of one restriction. */
export function windowsOf(restriction: Restriction): LocalWindows {
  if (restriction.kind === 'daily') {
    const start = minutesOf(restriction.start);
    const length = mod(minutesOf(restriction.end) - start, 24 * 60);
    return { phase: start * minuteMs, period: dayMs, length: length * minuteMs };
  }
  const start = (restriction.startDay - 1) * 24 * 60 + minutesOf(restriction.start);
  const end = (restriction.endDay - 1) * 24 * 60 + minutesOf(restriction.end);
  const length = mod(end - start, 7 * 24 * 60);
  return { phase: firstMonday + start * minuteMs, period: weekMs, length: length * minuteMs };
}

/** Whether local value `local` lies in one of the windows. */
export function inWindows(windows: LocalWindows, local: number): boolean {
  return mod(local - windows.phase, windows.period) < windows.length;
}

const unitMs = { hours: hourMs, days: dayMs, weeks: weekMs } as const;

/**
 * Compiles one layer for the zone of `clock`. Throws InvalidScheduleError on what would make
 * resolution meaningless (unparsable instants, an empty rotation, a turn that is not positive);
 * validateSchedule reports those and more, with friendlier wording.
 */
export function compileLayer(layer: Layer, clock: ZoneClock, path = 'layer'): CompiledLayer {
  const problems: ScheduleProblem[] = [];
  const instant = (text: string, field: string): number => {
    const ms = parseInstant(text);
    if (Number.isNaN(ms))
      problems.push(error(`${path}.${field}`, 'malformed_instant', 'Not an RFC 3339 instant.'));
    return ms;
  };
  const start = instant(layer.start, 'start');
  const end = layer.end === null ? Infinity : instant(layer.end, 'end');
  const anchor = instant(layer.rotation.anchor, 'rotation.anchor');
  const { unit, length } = layer.rotation.turn;
  if (!Number.isInteger(length) || length < 1 || !(unit in unitMs)) {
    problems.push(
      error(
        `${path}.rotation.turn`,
        'turn_length_out_of_range',
        'The turn must be a positive whole number of hours, days or weeks.',
      ),
    );
  }
  if (layer.userIds.length === 0) {
    problems.push(error(`${path}.userIds`, 'empty_rotation', 'The rotation has no users.'));
  }
  if (problems.length > 0) throw new InvalidScheduleError(problems);
  const turn: CompiledTurn =
    unit === 'hours'
      ? { kind: 'fixed', origin: anchor, length: length * hourMs }
      : { kind: 'local', origin: clock.localOf(anchor), length: length * unitMs[unit] };
  return {
    id: layer.id,
    start,
    end,
    userIds: layer.userIds,
    turn,
    restricted: layer.restrictions.length > 0,
    windows: layer.restrictions.map(windowsOf).filter((w) => w.length > 0),
  };
}

function compileOverride(override: Override, index: number): CompiledOverride & { at: number } {
  const start = parseInstant(override.start);
  const end = parseInstant(override.end);
  const at = parseInstant(override.createdAt);
  if (Number.isNaN(start + end + at)) {
    const message = 'An override time is not an RFC 3339 instant.';
    throw new InvalidScheduleError([error(`overrides.${index}`, 'malformed_instant', message)]);
  }
  return { id: override.id, start, end, userId: override.userId, at };
}

/** Compiles a schedule for resolution; see compileLayer for what it refuses. */
export function compileSchedule(schedule: Schedule, clock: ZoneClock): CompiledSchedule {
  const layers = schedule.layers.map((layer, i) => compileLayer(layer, clock, `layers.${i}`));
  const overrides = schedule.overrides
    .map(compileOverride)
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ at: _at, ...override }) => override);
  return { clock, layers, overrides };
}
