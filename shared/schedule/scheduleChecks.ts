import { IANAZone } from 'luxon';
import { compileLayer } from './compiledSchedule.js';
import { parseInstant } from './instant.js';
import { renderLayer } from './layerRender.js';
import { firstOverlap, isEmptyRestriction, weekMinuteText } from './restrictionOverlap.js';
import { scheduleLimits } from './scheduleLimits.js';
import type { Layer, Override } from './scheduleModel.js';
import { error, warning, type ScheduleProblem } from './scheduleProblems.js';
import { dayMs } from './timeUnits.js';
import { ZoneClock } from './zoneClock.js';

/**
 * The checks that need more than one field: what the schema cannot say. They run on whichever
 * parts of a schedule parsed, so one bad field does not hide the other problems.
 */
export interface ScheduleParts {
  /** Null when the time zone itself is invalid (the checks that need it are skipped). */
  readonly timeZone: string | null;
  readonly layers: ReadonlyArray<readonly [index: number, layer: Layer]>;
  readonly overrides: ReadonlyArray<readonly [index: number, override: Override]>;
}

const firstYear = new Date(scheduleLimits.earliestInstantMs).getUTCFullYear();
const lastYear = new Date(scheduleLimits.latestInstantMs).getUTCFullYear() - 1;

/** Checks one instant field's range, returning its milliseconds (NaN if it is unusable). */
function instantIn(text: string, path: string, problems: ScheduleProblem[]): number {
  const ms = parseInstant(text);
  if (ms >= scheduleLimits.earliestInstantMs && ms < scheduleLimits.latestInstantMs) return ms;
  problems.push(
    error(
      path,
      'instant_out_of_range',
      `${text} is outside the supported years ${firstYear}–${lastYear}.`,
    ),
  );
  return NaN;
}

function checkUniqueIds(
  items: ReadonlyArray<readonly [number, { readonly id: string }]>,
  prefix: 'layers' | 'overrides',
  problems: ScheduleProblem[],
): void {
  const seen = new Map<string, number>();
  for (const [index, { id }] of items) {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else {
      const what = prefix === 'layers' ? 'layer' : 'override';
      problems.push(
        error(
          `${prefix}.${index}.id`,
          'duplicate_id',
          `The id "${id}" is already used by ${what} ${first + 1}; ${what} ids must be unique.`,
        ),
      );
    }
  }
}

function checkLayer(
  index: number,
  layer: Layer,
  known: ReadonlySet<string>,
  problems: ScheduleProblem[],
): void {
  const path = `layers.${index}`;
  const named = `Layer "${layer.name}"`;
  const ofLayer = `of layer "${layer.name}"`;
  const start = instantIn(layer.start, `${path}.start`, problems);
  instantIn(layer.rotation.anchor, `${path}.rotation.anchor`, problems);
  if (layer.end !== null) {
    const end = instantIn(layer.end, `${path}.end`, problems);
    if (end <= start) {
      problems.push(
        error(
          `${path}.end`,
          'end_not_after_start',
          `${named} ends (${layer.end}) before or when it starts (${layer.start}): set an end after the start, or null for no end.`,
        ),
      );
    }
  }
  const { unit, length } = layer.rotation.turn;
  const max = scheduleLimits.maxTurnLength[unit];
  if (length < 1 || length > max) {
    problems.push(
      error(
        `${path}.rotation.turn.length`,
        'turn_length_out_of_range',
        `${named} has a turn of ${length} ${unit}: a turn lasts 1 to ${max} ${unit}.`,
      ),
    );
  }
  layer.userIds.forEach((userId, i) => {
    if (!known.has(userId)) {
      problems.push(
        error(
          `${path}.userIds.${i}`,
          'unknown_user',
          `Unknown user "${userId}" in the rotation ${ofLayer}: add the user first, or take them out of the rotation.`,
        ),
      );
    }
  });
  layer.restrictions.forEach((restriction, i) => {
    const rPath = `${path}.restrictions.${i}`;
    if (isEmptyRestriction(restriction)) {
      problems.push(
        error(
          rPath,
          'restriction_empty',
          `Restriction ${i + 1} ${ofLayer} ends when it starts, so it is never open: for a layer on call around the clock, remove its restrictions.`,
        ),
      );
      return;
    }
    for (let j = 0; j < i; j++) {
      const overlap = firstOverlap(layer.restrictions[j]!, restriction);
      if (overlap !== null) {
        problems.push(
          error(
            rPath,
            'restrictions_overlap',
            `Restrictions ${j + 1} and ${i + 1} ${ofLayer} overlap (both open at ${weekMinuteText(overlap)}): merge them or shorten one.`,
          ),
        );
      }
    }
  });
}

