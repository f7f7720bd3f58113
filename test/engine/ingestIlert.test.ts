import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createSource,
  expectStatus,
  ingestClients,
  type IngestClients,
  type TestSource,
} from '../helpers/ingest.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';

/** The ilert events API, `POST /api/events`: every rule of DOMAIN.md over real HTTP. */
describe('ilert events API', () => {
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

  const send = (eventType: string, more: Record<string, unknown> = {}) =>
    io.ilert({ integrationKey: source.integrationKey, eventType, ...more });
  const alert = (alertKey: string, more: Record<string, unknown> = {}) =>
    send('ALERT', { summary: `Problem ${alertKey}`, alertKey, ...more });

  it('creates a PENDING alert from an ALERT and answers 202 with its id and key', async () => {
    const res = expectStatus(
      await alert('disk-db-1', {
        summary: 'Disk full on db-1',
        details: '97 % used',
        priority: 'LOW',
        labels: { host: 'db-1', port: 5432 },
        links: [{ href: 'https://grafana.example/d/1', text: 'Dashboard' }],
        images: [{ src: 'https://grafana.example/p.png', alt: 'usage' }],
        customDetails: { usage: { pct: 97 } },
      }),
      202,
    );
    expect(res.body).toEqual({
      status: 'accepted',
      outcome: 'created',
      alertId: expect.stringMatching(/^\d+$/),
      alertKey: 'disk-db-1',
    });
    const a = await io.alert(res.body.alertId);
    expect(a).toMatchObject({
      sourceId: source.id,
      alertKey: 'disk-db-1',
      state: 'PENDING',
      priority: 'LOW',
      severity: null,
      summary: 'Disk full on db-1',
      details: '97 % used',
      origin: 'ilert',
      labels: { host: 'db-1', port: '5432' },
      links: [{ href: 'https://grafana.example/d/1', text: 'Dashboard' }],
      images: [{ src: 'https://grafana.example/p.png', href: null, alt: 'usage' }],
      customDetails: { usage: { pct: 97 } },
      eventCount: 1,
      acceptedAt: null,
      resolvedAt: null,
    });
    expect(a.log.items).toEqual([
      {
        id: expect.any(String),
        alertId: a.id,
        at: a.createdAt,
        kind: 'created',
        actor: { type: 'integration', sourceId: source.id, format: 'ilert' },
        message: 'Created by an ilert event',
      },
    ]);
  });

  it('defaults the priority to HIGH', async () => {
    const res = await alert('prio');
    expect((await io.alert(res.body.alertId)).priority).toBe('HIGH');
  });

  it('generates a key for an ALERT without one, so each such ALERT is a new alert', async () => {
    const first = expectStatus(await send('ALERT', { summary: 'no key' }), 202);
    const second = expectStatus(await send('ALERT', { summary: 'no key', alertKey: '' }), 202);
    expect(first.body.alertKey).toMatch(/^[0-9a-f]{32}$/);
    expect(second.body.alertKey).toMatch(/^[0-9a-f]{32}$/);
    expect(second.body.alertId).not.toBe(first.body.alertId);
    // The generated key works like a sent one.
    const accepted = await send('ACCEPT', { alertKey: first.body.alertKey });
    expect(accepted.body.outcome).toBe('accepted');
  });

  it('updates the open alert with the same key: count, last event time, new fields', async () => {
    const first = await alert('cpu', { priority: 'LOW', labels: { a: '1' } });
    const before = await io.alert(first.body.alertId);
    const again = expectStatus(
      await alert('cpu', { summary: 'CPU at 99 %', priority: 'HIGH', labels: { a: '2' } }),
      202,
    );
    expect(again.body).toMatchObject({ outcome: 'updated', alertId: first.body.alertId });
    const after = await io.alert(first.body.alertId);
    expect(after).toMatchObject({
      state: 'PENDING',
      eventCount: 2,
      summary: 'CPU at 99 %',
      priority: 'HIGH',
      labels: { a: '2' },
      createdAt: before.createdAt,
    });
    expect(Date.parse(after.lastEventAt)).toBeGreaterThanOrEqual(Date.parse(before.lastEventAt));
    expect(after.log.items.map((e: any) => [e.kind, e.message])).toEqual([
      ['created', 'Created by an ilert event'],
      ['event', 'Event received again (2 in all) (priority LOW → HIGH)'],
    ]);
    expect(await io.alertsOf(source.id)).toHaveLength(1);
  });

  it('keeps fields a repeated ALERT does not carry', async () => {
    const first = await alert('keep', { details: 'kept', links: [{ href: 'https://k.example' }] });
    await alert('keep');
    expect(await io.alert(first.body.alertId)).toMatchObject({
      details: 'kept',
      links: [{ href: 'https://k.example', text: null }],
    });
  });

  it('compares keys case-insensitively and keeps the key as first sent', async () => {
    const first = await alert('Disk-Full/DB-1');
    const again = await alert('disk-full/db-1');
    expect(again.body.alertId).toBe(first.body.alertId);
    expect(again.body.alertKey).toBe('Disk-Full/DB-1');
    const accepted = await send('ACCEPT', { alertKey: 'DISK-FULL/DB-1' });
    expect(accepted.body.outcome).toBe('accepted');
    expect((await io.alert(first.body.alertId)).eventCount).toBe(2);
  });

  it('de-duplicates per alert source: the same key on two sources is two alerts', async () => {
    const other = await createSource(io.admin, 'Other');
    const mine = await alert('shared-key');
    const theirs = await io.ilert({
      integrationKey: other.integrationKey,
      eventType: 'ALERT',
      summary: 'theirs',
      alertKey: 'shared-key',
    });
    expect(theirs.body.outcome).toBe('created');
    expect(theirs.body.alertId).not.toBe(mine.body.alertId);
  });

  it('ACCEPT moves PENDING to ACCEPTED once; a second ACCEPT changes nothing', async () => {
    const created = await alert('acc');
    const res = expectStatus(await send('ACCEPT', { alertKey: 'acc', summary: 'on it' }), 202);
    expect(res.body).toEqual({
      status: 'accepted',
      outcome: 'accepted',
      alertId: created.body.alertId,
      alertKey: 'acc',
    });
    const accepted = await io.alert(created.body.alertId);
    expect(accepted).toMatchObject({ state: 'ACCEPTED', acceptedBy: null });
    expect(accepted.acceptedAt).not.toBeNull();
    expect(accepted.log.items.at(-1)).toMatchObject({
      kind: 'accepted',
      actor: { type: 'integration', sourceId: source.id, format: 'ilert' },
      message: 'Accepted by an ilert event: on it',
    });
    const again = await send('ACCEPT', { alertKey: 'acc' });
    expect(again.body.outcome).toBe('unchanged');
    expect(await io.alert(created.body.alertId)).toEqual(accepted);
  });

  it('an ALERT for an ACCEPTED alert counts the event and keeps it ACCEPTED', async () => {
    const created = await alert('acc-then-alert');
    await send('ACCEPT', { alertKey: 'acc-then-alert' });
    const again = await alert('acc-then-alert');
    expect(again.body.outcome).toBe('updated');
    expect(await io.alert(created.body.alertId)).toMatchObject({
      state: 'ACCEPTED',
      eventCount: 2,
    });
  });

  it('RESOLVE resolves a PENDING or ACCEPTED alert', async () => {
    const pending = await alert('res-p');
    const accepted = await alert('res-a');
    await send('ACCEPT', { alertKey: 'res-a' });
    for (const [key, created] of [
      ['res-p', pending],
      ['res-a', accepted],
    ] as const) {
      const res = expectStatus(await send('RESOLVE', { alertKey: key }), 202);
      expect(res.body.outcome).toBe('resolved');
      const a = await io.alert(created.body.alertId);
      expect(a.state).toBe('RESOLVED');
      expect(a.resolvedAt).not.toBeNull();
      expect(a.log.items.at(-1)).toMatchObject({
        kind: 'resolved',
        actor: { type: 'integration', format: 'ilert' },
      });
    }
  });

  it('never reopens a resolved alert: the same key afterwards opens a new alert', async () => {
    const first = await alert('flappy');
    await send('RESOLVE', { alertKey: 'flappy' });
    const resolved = await io.alert(first.body.alertId);
    const second = expectStatus(await alert('flappy'), 202);
    expect(second.body.outcome).toBe('created');
    expect(second.body.alertId).not.toBe(first.body.alertId);
    expect(await io.alert(first.body.alertId)).toEqual(resolved);
    const next = await io.alert(second.body.alertId);
    expect(next).toMatchObject({ state: 'PENDING', eventCount: 1, alertKey: 'flappy' });
    // Events for the key now reach the new alert only.
    await send('ACCEPT', { alertKey: 'flappy' });
    expect((await io.alert(second.body.alertId)).state).toBe('ACCEPTED');
    expect(await io.alert(first.body.alertId)).toEqual(resolved);
  });

  it.each(['ACCEPT', 'RESOLVE', 'COMMENT'])(
    'drops %s for a key with no alert, answering 202 without creating one',
    async (eventType) => {
      const res = expectStatus(
        await send(eventType, { alertKey: 'never-seen', summary: 'x' }),
        202,
      );
      expect(res.body).toEqual({
        status: 'accepted',
        outcome: 'dropped',
        alertId: null,
        alertKey: 'never-seen',
      });
      expect(await io.alertsOf(source.id)).toEqual([]);
    },
  );

  it.each(['ACCEPT', 'RESOLVE', 'COMMENT'])(
    'drops %s for a resolved key, leaving the resolved alert as it was',
    async (eventType) => {
      const created = await alert('done');
      await send('RESOLVE', { alertKey: 'done' });
      const resolved = await io.alert(created.body.alertId);
      const res = expectStatus(await send(eventType, { alertKey: 'done', summary: 'late' }), 202);
      expect(res.body.outcome).toBe('dropped');
      expect(await io.alert(created.body.alertId)).toEqual(resolved);
    },
  );

  it('COMMENT adds its text to the log of the open alert', async () => {
    const created = await alert('talk');
    const res = expectStatus(
      await send('COMMENT', { alertKey: 'talk', summary: 'rebooting' }),
      202,
    );
    expect(res.body.outcome).toBe('commented');
    await send('COMMENT', {
      alertKey: 'talk',
      comments: [{ creator: 'Ada', content: 'rebooted' }, { content: 'all good' }],
    });
    const a = await io.alert(created.body.alertId);
    expect(a.state).toBe('PENDING');
    expect(a.eventCount).toBe(1);
    expect(a.log.items.slice(1).map((e: any) => [e.kind, e.message, e.actor.type])).toEqual([
      ['comment', 'rebooting', 'integration'],
      ['comment', 'Ada: rebooted\nall good', 'integration'],
    ]);
  });

  it('takes the legacy apiKey and incidentKey fields end to end', async () => {
    const created = expectStatus(
      await io.ilert({
        apiKey: source.integrationKey,
        eventType: 'ALERT',
        summary: 'legacy',
        incidentKey: 'old-style',
      }),
      202,
    );
    expect(created.body.alertKey).toBe('old-style');
    const resolved = await io.ilert({
      apiKey: source.integrationKey,
      eventType: 'RESOLVE',
      incidentKey: 'OLD-style',
    });
    expect(resolved.body).toMatchObject({ outcome: 'resolved', alertId: created.body.alertId });
  });

  it('reads the event type in any case', async () => {
    const res = expectStatus(await send('alert', { summary: 'lower', alertKey: 'lower' }), 202);
    expect(res.body.outcome).toBe('created');
  });
});
