import type { AlertPriority } from '../../../shared/domain/alert.js';
import type { NotificationChannel } from '../../../shared/api/notificationRules.js';

/**
 * How a user wants to hear about an alert that reaches them: by `channel`, `delayMinutes`
 * after it reached them, for alerts of `priority` (docs/notifications.md).
 */
export interface NotificationRuleRecord {
  readonly id: number;
  readonly userId: number;
  readonly channel: NotificationChannel;
  readonly delayMinutes: number;
  readonly priority: AlertPriority;
  /** Email address or webhook URL; null: none needed, or (email) the user's own. */
  readonly address: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}
export type NewNotificationRule = Omit<NotificationRuleRecord, 'id'>;
export type NotificationRulePatch = Partial<
  Pick<NotificationRuleRecord, 'channel' | 'delayMinutes' | 'priority' | 'address' | 'updatedAt'>
>;

/** "Your shift starts in N minutes": by `channel`, `minutesBefore` a shift of the user starts. */
export interface OnCallNotificationRuleRecord {
  readonly id: number;
  readonly userId: number;
  readonly channel: NotificationChannel;
  readonly minutesBefore: number;
  readonly address: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}
export type NewOnCallNotificationRule = Omit<OnCallNotificationRuleRecord, 'id'>;
export type OnCallNotificationRulePatch = Partial<
  Pick<OnCallNotificationRuleRecord, 'channel' | 'minutesBefore' | 'address' | 'updatedAt'>
>;

export interface NotificationRulesReader {
  /** A user's alert notification rules, by delay, then id. */
  listByUser(userId: number): Promise<NotificationRuleRecord[]>;
  get(id: number): Promise<NotificationRuleRecord | null>;
  /** A user's on-call notification rules, by minutes before, then id. */
  listOnCallByUser(userId: number): Promise<OnCallNotificationRuleRecord[]>;
  getOnCall(id: number): Promise<OnCallNotificationRuleRecord | null>;
  /** The largest `minutesBefore` of any user's on-call rule (0 when there are none). */
  maxOnCallMinutesBefore(): Promise<number>;
}

export interface NotificationRulesRepo extends NotificationRulesReader {
  insert(rule: NewNotificationRule): Promise<NotificationRuleRecord>;
  update(id: number, patch: NotificationRulePatch): Promise<NotificationRuleRecord>;
  remove(id: number): Promise<void>;
  insertOnCall(rule: NewOnCallNotificationRule): Promise<OnCallNotificationRuleRecord>;
  updateOnCall(
    id: number,
    patch: OnCallNotificationRulePatch,
  ): Promise<OnCallNotificationRuleRecord>;
  removeOnCall(id: number): Promise<void>;
  /** Deletes every rule of a user (the user is deleted). */
  removeAllOf(userId: number): Promise<void>;
}
