import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../engine/clock.js';
import { client, type Client } from '../../helpers/http.js';
import { settle } from '../../helpers/notifications.js';
import { createSchedule, dailyLayer, scheduleBody, takeShift } from '../../helpers/scheduleApi.js';
import { RawStream } from '../../helpers/streamSocket.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';
import { addUser, type TestUser } from '../../helpers/users.js';
import { WebhookSink } from '../../helpers/webhookSink.js';

const minute = 60_000;
const t0 = Date.parse('2024-03-11T07:00:00+01:00');

/**
 * "Your shift starts in N minutes": planned from the schedules' hand-offs by recurring due
 * work, sent through the outbox at the rule's time — once, across restarts — and not at all
 * when the schedule changed meanwhile.
 */
describe('on-call notices', () => {
  let t: TestEngine;
  let clock: ManualClock;
  let sink: WebhookSink;
  let admin: Client;
  let users: TestUser[];
  /** The next hand-off of the schedule after t0, and who takes over then. */
  let handoff: number;
  let incoming: TestUser;
  let outgoing: TestUser;
  let scheduleId: string;

  beforeAll(async () => {
    clock = new ManualClock(t0);
    sink = await WebhookSink.start();
    t = await startTestEngine({ clock, notifications: { webhookAllow: ['127.0.0.1'] } });
    admin = client(t.url);
    // Times in notices are in each person's own zone.
    const berlin = { timeZone: 'Europe/Berlin' };
    users = [
      await addUser(t, 'responder', 'Alice', berlin),
      await addUser(t, 'responder', 'Bob', berlin),
    ];
    for (const user of users) {
      const res = await client(t.url, user.token).post('/api/v1/me/on-call-notification-rules', {
        channel: 'webhook',
        minutesBefore: 15,
        address: sink.url(`/shift/${user.user.id}`),
      });
      expect(res.status).toBe(201);
    }
    const schedule = await createSchedule(
      admin,
      scheduleBody([dailyLayer(users.map((u) => u.user.id))]),
    );
    scheduleId = schedule.id;
    const onCall = (await admin.get(`/api/v1/schedules/${schedule.id}/on-call`)).body;
    handoff = Date.parse(onCall.until);
    incoming = users.find((u) => u.user.id === onCall.next.userId)!;
    outgoing = users.find((u) => u !== incoming)!;
  });
  afterAll(async () => {
    await t.dispose();
    await sink.close();
  });

  const noticesTo = (user: TestUser) =>
    sink.requests.filter((r) => r.path === `/shift/${user.user.id}`);

  it('tells the incoming person 15 minutes before, once, across restarts', async () => {
    clock.set(handoff - 20 * minute);
    await settle(t);
    expect(noticesTo(incoming)).toHaveLength(0);

    t = await t.restart();
    clock.set(handoff - 15 * minute);
    await settle(t);
    expect(noticesTo(incoming)).toHaveLength(1);
    expect(noticesTo(outgoing)).toHaveLength(0);
    const notice = noticesTo(incoming)[0]!;
    expect(notice.body.text).toMatch(/^Your on-call shift on NOC primary starts in 15 min/);
    expect(notice.body.blocks[0].text.text).toContain('Mon 11 Mar 09:00 (Europe/Berlin)');
    expect(notice.body.blocks[0].text.text).toContain(`taking over from ${outgoing.user.name}`);

    t = await t.restart();
    clock.set(handoff - 5 * minute);
    await settle(t);
    clock.set(handoff + minute);
    await settle(t);
    expect(noticesTo(incoming)).toHaveLength(1);

    // A day later the other one takes over, and hears of it.
    clock.set(handoff + 24 * 60 * minute - 15 * minute);
    await settle(t);
    expect(noticesTo(outgoing)).toHaveLength(1);
    expect(noticesTo(incoming)).toHaveLength(1);
    const sent = (await client(t.url, incoming.token).get('/api/v1/me/notifications')).body.items;
    expect(sent.filter((n: any) => n.kind === 'shift' && n.channel === 'webhook')).toHaveLength(1);
  });

  it('reaches the console too, and sends nothing when the shift changed hands meanwhile', async () => {
    const next = handoff + 2 * 24 * 60 * minute; // the incoming person's turn again
    const stream = await RawStream.open(t.url, { headerToken: incoming.token });
    await stream.helloSnapshot();
    try {
      clock.set(next - 15 * minute);
      await settle(t);
      const pushed = await stream.nextWhere((m) => m.type === 'notification');
      expect(pushed).toMatchObject({
        kind: 'shift',
        alertId: null,
        scheduleId,
        priority: 'LOW',
        title: 'Your on-call shift on NOC primary starts in 15 min',
      });
    } finally {
      stream.close();
    }

    // The day after: the notice is planned a few minutes ahead, then the shift is taken over.
    const after = next + 24 * 60 * minute;
    clock.set(after - 17 * minute);
    await settle(t);
    const before = noticesTo(outgoing).length;
    const schedule = (await admin.get(`/api/v1/schedules/${scheduleId}`)).body;
    const taken = await takeShift(admin, scheduleId, schedule.version, {
      start: new Date(after - 60 * minute).toISOString(),
      end: new Date(after + 60 * minute).toISOString(),
      userId: incoming.user.id,
    });
    expect(taken.status).toBe(201);
    clock.set(after - 15 * minute);
    await settle(t);
    expect(noticesTo(outgoing)).toHaveLength(before);
    const [latest] = (await client(t.url, outgoing.token).get('/api/v1/me/notifications')).body
      .items;
    expect(latest).toMatchObject({ kind: 'shift', channel: 'webhook', state: 'skipped' });
    expect(latest.outcome).toMatch(/^the schedule changed/);
  });
});
