import type { Shift } from '../../shared/schedule/shifts.js';
import type { Clock } from '../clock.js';
import { notFound } from '../errors.js';
import type { ScheduleRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { feedWindow, scheduleCalendar, userShiftsCalendar } from './icalendar.js';
import type { ResolverCache } from './resolverCache.js';
import { requireSchedule } from './scheduleTx.js';

/** The shifts of a schedule's final lane over the feed's window (gaps are empty time). */
function shiftsOf(resolvers: ResolverCache, schedule: ScheduleRecord, now: number): Shift[] {
  const { from, to } = feedWindow(now);
  return resolvers
    .get(schedule)
    .render(from, to)
    .final.filter((piece): piece is Shift => piece.kind === 'shift');
}

/** The `.ics` documents of the calendar feeds (./icalendar.ts says how they are written). */
export class CalendarExport {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly resolvers: ResolverCache,
  ) {}

  /** A schedule's shifts, each named for the person on call. */
  async schedule(id: number): Promise<{ name: string; ics: string }> {
    const { schedule, names } = await this.store.read(async (tx) => ({
      schedule: await requireSchedule(tx, id),
      names: new Map((await tx.users.list()).map((u) => [String(u.id), u.name])),
    }));
    const shifts = shiftsOf(this.resolvers, schedule, this.clock.now());
    const ics = scheduleCalendar(
      schedule,
      shifts,
      (userId) => names.get(userId) ?? `deleted user ${userId}`,
    );
    return { name: `schedule-${id}`, ics };
  }

  /** One user's shifts in every schedule, in time order. */
  async user(userId: number): Promise<{ name: string; ics: string }> {
    const { user, schedules } = await this.store.read(async (tx) => ({
      user: await tx.users.get(userId),
      schedules: await tx.schedules.list(),
    }));
    if (!user) throw notFound('user_not_found', `User ${userId}`);
    const now = this.clock.now();
    const mine = schedules
      .flatMap((schedule) =>
        shiftsOf(this.resolvers, schedule, now)
          .filter((shift) => shift.userId === String(userId))
          .map((shift) => ({ schedule, shift })),
      )
      .sort((a, b) => a.shift.start - b.shift.start || a.schedule.id - b.schedule.id);
    return { name: `shifts-user-${userId}`, ics: userShiftsCalendar(userId, user.name, mine) };
  }
}
