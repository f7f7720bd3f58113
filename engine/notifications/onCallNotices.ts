import type { UpcomingHandoffs } from '../../shared/schedule/handoffs.js';
import { scheduleLimits } from '../../shared/schedule/scheduleLimits.js';
import type { Clock } from '../clock.js';
import type { ResolverCache } from '../schedules/resolverCache.js';
import type { UserRecord } from '../store/records.js';
import type { DueWork } from '../store/repositories/dueWork.js';
import type { OnCallNotificationRuleRecord } from '../store/repositories/notificationRules.js';
import type { OutboxEntry } from '../store/repositories/outbox.js';
import type { Store, WriteTx } from '../store/store.js';
import { addressOf, shiftMessage } from './notificationText.js';

/** The due work that plans shift notices, one chain of it per engine store. */
export const onCallNoticesKind = 'on-call-notices';
const subject = 'on-call-notices';

interface PlannerPayload {
  /** Notices due before this were planned by an earlier run. */
  readonly plannedUntil: number;
}

export interface OnCallNoticesOptions {
  readonly clock: Clock;
  readonly resolvers: ResolverCache;
  /** How far ahead each run plans, and so how often it runs. */
  readonly stepMs: number;
  readonly scheduleLink: (scheduleId: number) => string;
  /** Reports a schedule that could not be planned (the others are planned all the same). */
  readonly onProblem: (message: string) => void;
}

/**
 * "Your shift starts in N minutes" (docs/notifications.md, "On-call notices"). A recurring due
 * work item looks `stepMs` ahead at every schedule's hand-offs and puts the notices that fall
 * due in that window into the outbox, timed for when they are due; then it schedules its next
 * run at the window's end. The window moves on in the transaction that plans it, so a restart
 * neither skips nor repeats a window, and the outbox's idempotency key (schedule, user, shift
 * start, rule) makes a repeat impossible anyway. Before a notice goes out, the dispatcher checks
 * that the shift still starts then for that person (the schedule may have changed since).
 */
export class OnCallNotices {
  constructor(private readonly options: OnCallNoticesOptions) {}

  /** Starts the planner's chain unless it is running (at every engine start). */
  async ensureScheduled(store: Store): Promise<void> {
    await store.write(async (tx) => {
      if ((await tx.dueWork.listPending(subject)).length > 0) return;
      const now = this.options.clock.now();
      const payload: PlannerPayload = { plannedUntil: now };
      await tx.dueWork.schedule({ kind: onCallNoticesKind, subject, dueAt: now, payload }, now);
    });
  }

  /** The work handler: plans a window, then schedules the next run. */
  readonly run = async (tx: WriteTx, work: DueWork, now: number): Promise<void> => {
    const maxBefore = (await tx.notificationRules.maxOnCallMinutesBefore()) * 60_000;
    const planned = (work.payload as Partial<PlannerPayload> | null)?.plannedUntil ?? now;
    // After a long stop: notices for shifts that have started are moot, so do not look further back.
    const from = Math.max(planned, now - maxBefore);
    const until = now + this.options.stepMs;
    if (until > from) await this.plan(tx, from, until, now, maxBefore);
    const payload: PlannerPayload = { plannedUntil: Math.max(until, planned) };
    await tx.dueWork.schedule({ kind: onCallNoticesKind, subject, dueAt: until, payload }, now);
  };

  /** Puts the notices due in [from, until) into the outbox. */
  private async plan(
    tx: WriteTx,
    from: number,
    until: number,
    now: number,
    maxBeforeMs: number,
  ): Promise<void> {
    const users = new Map<string, UserRecord | null>();
    const rules = new Map<number, OnCallNotificationRuleRecord[]>();
    const userOf = async (id: string) => {
      if (!users.has(id))
        users.set(id, /^\d{1,15}$/.test(id) ? await tx.users.get(Number(id)) : null);
      return users.get(id) ?? null;
    };
    for (const schedule of await tx.schedules.list()) {
      // A shift starting at h is noticed at h − minutes: look for starts in [from, until + max).
      const horizonMs = Math.min(
        until + maxBeforeMs - from + 1,
        scheduleLimits.maxHandoffHorizonMs,
      );
      let upcoming: UpcomingHandoffs;
      try {
        upcoming = this.options.resolvers
          .get(schedule)
          .nextHandoffs(from - 1, { limit: scheduleLimits.maxHandoffs, horizonMs });
      } catch (error) {
        // One broken schedule must not stop the notices of all the others.
        this.options.onProblem(
          `On-call notices of schedule ${schedule.id} could not be planned: ${(error as Error).message}`,
        );
        continue;
      }
      for (const handoff of upcoming.handoffs) {
        if (!handoff.to || handoff.at < now) continue;
        const user = await userOf(handoff.to.userId);
        if (!user) continue;
        if (!rules.has(user.id))
          rules.set(user.id, await tx.notificationRules.listOnCallByUser(user.id));
        const previous = handoff.from ? await userOf(handoff.from.userId) : null;
        for (const rule of rules.get(user.id) ?? []) {
          const noticeAt = handoff.at - rule.minutesBefore * 60_000;
          if (noticeAt < from || noticeAt >= until) continue;
          const sendAt = Math.max(noticeAt, now);
          await tx.outbox.enqueue({
            kind: 'shift',
            channel: rule.channel,
            userId: user.id,
            alertId: null,
            address: addressOf(rule.channel, rule.address, user),
            message: shiftMessage({
              scheduleId: schedule.id,
              scheduleName: schedule.name,
              startsAt: handoff.at,
              now: sendAt,
              timeZone: user.timeZone,
              previous: previous?.name ?? null,
              ruleId: rule.id,
              link: this.options.scheduleLink(schedule.id),
            }),
            idempotencyKey: `nocturne-shift-${schedule.id}-${user.id}-${handoff.at}-${rule.id}`,
            dueAt: noticeAt,
            nextAttemptAt: sendAt,
            createdAt: now,
          });
        }
      }
    }
  }

  /** Why a planned notice should not go out now (the schedule or the rule changed), or null. */
  async reasonToSkip(tx: WriteTx, entry: OutboxEntry, now: number): Promise<string | null> {
    const { scheduleId, shiftStartsAt, ruleId } = entry.message;
    if (scheduleId === null || shiftStartsAt === null) return null;
    if (now > shiftStartsAt) return 'the shift has started';
    const rule = ruleId === null ? null : await tx.notificationRules.getOnCall(ruleId);
    if (!rule || rule.userId !== entry.userId) return 'the on-call notification rule was deleted';
    const schedule = await tx.schedules.get(scheduleId);
    if (!schedule) return 'the schedule was deleted';
    const me = String(entry.userId);
    try {
      const resolver = this.options.resolvers.get(schedule);
      const starts =
        resolver.onCallAt(shiftStartsAt)?.userId === me &&
        resolver.onCallAt(shiftStartsAt - 1)?.userId !== me;
      return starts ? null : 'the schedule changed: no shift of theirs starts then any more';
    } catch (error) {
      return `the schedule cannot be resolved: ${(error as Error).message}`;
    }
  }
}
