import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../engine/clock.js';
import { killAllEngines, spawnEngine } from '../../helpers/engineProcess.js';
import { client } from '../../helpers/http.js';
import { newAlert, notificationLog, page, setRules, settle } from '../../helpers/notifications.js';
import { eventually } from '../../helpers/streamSocket.js';
import { startTestEngine, tempDataDir } from '../../helpers/testEngine.js';
import { addUser } from '../../helpers/users.js';
import { WebhookSink } from '../../helpers/webhookSink.js';

const t0 = Date.UTC(2026, 10, 28, 9, 0);

/**
 * The outbox is at least once: a notification whose send was under way when the engine stopped
 * (or died) is sent again after the restart — once more, with the same idempotency key.
 */
describe('outbox crash safety', () => {
  const sinks: WebhookSink[] = [];
  afterAll(async () => {
    await killAllEngines();
    for (const sink of sinks) await sink.close();
  });

  it('sends a notification leased at shutdown again after the restart, once', async () => {
    const sink = await WebhookSink.start();
    sinks.push(sink);
    const clock = new ManualClock(t0);
    let t = await startTestEngine({ clock, notifications: { webhookAllow: ['127.0.0.1'] } });
    try {
      const ada = await addUser(t, 'responder', 'Ada');
      await setRules(t, ada.user.id, [
        { channel: 'webhook', priority: 'HIGH', address: sink.url('/ada') },
      ]);
      sink.reply('hang');
      const alertId = await newAlert(t);
      await page(t, alertId, ada.user.id);
      await sink.received(1);

      t = await t.restart(); // the send under way is cut off; its lease stays in the outbox
      await settle(t);
      expect(sink.requests).toHaveLength(2);
      expect(sink.requests[1]!.headers['idempotency-key']).toBe(
        sink.requests[0]!.headers['idempotency-key'],
      );
      expect((await notificationLog(t, alertId)).slice(1)).toEqual([
        `Webhook to 127.0.0.1:${sink.port} delivered: HTTP 200`,
      ]);

      t = await t.restart();
      await settle(t);
      expect(sink.requests).toHaveLength(2);
      const [entry] = (await client(t.url, ada.token).get('/api/v1/me/notifications')).body.items;
      expect(entry).toMatchObject({ state: 'delivered', attempts: 2 });
    } finally {
      await t.dispose();
    }
  });

  it('sends it again after the engine process is killed mid-send (SIGKILL)', async () => {
    const sink = await WebhookSink.start();
    sinks.push(sink);
    const dir = tempDataDir();
    try {
      const first = await spawnEngine(dir, ['--webhook-allow', '127.0.0.1']);
      const api = client(first.url);
      const rule = await api.post('/api/v1/me/notification-rules', {
        channel: 'webhook',
        priority: 'LOW',
        delayMinutes: 7,
        address: sink.url('/crash'),
      });
      expect(rule.status).toBe(201);
      sink.reply('hang');
      expect((await api.post(`/api/v1/me/notification-rules/${rule.body.id}/test`)).status).toBe(
        202,
      );
      await sink.received(1);
      first.child.kill('SIGKILL');
      await first.exited;

      const second = await spawnEngine(dir, ['--webhook-allow', '127.0.0.1']);
      await sink.received(2);
      const again = client(second.url);
      await eventually(async () => {
        const [entry] = (await again.get('/api/v1/me/notifications')).body.items;
        return entry?.state === 'delivered';
      }, 'the notification to be delivered');
      const [entry] = (await again.get('/api/v1/me/notifications')).body.items;
      expect(entry).toMatchObject({ kind: 'test', attempts: 2, outcome: 'HTTP 200' });
      expect(sink.requests).toHaveLength(2);
      expect(sink.requests[1]!.headers['idempotency-key']).toBe(
        sink.requests[0]!.headers['idempotency-key'],
      );
      second.child.kill('SIGTERM');
      await second.exited;
    } finally {
      await killAllEngines();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
