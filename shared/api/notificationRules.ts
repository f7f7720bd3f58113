import { z } from 'zod';
import { AlertPriority } from '../domain/alert.js';
import { limits } from '../domain/limits.js';
import { emailChars } from './users.js';

/**
 * How a person is reached (docs/notifications.md):
 * - `console`: every console signed in as the person gets a `notification` stream message;
 * - `email`: over the engine's SMTP server, to the rule's address or else the person's own;
 * - `webhook`: a Slack-compatible incoming-webhook POST (Slack, Mattermost, Rocket.Chat …).
 */
export const NotificationChannel = z.enum(['console', 'email', 'webhook']);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

/** Longest delay of an alert notification rule, and longest notice before a shift: a day. */
export const maxNotificationMinutes = 1440;
/** Rules of one kind one user may have. */
export const maxNotificationRulesPerUser = 20;

const minutes = (what: string) =>
  z
    .number({ error: `${what} must be a number of minutes` })
    .int(`${what} must be a whole number of minutes`)
    .min(0, `${what} cannot be negative`)
    .max(maxNotificationMinutes, `${what} is at most ${maxNotificationMinutes} minutes (a day)`);

const emailAddress = z
  .string()
  .trim()
  .pipe(
    z
      .email('an email address such as ada@example.com')
      .max(emailChars, `an email address has at most ${emailChars} characters`),
  );

const webhookUrl = z
  .string({ error: 'a webhook needs its URL in "address"' })
  .trim()
  .max(limits.urlChars, `a URL has at most ${limits.urlChars} characters`)
  .pipe(
    z.url({
      protocol: /^https?$/,
      error: 'an http(s) URL, such as the incoming-webhook URL Slack or Mattermost gives you',
    }),
  );

/** Checks `address` against the channel; see {@link withAddress}. */
function checkAddress(
  rule: { channel: NotificationChannel; address?: string | null | undefined },
  ctx: z.RefinementCtx,
): void {
  const address = rule.address ?? null;
  const problem = (message: string) => ctx.addIssue({ code: 'custom', path: ['address'], message });
  const check = (schema: z.ZodType, value: string) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) for (const issue of parsed.error.issues) problem(issue.message);
  };
  switch (rule.channel) {
    case 'console':
      if (address !== null) problem('a console notification has no address: leave it out');
      return;
    case 'email':
      if (address !== null) check(emailAddress, address);
      return;
    case 'webhook':
      if (address === null) problem('a webhook needs its URL in "address"');
      else check(webhookUrl, address);
      return;
  }
}

/**
 * Where a channel sends: null for `console`; an email address for `email` (null: the user's
 * own, as it is when the notification goes out); the URL for `webhook`.
 */
const withAddress = <T extends { address?: string | null | undefined }>(
  rule: T,
): Omit<T, 'address'> & { address: string | null } => ({
  ...rule,
  address: rule.address?.trim() || null,
});

const address = z.string({ error: 'an address is text (or null)' }).nullable().optional();

/**
 * `POST /api/v1/users/{id}/notification-rules`: notify by `channel`, `delayMinutes` after an
 * alert of `priority` reached the user (0: at once).
 */
export const CreateNotificationRuleRequest = z
  .strictObject({
    channel: NotificationChannel,
    delayMinutes: minutes('delayMinutes').default(0),
    priority: AlertPriority,
    address,
  })
  .superRefine(checkAddress)
  .transform(withAddress);
export type CreateNotificationRuleRequest = z.infer<typeof CreateNotificationRuleRequest>;

/** `PATCH …/notification-rules/{ruleId}`: the fields given change; the result must be valid. */
export const UpdateNotificationRuleRequest = z.strictObject({
  channel: NotificationChannel.optional(),
  delayMinutes: minutes('delayMinutes').optional(),
  priority: AlertPriority.optional(),
  address,
});
export type UpdateNotificationRuleRequest = z.infer<typeof UpdateNotificationRuleRequest>;

/** A rule as the API answers it. */
export const NotificationRule = z.object({
  id: z.string(),
  userId: z.string(),
  channel: NotificationChannel,
  delayMinutes: z.number().int(),
  priority: AlertPriority,
  address: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NotificationRule = Readonly<z.infer<typeof NotificationRule>>;

/**
 * `POST /api/v1/users/{id}/on-call-notification-rules`: tell the user by `channel`,
 * `minutesBefore` their on-call shift starts in any schedule ("your shift starts in 15 min").
 */
export const CreateOnCallNotificationRuleRequest = z
  .strictObject({
    channel: NotificationChannel,
    minutesBefore: minutes('minutesBefore'),
    address,
  })
  .superRefine(checkAddress)
  .transform(withAddress);
export type CreateOnCallNotificationRuleRequest = z.infer<
  typeof CreateOnCallNotificationRuleRequest
>;

/** `PATCH …/on-call-notification-rules/{ruleId}`. */
export const UpdateOnCallNotificationRuleRequest = z.strictObject({
  channel: NotificationChannel.optional(),
  minutesBefore: minutes('minutesBefore').optional(),
  address,
});
export type UpdateOnCallNotificationRuleRequest = z.infer<
  typeof UpdateOnCallNotificationRuleRequest
>;

export const OnCallNotificationRule = z.object({
  id: z.string(),
  userId: z.string(),
  channel: NotificationChannel,
  minutesBefore: z.number().int(),
  address: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OnCallNotificationRule = Readonly<z.infer<typeof OnCallNotificationRule>>;

/** Where a notification stands in the outbox (docs/notifications.md, "The outbox"). */
export const NotificationState = z.enum(['pending', 'sending', 'delivered', 'failed', 'skipped']);
export type NotificationState = z.infer<typeof NotificationState>;

/** What a notification is about. */
export const NotificationKind = z.enum(['alert', 'shift', 'test']);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** One notification of a user, as `GET /api/v1/users/{id}/notifications` lists it. */
export const NotificationView = z.object({
  id: z.string(),
  kind: NotificationKind,
  channel: NotificationChannel,
  userId: z.string(),
  alertId: z.string().nullable(),
  /** Where it goes, for people: an email address, a webhook's host, "console". */
  target: z.string(),
  title: z.string(),
  state: NotificationState,
  attempts: z.number().int(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** The last outcome in words: "250 OK", "delivered to 2 consoles", "HTTP 500 …". */
  outcome: z.string().nullable(),
});
export type NotificationView = Readonly<z.infer<typeof NotificationView>>;

/** Query of `GET /api/v1/users/{id}/notifications`: the newest `limit`. */
export const ListNotificationsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuery>;
