import type { StoredSchedule, User } from '../../../shared/protocol/messages.js';
import {
  createScheduleResolver,
  type OnCall,
  type ScheduleResolver,
} from '../../../shared/schedule/index.js';

/** One line of the wall's "on call now" panel. */
export interface OnCallLine {
  readonly scheduleId: string;
  readonly scheduleName: string;
  /** Who is on call; null: nobody (a gap in the schedule). */
  readonly userName: string | null;
  /** Why: an override, or a layer's rotation. */
  readonly viaOverride: boolean;
  /** The schedule cannot be resolved here (e.g. a time zone this browser does not know). */
  readonly problem: string | null;
}

/**
 * Resolvers per stored schedule object: a schedule changes by replacement in the stream, so an
 * unchanged one keeps its compiled form between ticks; a replaced one is garbage with its key.
 */
const resolvers = new WeakMap<StoredSchedule, ScheduleResolver | Error>();

function resolverOf(schedule: StoredSchedule): ScheduleResolver | Error {
  let resolver = resolvers.get(schedule);
  if (!resolver) {
    try {
      resolver = createScheduleResolver(schedule);
    } catch (error) {
      resolver = error instanceof Error ? error : new Error(String(error));
    }
    resolvers.set(schedule, resolver);
  }
  return resolver;
}

/**
 * Who is on call at `now` in the chosen schedules (all of them when none is chosen), in the
 * order chosen (else by name), with the shared schedule resolution (overrides, then layers).
 * A chosen schedule the stream does not carry (deleted, or a typo in the address) is left out.
 */
export function onCallNow(
  schedules: ReadonlyMap<string, StoredSchedule>,
  users: ReadonlyMap<string, User>,
  chosenIds: readonly string[],
  now: number,
): OnCallLine[] {
  const chosen =
    chosenIds.length > 0
      ? chosenIds.flatMap((id) => schedules.get(id) ?? [])
      : [...schedules.values()].sort((a, b) => a.name.localeCompare(b.name));
  return chosen.map((schedule) => {
    const resolver = resolverOf(schedule);
    let onCall: OnCall | null = null;
    let problem: string | null = null;
    if (resolver instanceof Error) problem = resolver.message;
    else {
      try {
        onCall = resolver.onCallAt(now);
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
    }
    return {
      scheduleId: schedule.id,
      scheduleName: schedule.name,
      userName: onCall ? (users.get(onCall.userId)?.name ?? `User ${onCall.userId}`) : null,
      viaOverride: onCall?.source.kind === 'override',
      problem,
    };
  });
}
