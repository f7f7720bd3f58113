import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../engine/clock.js';
import { client } from '../../helpers/http.js';
import { newAlert, notificationLog, page, setRules, settle } from '../../helpers/notifications.js';
import { RawStream } from '../../helpers/streamSocket.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';
import { addUser, type TestUser } from '../../helpers/users.js';
import { WebhookSink } from '../../helpers/webhookSink.js';

const t0 = Date.UTC(2026, 10, 28, 9, 0);
const minute = 60_000;

/**
 * `pageUser` as the escalation calls it: each rule of the alert's priority notifies after its
 * delay, through the outbox; an alert accepted or resolved before then notifies nobody; the
 * console push reaches only the paged user's consoles.
 */
describe('paging a user by their rules', () => {
  let t: TestEngine;
  let clock: ManualClock;
  let sink: WebhookSink;
  const streams: RawStream[] = [];

  beforeAll(async () => {
    clock = new ManualClock(t0);
    sink = await WebhookSink.start();
    t = await startTestEngine({ clock, notifications: { webhookAllow: ['127.0.0.1'] } });
  });
  afterEach(() => {
    for (const s of streams.splice(0)) s.close();
  });
  afterAll(async () => {
    await t.dispose();
    await sink.close();
  });

  async function consoleOf(user: TestUser): Promise<RawStream> {
    const stream = await RawStream.open(t.url, { headerToken: user.token });
    await stream.helloSnapshot();
    streams.push(stream);
    return stream;
  }

  it('notifies by each rule of the alert’s priority after its delay, and logs plan and outcome', async () => {
    const ada = await addUser(t, 'responder', 'Ada Lovelace');
    const hook = sink.url('/ada');
    await setRules(t, ada.user.id, [
      { channel: 'console', priority: 'HIGH', delayMinutes: 0 },
      { channel: 'webhook', priority: 'HIGH', delayMinutes: 5, address: hook },
      { channel: 'webhook', priority: 'LOW', delayMinutes: 0, address: hook },
    ]);
    const adaConsole = await consoleOf(ada);
    const alertId = await newAlert(t, { summary: 'Disk full on db-1' });

    const planned = await page(t, alertId, ada.user.id);
    expect(planned).toEqual([
      { userId: Number(ada.user.id), channel: 'console', dueAt: clock.now() },
      { userId: Number(ada.user.id), channel: 'webhook', dueAt: clock.now() + 5 * minute },
    ]);
    await settle(t);
    const pushed = await adaConsole.nextWhere((m) => m.type === 'notification');
    expect(pushed).toMatchObject({
      type: 'notification',
      userId: ada.user.id,
      kind: 'alert',
      alertId,
      scheduleId: null,
      title: 'HIGH: Disk full on db-1',
      priority: 'HIGH',
      at: new Date(clock.now()).toISOString(),
    });
    expect(sink.requests.filter((r) => r.path === '/ada')).toHaveLength(0);

    clock.advance(5 * minute - 1);
    await settle(t);
    expect(sink.requests.filter((r) => r.path === '/ada')).toHaveLength(0);
    clock.advance(1);
    await settle(t);
    const posted = sink.requests.filter((r) => r.path === '/ada');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body.text).toContain('HIGH: Disk full on db-1');
    expect(posted[0]!.body.text).toContain(`${t.url}/alerts/${alertId}`);
    expect(posted[0]!.body.blocks[0].type).toBe('section');
    expect(posted[0]!.headers['idempotency-key']).toMatch(/^nocturne-page-/);

    const host = `127.0.0.1:${sink.port}`;
    expect(await notificationLog(t, alertId)).toEqual([
      'Notifying Ada Lovelace on the console now',
      `Notifying Ada Lovelace by webhook to ${host} in 5 min`,
      'Console notification to Ada Lovelace delivered to 1 console',
      `Webhook to ${host} delivered: HTTP 200`,
    ]);
  });

  it('escapes Slack markup the alert carries, so it cannot mention everyone', async () => {
    const eve = await addUser(t, 'responder', 'Eve');
    await setRules(t, eve.user.id, [
      { channel: 'webhook', priority: 'HIGH', address: sink.url('/eve') },
    ]);
    const alertId = await newAlert(t, { summary: '<!channel> disk <full> & more' });
    await page(t, alertId, eve.user.id);
    await settle(t);
    const [posted] = sink.requests.filter((r) => r.path === '/eve');
    expect(posted!.body.text).toMatch(/^HIGH: &lt;!channel&gt; disk &lt;full&gt; &amp; more — /);
    expect(posted!.body.blocks[0].text.text).toContain('&lt;!channel&gt; disk &lt;full&gt;');
    expect(JSON.stringify(posted!.body)).not.toContain('<!channel>');
  });

  it('uses only the rules of the alert’s priority', async () => {
    const grace = await addUser(t, 'responder', 'Grace Hopper');
    await setRules(t, grace.user.id, [
      { channel: 'webhook', priority: 'HIGH', delayMinutes: 0, address: sink.url('/grace-high') },
      { channel: 'webhook', priority: 'LOW', delayMinutes: 0, address: sink.url('/grace-low') },
    ]);
    const low = await newAlert(t, { priority: 'LOW', summary: 'Certificate expires in 20 days' });
    const planned = await page(t, low, grace.user.id);
    expect(planned.map((p) => p.channel)).toEqual(['webhook']);
    await settle(t);
    const paths = sink.requests.map((r) => r.path);
    expect(paths).toContain('/grace-low');
    expect(paths).not.toContain('/grace-high');
  });

  it('says so when a user has no rule for the priority', async () => {
    const quiet = await addUser(t, 'responder', 'Quiet Person');
    await setRules(t, quiet.user.id, [{ channel: 'console', priority: 'HIGH' }]);
    const low = await newAlert(t, { priority: 'LOW' });
    expect(await page(t, low, quiet.user.id)).toEqual([]);
    expect(await notificationLog(t, low)).toEqual([
      'Quiet Person has no notification rule for LOW alerts: not notified',
    ]);
  });

  it('sends nothing for an alert accepted before the delay ran out', async () => {
    const linus = await addUser(t, 'responder', 'Linus');
    await setRules(t, linus.user.id, [
      { channel: 'webhook', priority: 'HIGH', delayMinutes: 5, address: sink.url('/linus') },
    ]);
    const alertId = await newAlert(t);
    await page(t, alertId, linus.user.id);
    clock.advance(2 * minute);
    await settle(t);
    const accepted = await client(t.url, linus.token).post(`/api/v1/alerts/${alertId}/accept`);
    expect(accepted.status).toBe(200);
    clock.advance(10 * minute);
    await settle(t);
    expect(sink.requests.filter((r) => r.path === '/linus')).toHaveLength(0);
    expect((await notificationLog(t, alertId)).at(-1)).toBe(
      `Webhook to 127.0.0.1:${sink.port} not sent: the alert was accepted before it was due`,
    );
  });

  it('does not retry a notification once the alert is resolved', async () => {
    const ken = await addUser(t, 'responder', 'Ken');
    await setRules(t, ken.user.id, [
      { channel: 'webhook', priority: 'HIGH', delayMinutes: 0, address: sink.url('/ken') },
    ]);
    sink.reply({ status: 503, body: 'busy' });
    const alertId = await newAlert(t);
    await page(t, alertId, ken.user.id);
    await settle(t);
    expect(sink.requests.filter((r) => r.path === '/ken')).toHaveLength(1);
    await client(t.url, ken.token).post(`/api/v1/alerts/${alertId}/resolve`);
    clock.advance(60 * minute);
    await settle(t);
    expect(sink.requests.filter((r) => r.path === '/ken')).toHaveLength(1);
    const log = await notificationLog(t, alertId);
    expect(log.at(-1)).toBe(`Webhook to 127.0.0.1:${sink.port} not sent: the alert was resolved`);
    const mine = (await client(t.url, ken.token).get('/api/v1/me/notifications')).body.items;
    expect(mine[0]).toMatchObject({ state: 'skipped', attempts: 2, alertId, channel: 'webhook' });
  });

  it('pushes to every console of the paged user and to nobody else’s', async () => {
    const ada = await addUser(t, 'responder', 'Ada Two');
    const bob = await addUser(t, 'responder', 'Bob');
    // A second token of Ada's, capped to viewer (a wall screen signed in as her), counts too.
    const wallToken = (
      await client(t.url).post(`/api/v1/users/${ada.user.id}/tokens`, {
        name: 'wall',
        role: 'viewer',
      })
    ).body.token;
    const laptop = await consoleOf(ada);
    const wall = await consoleOf({ ...ada, token: wallToken });
    const bobs = await consoleOf(bob);
    const admins = await RawStream.open(t.url);
    await admins.helloSnapshot();
    streams.push(admins);
    const alertId = await newAlert(t);
    await page(t, alertId, ada.user.id);
    await settle(t);
    const first = await laptop.nextWhere((m) => m.type === 'notification');
    const second = await wall.nextWhere((m) => m.type === 'notification');
    expect(second.id).toBe(first.id);
    expect((await notificationLog(t, alertId)).at(-1)).toBe(
      'Console notification to Ada Two delivered to 2 consoles',
    );
    for (const other of [bobs, admins]) {
      expect(other.messages.filter((m) => m.type === 'notification')).toEqual([]);
    }
  });

  it('skips a console notification when no console of the user is connected', async () => {
    const away = await addUser(t, 'responder', 'Away');
    const alertId = await newAlert(t);
    await page(t, alertId, away.user.id);
    await settle(t);
    const log = await notificationLog(t, alertId);
    expect(log).toContain('Console notification to Away not sent: no console connected');
    // The default email rule waits 5 minutes; without SMTP it is skipped and says why.
    clock.advance(5 * minute);
    await settle(t);
    expect((await notificationLog(t, alertId)).at(-1)).toMatch(
      new RegExp(`^Email to ${away.user.email} not sent: email is not set up on this engine`),
    );
  });
});
