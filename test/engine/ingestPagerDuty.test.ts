import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createSource,
  expectStatus,
  ingestClients,
  pdTrigger,
  type IngestClients,
  type TestSource,
} from '../helpers/ingest.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';

/** PagerDuty Events API v2, `POST /v2/enqueue`, answered in PagerDuty's own shapes. */
describe('PagerDuty Events API v2', () => {
  let t: TestEngine;
  let io: IngestClients;
  let source: TestSource;
  beforeAll(async () => {
    t = await startTestEngine();
    io = ingestClients(t);
  });
  afterAll(() => t.dispose());
  beforeEach(async () => {
    source = await createSource(io.admin);
  });

  const trigger = (more: Record<string, unknown> = {}) =>
    io.pagerDuty(pdTrigger(source.integrationKey, more));
  const act = (event_action: string, dedup_key: string, routing_key = source.integrationKey) =>
    io.pagerDuty({ routing_key, event_action, dedup_key });
  const success = (dedup_key: string) => ({
    status: 'success',
    message: 'Event processed',
    dedup_key,
  });

  it('creates an alert from a trigger and answers 202 in PagerDuty shape with the dedup_key', async () => {
    const res = expectStatus(
      await trigger({
        dedup_key: 'db-1/disk',
        client: 'Nagios',
        client_url: 'https://nagios.example/db-1',
        payload: {
          summary: 'Disk full on db-1',
          source: 'db-1',
          severity: 'warning',
          component: 'postgres',
          group: 'prod',
          class: 'disk',
          custom_details: { free: '3%' },
        },
      }),
      202,
    );
    expect(res.body).toEqual(success('db-1/disk'));
    const [a] = await io.alertsOf(source.id);
    expect(await io.alert(a.id)).toMatchObject({
      alertKey: 'db-1/disk',
      state: 'PENDING',
      summary: 'Disk full on db-1',
      priority: 'LOW',
      severity: 'warning',
      origin: 'pagerduty',
      labels: { source: 'db-1', component: 'postgres', group: 'prod', class: 'disk' },
      links: [{ href: 'https://nagios.example/db-1', text: 'Nagios' }],
      customDetails: { custom_details: { free: '3%' } },
      log: {
        items: [
          {
            kind: 'created',
            actor: { type: 'integration', sourceId: source.id, format: 'pagerduty' },
            message: 'Created by a PagerDuty Events v2 event',
          },
        ],
      },
    });
  });

  it.each([
    ['critical', 'HIGH'],
    ['error', 'HIGH'],
    ['warning', 'LOW'],
    ['info', 'LOW'],
  ])('maps severity %s to priority %s', async (severity, priority) => {
    await trigger({ payload: { summary: 's', source: 'h', severity } });
    const [a] = await io.alertsOf(source.id);
    expect(a).toMatchObject({ severity, priority });
  });

  it('generates a dedup_key when the trigger has none, returns it, and de-duplicates on it', async () => {
    const first = expectStatus(await trigger(), 202);
    const key = first.body.dedup_key;
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    const again = expectStatus(await trigger({ dedup_key: key }), 202);
    expect(again.body).toEqual(success(key));
    const ack = expectStatus(await act('acknowledge', key), 202);
    expect(ack.body).toEqual(success(key));
    const alerts = await io.alertsOf(source.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ eventCount: 2, state: 'ACCEPTED' });
  });

  it('opens a new alert for each trigger without a dedup_key', async () => {
    const a = await trigger();
    const b = await trigger({ dedup_key: '' });
    expect(a.body.dedup_key).not.toBe(b.body.dedup_key);
    expect(await io.alertsOf(source.id)).toHaveLength(2);
  });

  it('updates the open alert on a repeated trigger, matching dedup_key case-insensitively', async () => {
    await trigger({ dedup_key: 'Host-Down' });
    const again = await trigger({
      dedup_key: 'host-down',
      payload: { summary: 'still down', source: 'h', severity: 'info' },
    });
    expect(again.body).toEqual(success('Host-Down'));
    const [a] = await io.alertsOf(source.id);
    expect(a).toMatchObject({ eventCount: 2, summary: 'still down', priority: 'LOW' });
  });

  it('acknowledge accepts and resolve resolves, both logged as the integration', async () => {
    await trigger({ dedup_key: 'k1' });
    expect((await act('acknowledge', 'K1')).body).toEqual(success('k1'));
    const [accepted] = await io.alertsOf(source.id);
    expect(accepted.state).toBe('ACCEPTED');
    expect((await act('resolve', 'k1')).body).toEqual(success('k1'));
    const a = await io.alert(accepted.id);
    expect(a.state).toBe('RESOLVED');
    expect(a.log.items.map((e: any) => [e.kind, e.actor.format, e.message])).toEqual([
      ['created', 'pagerduty', 'Created by a PagerDuty Events v2 event'],
      ['accepted', 'pagerduty', 'Accepted by a PagerDuty Events v2 event'],
      ['resolved', 'pagerduty', 'Resolved by a PagerDuty Events v2 event'],
    ]);
  });

  it('resolves an alert straight from PENDING', async () => {
    await trigger({ dedup_key: 'direct' });
    await act('resolve', 'direct');
    expect((await io.alertsOf(source.id))[0].state).toBe('RESOLVED');
  });

  it.each(['acknowledge', 'resolve'])(
    'drops %s sent with another routing key, answering success',
    async (action) => {
      await trigger({ dedup_key: 'mine' });
      const [before] = await io.alertsOf(source.id);
      const other = await createSource(io.admin, 'Other');
      const res = expectStatus(await act(action, 'mine', other.integrationKey), 202);
      expect(res.body).toEqual(success('mine'));
      expect(await io.alertsOf(source.id)).toEqual([before]);
      expect(await io.alertsOf(other.id)).toEqual([]);
    },
  );

  it.each(['acknowledge', 'resolve'])(
    'drops %s for an unknown dedup_key, answering success',
    async (action) => {
      const res = expectStatus(await act(action, 'nobody-sent-this'), 202);
      expect(res.body).toEqual(success('nobody-sent-this'));
      expect(await io.alertsOf(source.id)).toEqual([]);
    },
  );

  it('drops acknowledge and resolve after the alert is resolved; a trigger opens a new alert', async () => {
    await trigger({ dedup_key: 'again' });
    await act('resolve', 'again');
    const [resolved] = await io.alertsOf(source.id);
    expect((await act('acknowledge', 'again')).status).toBe(202);
    expect((await act('resolve', 'again')).status).toBe(202);
    expect(await io.alertsOf(source.id)).toEqual([resolved]);
    const reopened = expectStatus(await trigger({ dedup_key: 'again' }), 202);
    expect(reopened.body).toEqual(success('again'));
    const [newest, old] = await io.alertsOf(source.id);
    expect(newest).toMatchObject({ state: 'PENDING', eventCount: 1 });
    expect(old).toEqual(resolved);
  });
});
