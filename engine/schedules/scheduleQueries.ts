import type {
  OnCallResponse,
  ShiftsResponse,
  ShiftView,
  GapView,
} from '../../shared/api/schedules.js';
import { toZonedIso } from '../../shared/schedule/instant.js';
import { scheduleLimits } from '../../shared/schedule/scheduleLimits.js';
import { checkInstant } from '../../shared/schedule/scheduleRange.js';
import type { Gap, Shift } from '../../shared/schedule/shifts.js';
import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';
import { answeringScheduleErrors } from './scheduleErrors.js';
import { requireSchedule } from './scheduleTx.js';
import type { ResolverCache } from './resolverCache.js';

const dayMs = 86_400_000;
/** The shifts answer's default range: a week from `from`. */
export const defaultShiftsRangeMs = 7 * dayMs;

/** Shifts and gaps with ISO times in the schedule's zone. */
function shiftView(shift: Shift, zone: string): ShiftView {
  return {
    kind: 'shift',
    start: toZonedIso(shift.start, zone),
    end: toZonedIso(shift.end, zone),
    userId: shift.userId,
    source: shift.source,
  };
}
function pieceView(piece: Shift | Gap, zone: string): ShiftView | GapView {
  return piece.kind === 'gap'
    ? { kind: 'gap', start: toZonedIso(piece.start, zone), end: toZonedIso(piece.end, zone) }
    : shiftView(piece, zone);
}

/**
 * Questions about one schedule: who is on call at an instant and until when, and its shifts
 * over a range. Answers come from the shared resolution code (the console's offline planner
 * gives the same), with a resolver kept per schedule version.
 */
export class ScheduleQueries {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly resolvers: ResolverCache,
  ) {}

  /** Who is on call at `at` (epoch ms; default now), why, until when, and who comes next. */
  async onCall(id: number, at: number | undefined): Promise<OnCallResponse> {
    const t = at ?? this.clock.now();
    const { record, names } = await this.store.read(async (tx) => ({
      record: await requireSchedule(tx, id),
      names: new Map((await tx.users.list()).map((u) => [String(u.id), u.name])),
    }));
    const upcoming = answeringScheduleErrors(
      () => {
        checkInstant(t, 'The time "at"');
        return this.resolvers.get(record).nextHandoffs(t, {
          limit: 1,
          horizonMs: scheduleLimits.maxHandoffHorizonMs,
        });
      },
      () => 'at',
    );
    const zone = record.timeZone;
    const handoff = upcoming.handoffs[0];
    const ref = (userId: string) => ({ userId, name: names.get(userId) ?? null });
    return {
      scheduleId: String(record.id),
      version: record.version,
      timeZone: zone,
      at: toZonedIso(t, zone),
      onCall: upcoming.current
        ? { ...ref(upcoming.current.userId), source: upcoming.current.source }
        : null,
      until: handoff ? toZonedIso(handoff.at, zone) : null,
      next: handoff?.to ? ref(handoff.to.userId) : null,
    };
  }

  /**
   * The schedule rendered over [from, to) (default: a week from now): a lane per layer, the
   * overrides lane and the final lane with its gaps (renderSchedule, docs/schedules.md).
   */
  async shifts(id: number, from?: number, to?: number): Promise<ShiftsResponse> {
    const start = from ?? this.clock.now();
    const end = to ?? start + defaultShiftsRangeMs;
    const record = await this.store.read((tx) => requireSchedule(tx, id));
    const rendered = answeringScheduleErrors(
      () => {
        checkInstant(start, 'The start of the range "from"');
        checkInstant(end, 'The end of the range "to"', true);
        return this.resolvers.get(record).render(start, end);
      },
      (error) => (error.message.includes('"from"') ? 'from' : 'to'),
    );
    const zone = record.timeZone;
    return {
      scheduleId: String(record.id),
      version: record.version,
      timeZone: zone,
      from: toZonedIso(start, zone),
      to: toZonedIso(end, zone),
      layers: rendered.layers.map((lane) => ({
        layerId: lane.layerId,
        shifts: lane.shifts.map((s) => shiftView(s, zone)),
      })),
      overrides: rendered.overrides.map((s) => shiftView(s, zone)),
      final: rendered.final.map((p) => pieceView(p, zone)),
    };
  }
}
