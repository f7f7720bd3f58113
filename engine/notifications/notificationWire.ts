import type {
  NotificationRule,
  NotificationView,
  OnCallNotificationRule,
} from '../../shared/api/notificationRules.js';
import type {
  NotificationRuleRecord,
  OnCallNotificationRuleRecord,
} from '../store/repositories/notificationRules.js';
import type { OutboxEntry } from '../store/repositories/outbox.js';
import { describeTarget } from './notificationText.js';

/** Notification records as the API shows them: string ids, RFC 3339 times. */
const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function toNotificationRule(r: NotificationRuleRecord): NotificationRule {
  return {
    id: String(r.id),
    userId: String(r.userId),
    channel: r.channel,
    delayMinutes: r.delayMinutes,
    priority: r.priority,
    address: r.address,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export function toOnCallNotificationRule(r: OnCallNotificationRuleRecord): OnCallNotificationRule {
  return {
    id: String(r.id),
    userId: String(r.userId),
    channel: r.channel,
    minutesBefore: r.minutesBefore,
    address: r.address,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export function toNotificationView(e: OutboxEntry): NotificationView {
  return {
    id: String(e.id),
    kind: e.kind,
    channel: e.channel,
    userId: String(e.userId),
    alertId: e.alertId === null ? null : String(e.alertId),
    target: describeTarget(e.channel, e.address),
    title: e.message.title,
    state: e.state,
    attempts: e.attempts,
    createdAt: iso(e.createdAt),
    nextAttemptAt: isoOrNull(e.nextAttemptAt),
    finishedAt: isoOrNull(e.finishedAt),
    outcome: e.outcome,
  };
}
