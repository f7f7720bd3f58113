import type { TurnUnit } from './scheduleModel.js';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/**
 * Bounds of schedules and of the questions asked about them, documented in docs/schedules.md.
 * They keep resolution fast (every limit bounds a loop) and catch typos such as a 7-week turn
 * typed as 7 hours' worth of weeks.
 */
export const scheduleLimits = {
  /** Characters of an id (schedule, layer, override, user). */
  idChars: 64,
  maxLayers: 50,
  /** Entries of one layer's rotation (a user may appear more than once). */
  maxUsersPerLayer: 200,
  maxRestrictionsPerLayer: 50,
  maxOverrides: 1000,
  /** The longest turn per unit: about a year. */
  maxTurnLength: { hours: 8784, days: 366, weeks: 52 } satisfies Record<TurnUnit, number>,
  /** Instants of a schedule and of questions lie in [1970-01-01, 2200-01-01) UTC. */
  earliestInstantMs: Date.UTC(1970, 0, 1),
  latestInstantMs: Date.UTC(2200, 0, 1),
  /** The longest range `renderSchedule` renders at once: 732 days (two years, a leap day included). */
  maxRenderRangeMs: 732 * dayMs,
  /** How far `nextHandoffs` looks ahead at most. */
  maxHandoffHorizonMs: 732 * dayMs,
  /** The most hand-offs `nextHandoffs` returns at once. */
  maxHandoffs: 1000,
} as const;