function checkOverride(
  index: number,
  override: Override,
  known: ReadonlySet<string>,
  problems: ScheduleProblem[],
): void {
  const path = `overrides.${index}`;
  const start = instantIn(override.start, `${path}.start`, problems);
  const end = instantIn(override.end, `${path}.end`, problems);
  instantIn(override.createdAt, `${path}.createdAt`, problems);
  if (end <= start) {
    problems.push(
      error(
        `${path}.end`,
        'end_not_after_start',
        `Override "${override.id}" ends (${override.end}) before or when it starts (${override.start}): set an end after the start.`,
      ),
    );
  }
  if (!known.has(override.userId)) {
    problems.push(
      error(
        `${path}.userId`,
        'unknown_user',
        `Unknown user "${override.userId}" in override "${override.id}": add the user first, or pick someone else.`,
      ),
    );
  }
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** Whether the zone's offset changes within the year of `at` (it observes daylight-saving time). */
function observesDst(timeZone: string, at: number): boolean {
  const zone = IANAZone.create(timeZone);
  const year = new Date(at).getUTCFullYear();
  const offsets = [0, 3, 6, 9].map((month) => zone.offset(Date.UTC(year, month, 15)));
  return offsets.some((offset) => offset !== offsets[0]);
}

/** Warnings about layers that work, but probably not as meant. */
function layerWarnings(parts: ScheduleParts, timeZone: string, problems: ScheduleProblem[]): void {
  const span = (layer: Layer) =>
    [parseInstant(layer.start), layer.end === null ? Infinity : parseInstant(layer.end)] as const;
  for (const [index, layer] of parts.layers) {
    const path = `layers.${index}`;
    const [start, end] = span(layer);
    if (!(start < end)) continue; // reported as an error already
    const { unit, length } = layer.rotation.turn;
    if (unit === 'hours' && length % 24 === 0 && observesDst(timeZone, start)) {
      problems.push(
        warning(
          `${path}.rotation.turn`,
          'fixed_turn_drifts',
          `Layer "${layer.name}" hands off every ${length} hours, a fixed duration, so the hand-off moves by an hour when daylight-saving time starts or ends in ${timeZone}; use ${plural(length / 24, 'day')} to keep it at the same local time.`,
        ),
      );
    }
    const cover = parts.layers.find(([other, later]) => {
      const [laterStart, laterEnd] = span(later);
      return (
        other > index && later.restrictions.length === 0 && laterStart <= start && laterEnd >= end
      );
    });
    if (cover) {
      problems.push(
        warning(
          path,
          'layer_hidden',
          `Layer "${layer.name}" is never on call: layer "${cover[1].name}", added after it, covers all of its time. Reorder the layers or restrict "${cover[1].name}".`,
        ),
      );
    } else if (layer.restrictions.length > 0 && end - start <= 14 * dayMs) {
      // Longer spans hold every restriction at least once.
      const clock = new ZoneClock(timeZone);
      if (renderLayer(compileLayer(layer, clock), clock, start, end).length === 0) {
        problems.push(
          warning(
            path,
            'layer_never_on_call',
            `Layer "${layer.name}" is never on call: none of its restrictions is open between its start and its end.`,
          ),
        );
      }
    }
  }
}

/** The cross-field problems of the parts of a schedule that parsed. */
export function checkScheduleParts(
  parts: ScheduleParts,
  knownUserIds: ReadonlySet<string>,
): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  checkUniqueIds(parts.layers, 'layers', problems);
  checkUniqueIds(parts.overrides, 'overrides', problems);
  for (const [index, layer] of parts.layers) checkLayer(index, layer, knownUserIds, problems);
  for (const [index, override] of parts.overrides)
    checkOverride(index, override, knownUserIds, problems);
  const hasErrors = problems.some((p) => p.severity === 'error');
  if (parts.timeZone !== null && !hasErrors) layerWarnings(parts, parts.timeZone, problems);
  return problems;
}
