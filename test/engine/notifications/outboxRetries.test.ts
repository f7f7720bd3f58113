import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../engine/clock.js';
import { client } from '../../helpers/http.js';
import { newAlert, notificationLog, page, setRules, settle } from '../../helpers/notifications.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';
import { addUser } from '../../helpers/users.js';
import { WebhookSink } from '../../helpers/webhookSink.js';

const t0 = Date.UTC(2026, 10, 28, 9, 0);
const minute = 60_000;

/**
 * The outbox's retry policy over a real HTTP receiver: 5xx retried with backoff, Retry-After
 * honoured on 429, 4xx not retried, a give-up limit, redirects checked like the first target,
 * and every outcome in the alert's log and in the metrics.
 */
describe('outbox retries (webhook)', () => {
  let t: TestEngine;
  let clock: ManualClock;
  let sink: WebhookSink;
  let host: string;

  beforeAll(async () => {
    clock = new ManualClock(t0);
    sink = await WebhookSink.start();
    host = `127.0.0.1:${sink.port}`;
    t = await startTestEngine({
      clock,
      notifications: { webhookAllow: ['127.0.0.1'], retry: { maxAttempts: 3 } },
    });
  });
  afterAll(async () => {
    await t.dispose();
    await sink.close();
  });

  /** A user whose only rule posts to `path` of the sink at once; returns an alert paging them. */
  async function pagedVia(path: string): Promise<{ alertId: string; hits: () => number }> {
    const user = await addUser(t, 'responder', `Webhook ${path}`);
    await setRules(t, user.user.id, [
      { channel: 'webhook', priority: 'HIGH', delayMinutes: 0, address: sink.url(path) },
    ]);
    const alertId = await newAlert(t);
    await page(t, alertId, user.user.id);
    return { alertId, hits: () => sink.requests.filter((r) => r.path === path).length };
  }

  it('retries a 500 with backoff and delivers the next time', async () => {
    sink.reply({ status: 500, body: 'oops' });
    const { alertId, hits } = await pagedVia('/flaky');
    await settle(t);
    expect(hits()).toBe(1);
    // Full jitter: the first wait is at most the base (10 s).
    clock.advance(10_000);
    await settle(t);
    expect(hits()).toBe(2);
    const log = await notificationLog(t, alertId);
    expect(log.slice(1)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Webhook to ${host} failed \\(attempt 1 of 3\\): HTTP 500: oops — retrying in \\d+ s$`,
        ),
      ),
      `Webhook to ${host} delivered: HTTP 200`,
    ]);
    const keys = sink.requests
      .filter((r) => r.path === '/flaky')
      .map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toBe(keys[1]);
  });

  it('waits for Retry-After on a 429', async () => {
    sink.reply({ status: 429, headers: { 'retry-after': '120' }, body: 'slow down' });
    const { alertId, hits } = await pagedVia('/limited');
    await settle(t);
    expect(hits()).toBe(1);
    clock.advance(119_000);
    await settle(t);
    expect(hits()).toBe(1);
    clock.advance(1_000);
    await settle(t);
    expect(hits()).toBe(2);
    expect((await notificationLog(t, alertId))[1]).toBe(
      `Webhook to ${host} failed (attempt 1 of 3): HTTP 429: slow down — retrying in 2 min`,
    );
  });

  it('does not retry a 400', async () => {
    sink.reply({ status: 400, body: 'invalid_payload' });
    const { alertId, hits } = await pagedVia('/broken');
    await settle(t);
    clock.advance(60 * minute);
    await settle(t);
    expect(hits()).toBe(1);
    expect((await notificationLog(t, alertId)).at(-1)).toBe(
      `Webhook to ${host} failed: HTTP 400: invalid_payload — not retried`,
    );
  });

  it('gives up after the last attempt', async () => {
    sink.reply({ status: 502 }, { status: 503 }, { status: 504 });
    const { alertId, hits } = await pagedVia('/down');
    for (let i = 0; i < 5; i += 1) {
      await settle(t);
      clock.advance(10 * minute);
    }
    await settle(t);
    expect(hits()).toBe(3);
    expect((await notificationLog(t, alertId)).at(-1)).toBe(
      `Webhook to ${host} failed: HTTP 504 — gave up after 3 attempts`,
    );
  });

  it('retries when the receiver cannot be reached', async () => {
    const closed = await WebhookSink.start();
    const url = closed.url('/gone');
    await closed.close();
    const user = await addUser(t, 'responder', 'Unreachable');
    await setRules(t, user.user.id, [{ channel: 'webhook', priority: 'HIGH', address: url }]);
    const alertId = await newAlert(t);
    await page(t, alertId, user.user.id);
    await settle(t);
    expect((await notificationLog(t, alertId))[1]).toMatch(
      /failed \(attempt 1 of 3\): ECONNREFUSED/,
    );
  });

  it('checks the target of a redirect like the first one', async () => {
    sink.reply({ status: 307, headers: { location: 'http://10.0.0.7/steal' } });
    const { alertId, hits } = await pagedVia('/redirect');
    await settle(t);
    clock.advance(60 * minute);
    await settle(t);
    expect(hits()).toBe(1);
    expect((await notificationLog(t, alertId)).at(-1)).toMatch(
      /failed: refused: 10\.0\.0\.7 is a private network address; .* --webhook-allow .* — not retried$/,
    );
  });

  it('follows a 307 to an allowed target, re-posting the same body', async () => {
    sink.reply({ status: 307, headers: { location: '/moved' } });
    const { alertId } = await pagedVia('/old');
    await settle(t);
    const moved = sink.requests.filter((r) => r.path === '/moved');
    expect(moved).toHaveLength(1);
    expect(moved[0]!.body.text).toContain('HIGH:');
    expect((await notificationLog(t, alertId)).at(-1)).toBe(
      `Webhook to ${host} delivered: HTTP 200`,
    );
  });

  it('counts every outcome in the metrics, with the delivery latency', async () => {
    const metrics = (await client(t.url, null).get('/metrics')).body as string;
    const count = (outcome: string) =>
      Number(
        new RegExp(
          `nocturne_notifications_total\\{channel="webhook",outcome="${outcome}"\\} (\\d+)`,
        ).exec(metrics)?.[1] ?? 0,
      );
    expect(count('delivered')).toBeGreaterThanOrEqual(3);
    expect(count('retrying')).toBeGreaterThanOrEqual(4);
    expect(count('failed')).toBeGreaterThanOrEqual(3);
    expect(metrics).toMatch(
      /nocturne_notification_delivery_seconds_count\{channel="webhook"\} [1-9]/,
    );
    expect(metrics).toMatch(/nocturne_outbox_entries\{state="delivered"\} [1-9]/);
  });

  it('shows a user their notifications and sends a test through a rule', async () => {
    const user = await addUser(t, 'responder', 'Tester');
    const [rule] = await setRules(t, user.user.id, [
      { channel: 'webhook', priority: 'HIGH', address: sink.url('/test-me') },
    ]);
    const api = client(t.url, user.token);
    const queued = await api.post(`/api/v1/me/notification-rules/${rule.id}/test`);
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({
      kind: 'test',
      channel: 'webhook',
      state: 'pending',
      target: host,
    });
    const again = await api.post(`/api/v1/me/notification-rules/${rule.id}/test`);
    expect(again.status).toBe(429);
    expect(again.body.error.code).toBe('rate_limited');
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    await settle(t);
    expect(sink.requests.filter((r) => r.path === '/test-me')).toHaveLength(1);
    const list = await api.get('/api/v1/me/notifications?limit=5');
    expect(list.body.items[0]).toMatchObject({
      id: queued.body.id,
      state: 'delivered',
      attempts: 1,
      outcome: 'HTTP 200',
      title: 'Test notification from Nocturne',
    });
    const other = await addUser(t, 'responder');
    expect(
      (await client(t.url, other.token).get(`/api/v1/users/${user.user.id}/notifications`)).status,
    ).toBe(403);
  });
});
