import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CreateNotificationRuleRequest,
  CreateOnCallNotificationRuleRequest,
  NotificationRule,
  NotificationView,
} from '../../shared/api/notificationRules.js';

/** The notification section of docs/api.md, and its JSON examples. */
const section = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8')
  .split('\n## Notifications\n')[1]!
  .split('\n## ')[0]!;
const examples = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map(
  (m) => JSON.parse(m[1]!) as Record<string, unknown>,
);

describe('notification rule schemas (shared/api/notificationRules.ts)', () => {
  it('docs/api.md shows a rule and a sent notification exactly as the schemas read them', () => {
    expect(examples).toHaveLength(2);
    expect(NotificationRule.parse(examples[0])).toEqual(examples[0]);
    expect(NotificationView.parse(examples[1])).toEqual(examples[1]);
  });

  it('normalises the address by channel', () => {
    expect(CreateNotificationRuleRequest.parse({ channel: 'console', priority: 'HIGH' })).toEqual({
      channel: 'console',
      priority: 'HIGH',
      delayMinutes: 0,
      address: null,
    });
    expect(
      CreateNotificationRuleRequest.parse({
        channel: 'email',
        priority: 'LOW',
        delayMinutes: 3,
        address: '  ada@example.com ',
      }).address,
    ).toBe('ada@example.com');
    expect(
      CreateOnCallNotificationRuleRequest.parse({
        channel: 'webhook',
        minutesBefore: 60,
        address: 'https://chat.example.com/hooks/abc',
      }),
    ).toEqual({
      channel: 'webhook',
      minutesBefore: 60,
      address: 'https://chat.example.com/hooks/abc',
    });
  });

  it('explains what is wrong with an address', () => {
    const issues = (value: unknown) =>
      CreateNotificationRuleRequest.safeParse(value).error?.issues.map((i) => [
        i.path.join('.'),
        i.message,
      ]);
    expect(issues({ channel: 'webhook', priority: 'HIGH' })).toEqual([
      ['address', 'a webhook needs its URL in "address"'],
    ]);
    expect(issues({ channel: 'console', priority: 'HIGH', address: 'x' })).toEqual([
      ['address', 'a console notification has no address: leave it out'],
    ]);
    expect(
      issues({ channel: 'webhook', priority: 'HIGH', address: 'javascript:alert(1)' }),
    ).toEqual([
      ['address', 'an http(s) URL, such as the incoming-webhook URL Slack or Mattermost gives you'],
    ]);
  });
});
