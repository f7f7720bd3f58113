import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../engine/clock.js';
import { newAlert, notificationLog, page, setRules, settle } from '../../helpers/notifications.js';
import { SmtpSink } from '../../helpers/smtpSink.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';
import { addUser } from '../../helpers/users.js';

const t0 = Date.UTC(2026, 10, 28, 9, 0);

/** Email notifications through a real SMTP client (nodemailer) to an SMTP server on loopback. */
describe('email notifications', () => {
  let t: TestEngine;
  let clock: ManualClock;
  let smtp: SmtpSink;

  beforeAll(async () => {
    clock = new ManualClock(t0);
    smtp = await SmtpSink.start();
    t = await startTestEngine({
      clock,
      notifications: {
        smtp: { url: smtp.url, from: 'Nocturne <noc@example.test>' },
        publicUrl: 'https://noc.example.test/',
      },
    });
  });
  afterAll(async () => {
    await t.dispose();
    await smtp.close();
  });

  it('mails the alert’s summary, priority and a link to the user’s address', async () => {
    const ada = await addUser(t, 'responder', 'Ada Lovelace');
    await setRules(t, ada.user.id, [{ channel: 'email', priority: 'HIGH', delayMinutes: 0 }]);
    const alertId = await newAlert(t, { summary: 'Replication lag on db-2 above 30 s' });
    await page(t, alertId, ada.user.id);
    await settle(t);
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail.subject).toBe('[Nocturne] HIGH: Replication lag on db-2 above 30 s');
    expect(mail.from?.value[0]).toMatchObject({ name: 'Nocturne', address: 'noc@example.test' });
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe(ada.user.email);
    expect(mail.text).toContain('Replication lag on db-2 above 30 s');
    expect(mail.text).toContain(`https://noc.example.test/alerts/${alertId}`);
    expect(mail.messageId).toMatch(
      new RegExp(`^<nocturne-page-${alertId}-${ada.user.id}-.*@nocturne>$`),
    );
    expect(mail.headerLines.map((h) => h.line)).toContain('X-Priority: 1 (Highest)');
    expect(await notificationLog(t, alertId)).toEqual([
      `Notifying Ada Lovelace by email to ${ada.user.email} now`,
      expect.stringMatching(new RegExp(`^Email to ${ada.user.email} delivered: 250`)),
    ]);
  });

  it('sends to the rule’s own address when it has one', async () => {
    const grace = await addUser(t, 'responder', 'Grace');
    await setRules(t, grace.user.id, [
      { channel: 'email', priority: 'HIGH', address: 'pager-grace@example.test' },
    ]);
    const alertId = await newAlert(t);
    await page(t, alertId, grace.user.id);
    await settle(t);
    const mail = smtp.messages.at(-1)!;
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('pager-grace@example.test');
  });

  it('does not retry a permanent refusal (550)', async () => {
    const user = await addUser(t, 'responder', 'Refused');
    await setRules(t, user.user.id, [{ channel: 'email', priority: 'HIGH' }]);
    smtp.refuseNext(550, 'Mailbox unavailable');
    const before = smtp.messages.length;
    const alertId = await newAlert(t);
    await page(t, alertId, user.user.id);
    await settle(t);
    clock.advance(3_600_000);
    await settle(t);
    expect(smtp.messages.length).toBe(before);
    expect((await notificationLog(t, alertId)).at(-1)).toMatch(
      new RegExp(`^Email to ${user.user.email} failed: 550 Mailbox unavailable — not retried$`),
    );
  });

  it('retries a temporary refusal (451) and delivers', async () => {
    const user = await addUser(t, 'responder', 'Greylisted');
    await setRules(t, user.user.id, [{ channel: 'email', priority: 'HIGH' }]);
    smtp.refuseNext(451, 'Greylisted, try again later');
    const before = smtp.messages.length;
    const alertId = await newAlert(t);
    await page(t, alertId, user.user.id);
    await settle(t);
    expect(smtp.messages.length).toBe(before);
    clock.advance(10_000);
    await settle(t);
    expect(smtp.messages.length).toBe(before + 1);
    const log = await notificationLog(t, alertId);
    expect(log[1]).toMatch(
      /failed \(attempt 1 of 8\): 451 Greylisted, try again later — retrying in/,
    );
    expect(log[2]).toMatch(/delivered: 250/);
  });
});
