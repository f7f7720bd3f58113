import {
  createScheduleResolver,
  type Override,
  type RenderedSchedule,
  type Schedule,
  type ScheduleResolver,
  type Gap,
  type Shift,
  type ShiftSource,
} from '../../../shared/schedule/index.js';

/** An override being made in the console: not saved yet. Times are epoch ms. */
export interface OverrideDraft {
  readonly start: number;
  readonly end: number;
  readonly userId: string;
  /** The override this draft changes (moved or resized): it goes when the draft is saved. */
  readonly replaces?: string | null;
}

/** The id the draft carries in a preview, so the lanes can mark it. */
export const draftOverrideId = '(draft)';

/**
 * `schedule` with `draft` added as its newest override: what the engine will resolve once the
 * draft is saved (the engine gives a new override a creation time after every other's, so the
 * shift taken last wins). A draft that changes an override replaces it (saving deletes it and
 * creates the draft, which is then the newest). The preview is computed by shared/schedule, as
 * the engine does.
 */
export function withDraftOverride<S extends Schedule>(schedule: S, draft: OverrideDraft): S {
  const newest = schedule.overrides.reduce(
    (max, o) => Math.max(max, Date.parse(o.createdAt)),
    Date.UTC(2000, 0, 1),
  );
  const override: Override = {
    id: draftOverrideId,
    start: new Date(draft.start).toISOString(),
    end: new Date(draft.end).toISOString(),
    userId: draft.userId,
    createdAt: new Date(newest + 1000).toISOString(),
  };
  const kept = draft.replaces
    ? schedule.overrides.filter((o) => o.id !== draft.replaces)
    : schedule.overrides;
  return { ...schedule, overrides: [...kept, override] };
}

/** Why a draft cannot be saved as it is, as a sentence; null when it can. */
export function draftProblem(
  draft: Partial<OverrideDraft>,
  knownUserIds: ReadonlySet<string>,
): string | null {
  if (draft.start === undefined || Number.isNaN(draft.start))
    return 'Choose when the override starts.';
  if (draft.end === undefined || Number.isNaN(draft.end)) return 'Choose when the override ends.';
  if (draft.end <= draft.start) return 'The override must end after it starts.';
  if (!draft.userId) return 'Choose who takes the shift.';
  if (!knownUserIds.has(draft.userId)) return 'That user no longer exists; choose another.';
  return null;
}

/** One resolver per schedule object: the stream replaces the object when the schedule changes. */
const resolvers = new WeakMap<Schedule, ScheduleResolver | Error>();

/** A resolver for `schedule` (kept while the object lives), or the error that prevents one. */
export function resolverFor(schedule: Schedule): ScheduleResolver | Error {
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

/** The calendar's lanes for [from, to): of the schedule, or of the schedule plus the draft. */
export function renderCalendar(
  schedule: Schedule,
  from: number,
  to: number,
  draft: OverrideDraft | null,
): RenderedSchedule | Error {
  const resolver = draft
    ? createResolverSafe(withDraftOverride(schedule, draft))
    : resolverFor(schedule);
  if (resolver instanceof Error) return resolver;
  try {
    return resolver.render(from, to);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function createResolverSafe(schedule: Schedule): ScheduleResolver | Error {
  try {
    return createScheduleResolver(schedule);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Whether a piece of a lane comes from the draft (to mark it as "not saved yet"). */
export function isDraftPiece(
  piece: Shift | Gap | { readonly source: ShiftSource | null },
): boolean {
  const source = 'source' in piece ? piece.source : null;
  return source?.kind === 'override' && source.overrideId === draftOverrideId;
}
