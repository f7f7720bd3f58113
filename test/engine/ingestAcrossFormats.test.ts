import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  amAlert,
  amWebhook,
  createSource,
  ingestClients,
  pdTrigger,
  type IngestClients,
} from '../helpers/ingest.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';

/**
 * Rules that hold whatever format an event came in: one integration key takes all three
 * formats, keys de-duplicate across them, and everything survives a restart.
 */
describe('ingest across formats', () => {
  let t: TestEngine;
  let io: IngestClients;
  beforeAll(async () => {
    t = await startTestEngine();
    io = ingestClients(t);
  });
  afterAll(() => t.dispose());

  it('de-duplicates one key across ilert, PagerDuty and Alertmanager on the same source', async () => {
    const source = await createSource(io.admin);
    const key = source.integrationKey;
    const created = await io.ilert({
      integrationKey: key,
      eventType: 'ALERT',
      summary: 'Disk full',
      alertKey: 'Disk-DB1',
    });
    expect(created.body.outcome).toBe('created');
    expect((await io.pagerDuty(pdTrigger(key, { dedup_key: 'disk-db1' }))).body.dedup_key).toBe(
      'Disk-DB1',
    );
    const am = await io.alertmanager(
      key,
      amWebhook([amAlert('firing', { alertname: 'Disk' }, { fingerprint: 'DISK-DB1' })]),
    );
    expect(am.body.alerts[0]).toMatchObject({ outcome: 'updated', alertId: created.body.alertId });
    expect(
      (await io.pagerDuty({ routing_key: key, event_action: 'acknowledge', dedup_key: 'DISK-db1' }))
        .status,
    ).toBe(202);
    const accepted = await io.alert(created.body.alertId);
    expect(accepted).toMatchObject({ state: 'ACCEPTED', eventCount: 3, origin: 'ilert' });
    expect(accepted.log.items.map((e: any) => `${e.kind} ${e.actor.format}`)).toEqual([
      'created ilert',
      'event pagerduty',
      'event alertmanager',
      'accepted pagerduty',
    ]);

    const resolved = await io.alertmanager(
      key,
      amWebhook([amAlert('resolved', { alertname: 'Disk' }, { fingerprint: 'disk-db1' })]),
    );
    expect(resolved.body.alerts[0].outcome).toBe('resolved');
    const reopened = await io.ilert({
      integrationKey: key,
      eventType: 'ALERT',
      summary: 'Disk full again',
      alertKey: 'disk-db1',
    });
    expect(reopened.body.outcome).toBe('created');
    expect(await io.alertsOf(source.id)).toMatchObject([
      { id: reopened.body.alertId, state: 'PENDING' },
      { id: created.body.alertId, state: 'RESOLVED' },
    ]);
  });

  it('opens exactly one alert for many concurrent events with the same key', async () => {
    const source = await createSource(io.admin);
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        i % 2
          ? io.ilert({
              integrationKey: source.integrationKey,
              eventType: 'ALERT',
              summary: `storm ${i}`,
              alertKey: 'storm',
            })
          : io.pagerDuty(pdTrigger(source.integrationKey, { dedup_key: 'STORM' })),
      ),
    );
    for (const res of answers) expect(res.status).toBe(202);
    const alerts = await io.alertsOf(source.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].eventCount).toBe(25);
  });

  it('answers 202 only once the change is durable', async () => {
    const source = await createSource(io.admin);
    const res = await io.ilert({
      integrationKey: source.integrationKey,
      eventType: 'ALERT',
      summary: 'durable',
    });
    expect(res.status).toBe(202);
    const health = t.engine.store.health();
    expect(health.durableSeq).toBe(health.seq);
  });

  it('stops taking a rotated key at once, and the new key reaches the same open alerts', async () => {
    const source = await createSource(io.admin);
    const old = source.integrationKey;
    const created = await io.ilert({
      integrationKey: old,
      eventType: 'ALERT',
      summary: 's',
      alertKey: 'r',
    });
    const rotated = await io.admin.patch(`/api/v1/alert-sources/${source.id}`, {
      rotateIntegrationKey: true,
    });
    const fresh = rotated.body.integrationKey;
    const refused = await io.ilert({
      integrationKey: old,
      eventType: 'ALERT',
      summary: 's',
      alertKey: 'r',
    });
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('unknown_integration_key');
    const again = await io.ilert({
      integrationKey: fresh,
      eventType: 'ALERT',
      summary: 's',
      alertKey: 'r',
    });
    expect(again.body).toMatchObject({ outcome: 'updated', alertId: created.body.alertId });
  });

  it('refuses the key of a deleted source in every format; its open alerts were resolved', async () => {
    const source = await createSource(io.admin);
    const key = source.integrationKey;
    const created = await io.ilert({ integrationKey: key, eventType: 'ALERT', summary: 's' });
    await io.admin.delete(`/api/v1/alert-sources/${source.id}`);
    expect((await io.alert(created.body.alertId)).state).toBe('RESOLVED');
    const ilert = await io.ilert({ integrationKey: key, eventType: 'ALERT', summary: 's' });
    expect([ilert.status, ilert.body.error.code]).toEqual([404, 'unknown_integration_key']);
    const pd = await io.pagerDuty(pdTrigger(key));
    expect([pd.status, pd.body.code]).toEqual([400, 'unknown_integration_key']);
    const am = await io.alertmanager(key, amWebhook([amAlert('firing', { alertname: 'x' })]));
    expect([am.status, am.body.error.code]).toEqual([404, 'unknown_integration_key']);
  });

  it('keeps alerts, logs and de-duplication across a restart', async () => {
    const source = await createSource(io.admin, 'Restart');
    const key = source.integrationKey;
    await io.ilert({ integrationKey: key, eventType: 'ALERT', summary: 'pending', alertKey: 'p' });
    await io.ilert({ integrationKey: key, eventType: 'ALERT', summary: 'pending', alertKey: 'p' });
    await io.pagerDuty(pdTrigger(key, { dedup_key: 'a' }));
    await io.pagerDuty({ routing_key: key, event_action: 'acknowledge', dedup_key: 'a' });
    await io.alertmanager(
      key,
      amWebhook([amAlert('firing', { alertname: 'R' }, { fingerprint: 'r' })]),
    );
    await io.alertmanager(
      key,
      amWebhook([amAlert('resolved', { alertname: 'R' }, { fingerprint: 'r' })]),
    );
    const ids = (await io.alertsOf(source.id)).map((a) => a.id as string);
    const before = await Promise.all(ids.map((id) => io.alert(id)));

    t = await t.restart();
    io = ingestClients(t);

    expect(await Promise.all(ids.map((id) => io.alert(id)))).toEqual(before);
    // The open alerts are still found by key (in another case), the resolved one stays resolved.
    const p = await io.ilert({
      integrationKey: key,
      eventType: 'ALERT',
      summary: 'x',
      alertKey: 'P',
    });
    expect(p.body).toMatchObject({
      outcome: 'updated',
      alertId: before.find((a) => a.alertKey === 'p').id,
    });
    const a = await io.pagerDuty({ routing_key: key, event_action: 'resolve', dedup_key: 'A' });
    expect(a.status).toBe(202);
    expect((await io.alert(before.find((x) => x.alertKey === 'a').id)).state).toBe('RESOLVED');
    const r = await io.alertmanager(
      key,
      amWebhook([amAlert('firing', { alertname: 'R' }, { fingerprint: 'r' })]),
    );
    expect(r.body.alerts[0].outcome).toBe('created');
  });
});
