import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../engine/clock.js';
import { createPolicy, createRoutedSource, minutes } from '../../helpers/escalation.js';
import { client } from '../../helpers/http.js';
import { setRules, settle } from '../../helpers/notifications.js';
import { createSchedule } from '../../helpers/scheduleApi.js';
import { SmtpSink } from '../../helpers/smtpSink.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';
import { addUser } from '../../helpers/users.js';
import { WebhookSink } from '../../helpers/webhookSink.js';

/**
 * The whole path over real HTTP with a controllable clock: a PagerDuty Events v2 trigger →
 * level 1 of the source's policy (whoever is on call in a schedule) → that person's email rule
 * delivers to an SMTP server on loopback and their webhook rule to a webhook receiver → the
 * level's timeout → level 2 → an accept → nothing more is sent, however long the clock runs;
 * and the alert's timeline tells each step, notification outcomes included.
 */
const t0 = Date.parse('2026-11-28T09:00:00Z');

/** The SMTP sink parses a message after accepting it: wait until `n` have arrived. */
async function mails(smtp: SmtpSink, n: number): Promise<void> {
  for (let waited = 0; smtp.messages.length < n && waited < 5_000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(smtp.messages).toHaveLength(n);
}

describe('escalation end to end: PagerDuty event → schedule → email and webhook → level 2 → accept', () => {
  let t: TestEngine;
  let clock: ManualClock;
  let smtp: SmtpSink;
  let hook: WebhookSink;

  beforeAll(async () => {
    clock = new ManualClock(t0);
    [smtp, hook] = await Promise.all([SmtpSink.start(), WebhookSink.start()]);
    t = await startTestEngine({
      clock,
      notifications: {
        smtp: { url: smtp.url, from: 'Nocturne <noc@example.test>' },
        webhookAllow: ['127.0.0.1'],
      },
    });
  });
  afterAll(async () => {
    await t.dispose();
    await Promise.all([smtp.close(), hook.close()]);
  });

  it('pages the on-call person by email and webhook, then level 2, and stops at the accept', async () => {
    const admin = client(t.url);
    const ada = await addUser(t, 'responder', 'Ada Lovelace');
    const grace = await addUser(t, 'responder', 'Grace Hopper');
    await setRules(t, ada.user.id, [
      { channel: 'email', priority: 'HIGH', delayMinutes: 0 },
      { channel: 'webhook', priority: 'HIGH', delayMinutes: 0, address: hook.url() },
    ]);
    await setRules(t, grace.user.id, [{ channel: 'email', priority: 'HIGH', delayMinutes: 0 }]);
    // Ada is on call all of today (daily turns from 08:00 UTC, Ada first).
    const schedule = await createSchedule(admin, {
      name: 'Ops primary',
      timeZone: 'UTC',
      layers: [
        {
          name: 'Daily',
          start: '2026-11-28T08:00:00Z',
          end: null,
          userIds: [ada.user.id, grace.user.id],
          rotation: { anchor: '2026-11-28T08:00:00Z', turn: { unit: 'days', length: 1 } },
          restrictions: [],
        },
      ],
    });
    const policy = await createPolicy(admin, [
      { targets: [{ type: 'schedule', id: schedule.id }], timeoutMinutes: 5 },
      { targets: [{ type: 'user', id: grace.user.id }], timeoutMinutes: 10 },
    ]);
    const source = await createRoutedSource(admin, policy.id);

    const event = await client(t.url, null).post('/v2/enqueue', {
      routing_key: source.integrationKey,
      event_action: 'trigger',
      dedup_key: 'db-1-disk',
      payload: { summary: 'Disk full on db-1', source: 'db-1', severity: 'critical' },
    });
    expect(event.status).toBe(202);
    expect(event.body).toEqual({
      status: 'success',
      message: 'Event processed',
      dedup_key: 'db-1-disk',
    });
    const [alert] = (await admin.get(`/api/v1/alerts?source=${source.id}`)).body.items;
    expect(alert).toMatchObject({ origin: 'pagerduty', priority: 'HIGH', state: 'PENDING' });

    // Level 1, at once: Ada, on call, by email and by webhook.
    await settle(t);
    await hook.received(1);
    await mails(smtp, 1);
    expect(smtp.messages.map((m) => m.subject)).toEqual(['[Nocturne] HIGH: Disk full on db-1']);
    expect(smtp.messages[0]!.text).toContain('Disk full on db-1');
    const to = (i: number) => {
      const field = smtp.messages[i]!.to;
      return field && !Array.isArray(field) ? field.text : '';
    };
    expect(to(0)).toBe(ada.user.email);
    expect(hook.requests).toHaveLength(1);
    expect(JSON.stringify(hook.requests[0]!.body)).toContain('Disk full on db-1');

    // Not yet: one millisecond before level 1's timeout nothing more goes out.
    clock.advance(minutes(5) - 1);
    await settle(t);
    expect(smtp.messages).toHaveLength(1);
    // Level 2 at the timeout: Grace by email.
    clock.advance(1);
    await settle(t);
    await mails(smtp, 2);
    expect(to(1)).toBe(grace.user.email);

    const accepted = await client(t.url, grace.token).post(`/api/v1/alerts/${alert.id}/accept`, {
      comment: 'On it',
    });
    expect(accepted.status).toBe(200);
    // Long after every timeout of the policy: nothing more is sent to anyone.
    for (let i = 0; i < 6; i += 1) {
      clock.advance(minutes(10));
      await settle(t);
    }
    await new Promise((resolve) => setTimeout(resolve, 200)); // a late mail would be parsed by now
    expect(smtp.messages).toHaveLength(2);
    expect(hook.requests).toHaveLength(1);

    const timeline = (await admin.get(`/api/v1/alerts/${alert.id}/timeline`)).body;
    expect(timeline.policy).toMatchObject({ id: policy.id, name: 'Ops' });
    expect(timeline.upcoming).toEqual([]);
    const told = timeline.happened.map((e: any) => `${e.at.slice(11, 16)} ${e.kind}: ${e.text}`);
    const host = `127.0.0.1:${hook.port}`;
    expect(told.slice(0, 4)).toEqual([
      '09:00 created: Created by a PagerDuty Events v2 event',
      '09:00 escalated: Escalated to level 1: Ada Lovelace (on call in Ops primary) via email now, webhook now',
      `09:00 notification: Notifying Ada Lovelace by email to ${ada.user.email} now`,
      `09:00 notification: Notifying Ada Lovelace by webhook to ${host} now`,
    ]);
    // Both channels deliver at 09:00, in whichever order the sends finish.
    expect([...told.slice(4, 6)].sort()).toEqual([
      expect.stringMatching(
        new RegExp(`^09:00 notification: Email to ${ada.user.email} delivered: 250 `),
      ),
      `09:00 notification: Webhook to ${host} delivered: HTTP 200`,
    ]);
    expect(told.slice(6)).toEqual([
      expect.stringMatching(/^09:05 escalated: Escalated to level 2: Grace Hopper via email now/),
      `09:05 notification: Notifying Grace Hopper by email to ${grace.user.email} now`,
      expect.stringMatching(
        new RegExp(`^09:05 notification: Email to ${grace.user.email} delivered: 250 `),
      ),
      '09:05 accepted: Accepted by Grace Hopper: On it',
    ]);
    // The escalation steps carry who was reached and why, for consoles.
    const steps = timeline.happened.filter((e: any) => e.kind === 'escalated');
    expect(steps.map((e: any) => e.step.recipients.map((r: any) => r.userId))).toEqual([
      [ada.user.id],
      [grace.user.id],
    ]);
  });
});
