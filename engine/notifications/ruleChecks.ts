import {
  maxNotificationRulesPerUser,
  type NotificationChannel,
} from '../../shared/api/notificationRules.js';
import { EngineError } from '../errors.js';
import type {
  NotificationRuleRecord,
  OnCallNotificationRuleRecord,
} from '../store/repositories/notificationRules.js';

// The checks a rule passes before it is stored, besides its schema (docs/api.md).

/** What makes two rules the same rule (a second one would notify twice). */
const sameTarget = (
  a: { channel: NotificationChannel; address: string | null },
  b: { channel: NotificationChannel; address: string | null },
) => a.channel === b.channel && (a.address ?? '').toLowerCase() === (b.address ?? '').toLowerCase();

/**
 * A rule with a patch applied, for validation as a whole. A new channel without a new address
 * drops the old one (a console rule has none; a webhook must be given its URL).
 */
export function merged<T extends { channel: NotificationChannel; address: string | null }>(
  current: T,
  fields: ReadonlyArray<keyof T & string>,
  patch: { channel?: NotificationChannel | undefined; address?: string | null | undefined },
): Record<string, unknown> {
  const rule: Record<string, unknown> = Object.fromEntries(fields.map((f) => [f, current[f]]));
  if (patch.channel !== undefined && patch.channel !== current.channel) rule.address = null;
  for (const [field, value] of Object.entries(patch)) if (value !== undefined) rule[field] = value;
  return rule;
}

export function requireRoom(count: number, what: string): void {
  if (count < maxNotificationRulesPerUser) return;
  throw new EngineError(
    409,
    'too_many_notification_rules',
    `A user has at most ${maxNotificationRulesPerUser} ${what}; delete one first.`,
  );
}

export function requireNew(
  existing: readonly NotificationRuleRecord[],
  rule: Omit<NotificationRuleRecord, 'id' | 'userId' | 'createdAt' | 'updatedAt'>,
  self: number | null,
): void {
  const twin = existing.find(
    (r) =>
      r.id !== self &&
      sameTarget(r, rule) &&
      r.delayMinutes === rule.delayMinutes &&
      r.priority === rule.priority,
  );
  if (!twin) return;
  throw new EngineError(
    409,
    'duplicate_notification_rule',
    `Rule ${twin.id} already notifies this way after ${rule.delayMinutes} min for ${rule.priority} alerts; a second one would notify twice.`,
  );
}

export function requireNewOnCall(
  existing: readonly OnCallNotificationRuleRecord[],
  rule: Omit<OnCallNotificationRuleRecord, 'id' | 'userId' | 'createdAt' | 'updatedAt'>,
  self: number | null,
): void {
  const twin = existing.find(
    (r) => r.id !== self && sameTarget(r, rule) && r.minutesBefore === rule.minutesBefore,
  );
  if (!twin) return;
  throw new EngineError(
    409,
    'duplicate_notification_rule',
    `On-call rule ${twin.id} already sends this notice ${rule.minutesBefore} min before a shift.`,
  );
}
