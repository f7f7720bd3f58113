import { z } from 'zod';
import {
  CreateNotificationRuleRequest,
  CreateOnCallNotificationRuleRequest,
  maxNotificationRulesPerUser,
  NotificationRule,
  OnCallNotificationRule,
} from '../../../shared/api/notificationRules.js';
import type { EngineApi } from '../engineApi.js';
import { defined, sortedBy, unique } from './entryFields.js';

/**
 * A user's notification rules and on-call notification rules as part of the user's entry. A
 * rule has no name: it is what it does (channel, priority, delay, address), which the engine
 * also refuses twice. So the list is reconciled as a set: rules the file lacks are deleted,
 * rules the user lacks are created, and the order they are written in does not matter.
 */

type RuleEntry = z.output<typeof CreateNotificationRuleRequest>;
type OnCallRuleEntry = z.output<typeof CreateOnCallNotificationRuleRequest>;

const ruleKey = (r: RuleEntry) => `${r.channel}|${r.priority}|${r.delayMinutes}|${r.address ?? ''}`;
const onCallKey = (r: OnCallRuleEntry) => `${r.channel}|${r.minutesBefore}|${r.address ?? ''}`;

const list = <T extends z.ZodType>(rule: T, key: (r: z.output<T>) => string) =>
  z
    .array(rule)
    .max(maxNotificationRulesPerUser, `a user has at most ${maxNotificationRulesPerUser} rules`)
    .superRefine(unique(key, 'the same rule'))
    .transform(sortedBy(key));

export const NotificationRuleEntries = list(CreateNotificationRuleRequest, ruleKey);
export const OnCallRuleEntries = list(CreateOnCallNotificationRuleRequest, onCallKey);

/** A rule as a file writes it: no ids, no address when it has none. */
export const ruleToConfig = (r: NotificationRule) =>
  defined({
    channel: r.channel,
    priority: r.priority,
    delayMinutes: r.delayMinutes,
    address: r.address ?? undefined,
  });

export const onCallRuleToConfig = (r: OnCallNotificationRule) =>
  defined({ channel: r.channel, minutesBefore: r.minutesBefore, address: r.address ?? undefined });

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export async function listRules(api: EngineApi, userId: string) {
  const base = `/api/v1/users/${userId}`;
  const [rules, onCall] = await Promise.all([
    api.get(`${base}/notification-rules`, items(NotificationRule)),
    api.get(`${base}/on-call-notification-rules`, items(OnCallNotificationRule)),
  ]);
  return { rules: rules.items, onCallRules: onCall.items };
}

/** Makes the user's rules of one kind exactly `desired`: deletes first (the 20-rule cap). */
async function reconcile<R extends { id: string }, E>(
  api: EngineApi,
  base: string,
  current: readonly R[],
  desired: readonly E[],
  currentKey: (rule: R) => string,
  desiredKey: (rule: E) => string,
  schema: z.ZodType,
): Promise<void> {
  const wanted = desired.map(desiredKey);
  const keep = new Set<string>();
  for (const rule of current) {
    const key = currentKey(rule);
    if (wanted.includes(key) && !keep.has(key)) keep.add(key);
    else await api.remove(`${base}/${rule.id}`);
  }
  for (const rule of desired) {
    if (!keep.has(desiredKey(rule))) await api.post(base, rule, schema);
  }
}

/** Makes the user's rules what the entry says; a list left out (undefined) is left alone. */
export async function applyRules(
  api: EngineApi,
  userId: string,
  desired: {
    rules: readonly RuleEntry[] | undefined;
    onCall: readonly OnCallRuleEntry[] | undefined;
  },
): Promise<void> {
  if (desired.rules === undefined && desired.onCall === undefined) return;
  const current = await listRules(api, userId);
  const base = `/api/v1/users/${userId}`;
  if (desired.rules !== undefined) {
    await reconcile(
      api,
      `${base}/notification-rules`,
      current.rules,
      desired.rules,
      (r) => ruleKey(r),
      ruleKey,
      NotificationRule,
    );
  }
  if (desired.onCall !== undefined) {
    await reconcile(
      api,
      `${base}/on-call-notification-rules`,
      current.onCallRules,
      desired.onCall,
      (r) => onCallKey(r),
      onCallKey,
      OnCallNotificationRule,
    );
  }
}
