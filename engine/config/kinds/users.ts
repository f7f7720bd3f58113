import { z } from 'zod';
import type {
  NotificationRule,
  OnCallNotificationRule,
} from '../../../shared/api/notificationRules.js';
import { CreateUserRequest } from '../../../shared/api/users.js';
import { User } from '../../../shared/domain/user.js';
import { TimeZoneName } from '../../../shared/schedule/scheduleModel.js';
import type { ConfigKind, EngineObject } from '../configKind.js';
import type { EngineApi } from '../engineApi.js';
import { userRef } from './entryFields.js';
import { sameValue } from '../valueDiff.js';
import {
  applyRules,
  listRules,
  NotificationRuleEntries,
  OnCallRuleEntries,
  onCallRuleToConfig,
  ruleToConfig,
} from './notificationRules.js';

/**
 * `users:` — people by email: name, role, time zone and, when the entry says so, their
 * notification rules. API tokens are secrets and never part of configuration.
 */

const UserEntry = CreateUserRequest.extend({
  email: userRef,
  timeZone: TimeZoneName.default('UTC'),
  /** Left out: the user's rules are theirs to manage (they start with the defaults). */
  notificationRules: NotificationRuleEntries.optional(),
  onCallNotificationRules: OnCallRuleEntries.optional(),
});
type UserEntry = z.output<typeof UserEntry>;

interface UserNow {
  readonly user: User;
  readonly rules: readonly NotificationRule[];
  readonly onCallRules: readonly OnCallNotificationRule[];
}

const base = '/api/v1/users';
const profile = (u: UserEntry) => ({
  name: u.name,
  email: u.email,
  role: u.role,
  timeZone: u.timeZone,
});

/** A few users at a time: two rule lists each, without flooding the engine. */
async function withRules(api: EngineApi, users: readonly User[]): Promise<UserNow[]> {
  const result: UserNow[] = [];
  for (let i = 0; i < users.length; i += 8) {
    const batch = users.slice(i, i + 8);
    const rules = await Promise.all(batch.map((u) => listRules(api, u.id)));
    batch.forEach((user, j) => result.push({ user, ...rules[j]! }));
  }
  return result;
}

export const usersKind: ConfigKind<UserEntry, UserNow> = {
  section: 'users',
  noun: 'user',
  entry: UserEntry,

  keyOf: (entry) => entry.email,
  references: () => [],
  withReferences: (entry) => entry,

  async list(api) {
    const { items } = await api.get(base, z.object({ items: z.array(User) }));
    return (await withRules(api, items)).map((now) => ({
      id: now.user.id,
      key: now.user.email,
      value: now,
    }));
  },

  toConfig: ({ user, rules, onCallRules }) => ({
    email: user.email,
    name: user.name,
    role: user.role,
    timeZone: user.timeZone,
    notificationRules: rules.map(ruleToConfig),
    onCallNotificationRules: onCallRules.map(onCallRuleToConfig),
  }),

  managed(current, desired) {
    const { notificationRules, onCallNotificationRules, ...rest } = current;
    return {
      ...rest,
      ...(desired.notificationRules !== undefined ? { notificationRules } : {}),
      ...(desired.onCallNotificationRules !== undefined ? { onCallNotificationRules } : {}),
    };
  },

  async create(api, desired) {
    const user = await api.post(base, profile(desired), User);
    await applyRules(api, user.id, {
      rules: desired.notificationRules,
      onCall: desired.onCallNotificationRules,
    });
    return user.id;
  },

  async update(api, current, desired, before) {
    const was = profile(before);
    const now = profile(desired);
    const patch = Object.fromEntries(
      Object.entries(now).filter(([field, value]) => was[field as keyof typeof was] !== value),
    );
    if (Object.keys(patch).length > 0) await api.patch(`${base}/${current.id}`, patch, User);
    const changed = <T>(a: T, b: T) => (sameValue(a, b) ? undefined : b);
    await applyRules(api, current.id, {
      rules: changed(before.notificationRules, desired.notificationRules),
      onCall: changed(before.onCallNotificationRules, desired.onCallNotificationRules),
    });
  },

  remove: (api, current) => api.remove(`${base}/${current.id}`),

  keep: (current: EngineObject<UserNow>, context) =>
    current.id === context.callerUserId
      ? 'the user of the token applying this configuration'
      : null,

  deleteNote: () => 'their API tokens are revoked',
};
