import { randomBytes } from 'node:crypto';
import type { Override, Schedule } from '../../shared/schedule/scheduleModel.js';
import { parseInstant } from '../../shared/schedule/instant.js';
import { parseSchedule } from '../../shared/schedule/scheduleValidation.js';
import { error as problem, InvalidScheduleError } from '../../shared/schedule/scheduleProblems.js';
import type { ScheduleContent } from '../store/records.js';

/**
 * Request bodies (shared/api/schedules.ts) into validated schedules. The body is the model
 * without what the engine assigns: the schedule's id and version, layer ids left out, override
 * ids and creation times left out. Those are filled in and the whole is checked with
 * parseSchedule, so every problem comes back with the path of the field the client sent and a
 * schedule problem code.
 */

/** Override ids the engine makes: short, and random so that offline clients never collide. */
export const newOverrideId = () => `ovr-${randomBytes(6).toString('hex')}`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Layers sent without an id get `layer-<n>` (their position), made unique. */
export function withLayerIds(layers: unknown): unknown {
  if (!Array.isArray(layers)) return layers;
  const taken = new Set(layers.flatMap((l) => (isRecord(l) && 'id' in l ? [l.id] : [])));
  return layers.map((layer: unknown, index) => {
    if (!isRecord(layer) || 'id' in layer) return layer;
    let id = `layer-${index + 1}`;
    for (let n = 2; taken.has(id); n += 1) id = `layer-${index + 1}-${n}`;
    taken.add(id);
    return { id, ...layer };
  });
}

/** Overrides sent without an id or a creation time get a new id and `now`. */
function withOverrideDefaults(overrides: unknown, now: number): unknown {
  if (!Array.isArray(overrides)) return overrides;
  const createdAt = new Date(now).toISOString();
  return overrides.map((override: unknown) =>
    isRecord(override)
      ? {
          ...('id' in override ? {} : { id: newOverrideId() }),
          ...override,
          ...('createdAt' in override ? {} : { createdAt }),
        }
      : override,
  );
}

export interface DraftContext {
  /** The id the schedule will have (a placeholder for a new one: ids come from the store). */
  readonly scheduleId: string;
  /** The version the schedule will have. */
  readonly version: number;
  readonly now: number;
  readonly knownUserIds: Iterable<string>;
  /** For a change: the current overrides, kept when the body has no `overrides`. */
  readonly currentOverrides?: readonly Override[];
}

/**
 * A validated schedule from a create (POST) or change (PUT) body whose engine-owned fields
 * (`id`, `version`, read-only times) the caller has taken out; InvalidScheduleError otherwise.
 */
export function scheduleFromDraft(body: unknown, context: DraftContext): Schedule {
  if (!isRecord(body)) {
    throw new InvalidScheduleError([
      problem(
        '',
        'invalid_field',
        'A schedule is a JSON object {name, timeZone, layers, overrides}.',
      ),
    ]);
  }
  const owned = ['id', 'version'].filter((key) => key in body);
  if (owned.length > 0) {
    throw new InvalidScheduleError(
      owned.map((key) =>
        problem(
          key,
          'unknown_field',
          `The engine assigns the ${key} of a new schedule: leave it out.`,
        ),
      ),
    );
  }
  const { layers, overrides, ...rest } = body;
  const keptOverrides = overrides === undefined ? (context.currentOverrides ?? []) : overrides;
  return parseSchedule(
    {
      ...rest,
      id: context.scheduleId,
      version: context.version,
      layers: withLayerIds(layers),
      overrides:
        overrides === undefined ? keptOverrides : withOverrideDefaults(keptOverrides, context.now),
    },
    context.knownUserIds,
  );
}

/** What the store keeps of a validated schedule (its id and version are the store's). */
export function contentOf(schedule: Schedule): ScheduleContent {
  return {
    name: schedule.name,
    timeZone: schedule.timeZone,
    layers: schedule.layers,
    overrides: schedule.overrides,
  };
}

/** Whether a change would store exactly what is stored already (a repeated PUT). */
export function sameContent(a: ScheduleContent, b: ScheduleContent): boolean {
  const text = (c: ScheduleContent) => JSON.stringify([c.name, c.timeZone, c.layers, c.overrides]);
  return text(a) === text(b);
}

/**
 * The creation time of an override taken now: now, but later than every override the schedule
 * has, so that the one taken last always wins ("newest wins"), even if a clock was off.
 */
export function takenAt(now: number, overrides: readonly Override[]): number {
  let newest = -Infinity;
  for (const override of overrides) newest = Math.max(newest, parseInstant(override.createdAt));
  return Math.max(now, newest + 1);
}
