import { DateTime } from 'luxon';
import type { NotificationChannel } from '../../shared/api/notificationRules.js';
import { truncate } from '../../shared/domain/limits.js';
import type { AlertRecord, AlertSourceRecord } from '../store/records.js';
import type { OutboxMessage } from '../store/repositories/outbox.js';

/** Titles fit a tray notification and an email subject. */
const titleChars = 200;

/** Where a notification goes, for people: the console, an email address, a webhook's host. */
export function describeTarget(channel: NotificationChannel, address: string | null): string {
  if (channel === 'console') return 'console';
  if (channel === 'email') return address ?? 'their email address';
  // Never the whole URL: incoming-webhook URLs carry their secret in the path.
  try {
    return new URL(address ?? '').host;
  } catch {
    return 'a webhook';
  }
}

/** "on the console" / "by email to ada@example.com" / "by webhook to hooks.slack.com". */
export function channelPhrase(channel: NotificationChannel, address: string | null): string {
  switch (channel) {
    case 'console':
      return 'on the console';
    case 'email':
      return `by email${address ? ` to ${address}` : ''}`;
    case 'webhook':
      return `by webhook to ${describeTarget(channel, address)}`;
  }
}

/** "Email to ada@example.com", "Console notification to Ada Lovelace", "Webhook to host". */
export function deliveryName(
  channel: NotificationChannel,
  address: string | null,
  userName: string,
): string {
  switch (channel) {
    case 'console':
      return `Console notification to ${userName}`;
    case 'email':
      return `Email to ${address ?? userName}`;
    case 'webhook':
      return `Webhook to ${describeTarget(channel, address)}`;
  }
}

export const minutesText = (minutes: number) => (minutes === 0 ? 'now' : `in ${minutes} min`);

/** What a page about `alert` says. */
export function alertMessage(
  alert: AlertRecord,
  source: AlertSourceRecord | null,
  page: { readonly level: number; readonly round: number; readonly ruleId: number | null },
  link: string,
): OutboxMessage {
  const facts = [
    source ? `Source: ${source.name}` : null,
    alert.severity ? `Severity: ${alert.severity}` : null,
    alert.eventCount > 1 ? `${alert.eventCount} events` : null,
  ].filter((fact): fact is string => fact !== null);
  const round = page.round > 0 ? `, round ${page.round + 1}` : '';
  return {
    title: truncate(`${alert.priority}: ${alert.summary}`, titleChars),
    body: [
      facts.join(' · '),
      `Alert ${alert.id}, opened ${new Date(alert.createdAt).toISOString()} — escalation level ${page.level + 1}${round}.`,
    ]
      .filter((line) => line !== '')
      .join('\n'),
    priority: alert.priority,
    link,
    ruleId: page.ruleId,
    scheduleId: null,
    shiftStartsAt: null,
  };
}

/** What "your shift starts in N minutes" says, with times in the user's own zone. */
export function shiftMessage(shift: {
  readonly scheduleId: number;
  readonly scheduleName: string;
  readonly startsAt: number;
  readonly now: number;
  readonly timeZone: string;
  readonly previous: string | null;
  readonly ruleId: number;
  readonly link: string;
}): OutboxMessage {
  const minutes = Math.max(0, Math.round((shift.startsAt - shift.now) / 60_000));
  const when = DateTime.fromMillis(shift.startsAt, { zone: shift.timeZone });
  const local = `${when.toFormat('ccc d LLL HH:mm')} (${shift.timeZone})`;
  return {
    title: truncate(
      minutes === 0
        ? `Your on-call shift on ${shift.scheduleName} starts now`
        : `Your on-call shift on ${shift.scheduleName} starts in ${minutes} min`,
      titleChars,
    ),
    body:
      `You are on call for ${shift.scheduleName} from ${local}` +
      (shift.previous ? `, taking over from ${shift.previous}.` : '.'),
    priority: 'LOW',
    link: shift.link,
    ruleId: shift.ruleId,
    scheduleId: shift.scheduleId,
    shiftStartsAt: shift.startsAt,
  };
}

/** What a test notification says. */
export function testMessage(
  ruleId: number,
  channel: NotificationChannel,
  link: string,
): OutboxMessage {
  return {
    title: 'Test notification from Nocturne',
    body: `This is how Nocturne reaches you ${channelPhrase(channel, null)}. Nothing is wrong.`,
    priority: 'LOW',
    link,
    ruleId,
    scheduleId: null,
    shiftStartsAt: null,
  };
}

/** Where a channel sends for a user: an email rule without an address uses theirs. */
export function addressOf(
  channel: NotificationChannel,
  address: string | null,
  user: { readonly email: string },
): string | null {
  return channel === 'email' ? (address ?? user.email) : address;
}
