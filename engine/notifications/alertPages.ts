import type { NotificationChannel } from '../../shared/api/notificationRules.js';
import type { Clock } from '../clock.js';
import type { UserRecord } from '../store/records.js';
import type { DueWork } from '../store/repositories/dueWork.js';
import type { OutboxEntry } from '../store/repositories/outbox.js';
import type { WriteTx } from '../store/store.js';
import type { NotificationMetrics } from './notificationMetrics.js';
import { logNotification } from './notificationLog.js';
import {
  addressOf,
  alertMessage,
  channelPhrase,
  deliveryName,
  minutesText,
} from './notificationText.js';
import type { PageRequest, PlannedNotification } from './pager.js';

/** Delayed notifications: due work that, when due, puts the notification into the outbox. */
export const notifyKind = 'notify';

/** One rule's part of a page: what the `notify` due work carries. */
interface NotifyPayload {
  readonly alertId: number;
  readonly userId: number;
  readonly ruleId: number;
  readonly channel: NotificationChannel;
  /** The rule's address (null: none, or the user's email). */
  readonly address: string | null;
  readonly level: number;
  readonly round: number;
  /** When the alert reached the user. */
  readonly at: number;
}

/**
 * Paging a person about an alert by their rules (docs/notifications.md): rules due now become
 * outbox entries, later ones due work that makes the entry only if the alert is still PENDING
 * then — all inside the escalation step's transaction, and all logged on the alert.
 */
export class AlertPages {
  constructor(
    private readonly clock: Clock,
    private readonly metrics: NotificationMetrics,
    private readonly alertLink: (alertId: number) => string,
  ) {}

  async page(tx: WriteTx, request: PageRequest): Promise<PlannedNotification[]> {
    const { alert, user, level, round, at } = request;
    const now = this.clock.now();
    const rules = (await tx.notificationRules.listByUser(user.id)).filter(
      (rule) => rule.priority === alert.priority,
    );
    if (rules.length === 0) {
      const text = `${user.name} has no notification rule for ${alert.priority} alerts: not notified`;
      await logNotification(tx, alert.id, now, text);
      return [];
    }
    const planned: PlannedNotification[] = [];
    for (const rule of rules) {
      const dueAt = at + rule.delayMinutes * 60_000;
      const payload: NotifyPayload = {
        alertId: alert.id,
        userId: user.id,
        ruleId: rule.id,
        channel: rule.channel,
        address: rule.address,
        level,
        round,
        at,
      };
      if (dueAt <= now) {
        await this.enqueue(tx, payload, user, dueAt, now);
      } else {
        const work = { kind: notifyKind, subject: `alert:${alert.id}`, dueAt, payload };
        await tx.dueWork.schedule(work, now);
      }
      const how = channelPhrase(rule.channel, addressOf(rule.channel, rule.address, user));
      const when = minutesText(Math.round(Math.max(0, dueAt - now) / 60_000));
      await logNotification(tx, alert.id, now, `Notifying ${user.name} ${how} ${when}`);
      planned.push({ userId: user.id, channel: rule.channel, dueAt });
    }
    return planned;
  }

  /** The `notify` handler: a delayed notification fell due. */
  readonly notifyWhenDue = async (tx: WriteTx, work: DueWork, now: number): Promise<void> => {
    const payload = work.payload as NotifyPayload;
    const alert = await tx.alerts.get(payload.alertId);
    if (!alert) return; // nothing left to notify about, nor a log to tell
    const user = await tx.users.get(payload.userId);
    // Only a still PENDING alert notifies: an accepted or resolved one never pages again.
    const reason = !user
      ? 'the user was deleted'
      : alert.state === 'ACCEPTED'
        ? 'the alert was accepted before it was due'
        : alert.state === 'RESOLVED'
          ? 'the alert was resolved before it was due'
          : null;
    if (reason !== null || !user) {
      const address = user ? addressOf(payload.channel, payload.address, user) : null;
      const name = deliveryName(payload.channel, address, user?.name ?? `user ${payload.userId}`);
      await logNotification(tx, alert.id, now, `${name} not sent: ${reason}`);
      this.metrics.count(payload.channel, 'skipped');
      return;
    }
    await this.enqueue(tx, payload, user, work.dueAt, now);
  };

  /** Why an alert's notification should not go out now (checked when it is claimed). */
  async reasonToSkip(tx: WriteTx, entry: OutboxEntry): Promise<string | null> {
    if (entry.alertId === null) return null;
    const alert = await tx.alerts.get(entry.alertId);
    if (!alert) return 'the alert was deleted';
    // An accepted or resolved alert never pages anyone again, retries included.
    if (alert.state === 'ACCEPTED') return 'the alert was accepted';
    if (alert.state === 'RESOLVED') return 'the alert was resolved';
    return null;
  }

  private async enqueue(
    tx: WriteTx,
    page: NotifyPayload,
    user: UserRecord,
    dueAt: number,
    now: number,
  ): Promise<void> {
    const alert = await tx.alerts.get(page.alertId);
    if (!alert) return;
    const source = await tx.alertSources.get(alert.sourceId);
    await tx.outbox.enqueue({
      kind: 'alert',
      channel: page.channel,
      userId: user.id,
      alertId: alert.id,
      address: addressOf(page.channel, page.address, user),
      message: alertMessage(
        alert,
        source,
        { level: page.level, round: page.round, ruleId: page.ruleId },
        this.alertLink(alert.id),
      ),
      // One per page and rule: the same page never notifies twice through one rule.
      idempotencyKey: `nocturne-page-${alert.id}-${user.id}-${page.level}-${page.round}-${page.at}-${page.ruleId}`,
      dueAt,
      nextAttemptAt: now,
      createdAt: now,
    });
  }
}
