import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../engine/clock.js';
import {
  createPolicy,
  createRoutedSource,
  logOf,
  minutes,
  people,
  sendEvent,
  settle,
  stepLines,
  stepsOf,
} from '../../helpers/escalation.js';
import { client } from '../../helpers/http.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';
import { addUser } from '../../helpers/users.js';

/**
 * Alert sources' timeouts (docs/escalation.md, "Timeouts"): an accepted alert left unresolved
 * goes back to PENDING and escalates from level 1 again; an alert without new events is
 * resolved by the engine.
 */
const t0 = Date.parse('2026-11-28T09:00:00Z');
let t: TestEngine;
afterEach(async () => t?.dispose());

async function setup(sourceSettings: Record<string, unknown>) {
  const clock = new ManualClock(t0);
  t = await startTestEngine({ clock });
  const admin = client(t.url);
  const ids = await people(t, ['Ada Lovelace', 'Grace Hopper']);
  const policy = await createPolicy(admin, [
    { targets: [{ type: 'user', id: ids['Ada Lovelace']! }], timeoutMinutes: 10 },
    { targets: [{ type: 'user', id: ids['Grace Hopper']! }], timeoutMinutes: 10 },
  ]);
  const source = await createRoutedSource(admin, policy.id, sourceSettings);
  const rita = await addUser(t, 'responder', 'Rita Responder');
  return { clock, admin, source, rita: client(t.url, rita.token) };
}

const alertOf = async (admin: ReturnType<typeof client>, id: string) =>
  (await admin.get(`/api/v1/alerts/${id}`)).body;

describe('acknowledgement timeout', () => {
  it('sends an accepted, unresolved alert back to PENDING and escalates it from level 1 again', async () => {
    const { clock, admin, source, rita } = await setup({ ackTimeoutMinutes: 30 });
    const alertId = await sendEvent(t, source.integrationKey, 'ack');
    await settle(t);
    clock.advance(minutes(5));
    await settle(t);
    expect((await rita.post(`/api/v1/alerts/${alertId}/accept`, {})).status).toBe(200);

    const timeline = (await admin.get(`/api/v1/alerts/${alertId}/timeline`)).body;
    expect(timeline.upcoming[0]).toMatchObject({
      kind: 'ack-timeout',
      at: '2026-11-28T09:35:00.000Z',
    });
    expect(timeline.upcoming[1]).toMatchObject({ kind: 'level', level: 0, round: 0 });

    clock.advance(minutes(30) - 1);
    await settle(t);
    expect((await alertOf(admin, alertId)).state).toBe('ACCEPTED');
    clock.advance(1);
    await settle(t);
    const back = await alertOf(admin, alertId);
    expect(back).toMatchObject({ state: 'PENDING', acceptedAt: null, acceptedBy: null });
    const entry = (await logOf(admin, alertId)).find((e) => e.kind === 'ack-timeout');
    expect(entry).toMatchObject({ at: '2026-11-28T09:35:00.000Z', actor: { type: 'system' } });
    expect(entry.message).toMatch(
      /^Back to PENDING: accepted by Rita Responder at 2026-11-28T09:05:00.000Z and not resolved within 30 minutes/,
    );
    clock.advance(minutes(10));
    await settle(t);
    expect(stepLines(await stepsOf(admin, alertId))).toEqual([
      'L1/R0 09:00 Ada Lovelace',
      'L1/R0 09:35 Ada Lovelace',
      'L2/R0 09:45 Grace Hopper',
    ]);
  });

  it('is cancelled by a resolve, and follows a changed setting', async () => {
    const { clock, admin, source, rita } = await setup({ ackTimeoutMinutes: 30 });
    const resolved = await sendEvent(t, source.integrationKey, 'resolved');
    const changed = await sendEvent(t, source.integrationKey, 'changed');
    await settle(t);
    await rita.post(`/api/v1/alerts/${resolved}/accept`, {});
    await rita.post(`/api/v1/alerts/${changed}/accept`, {});
    await rita.post(`/api/v1/alerts/${resolved}/resolve`, {});
    // Shortened to 10 minutes: counted from the accept, so due at 09:10.
    const patched = await admin.patch(`/api/v1/alert-sources/${source.id}`, {
      ackTimeoutMinutes: 10,
    });
    expect(patched.body.ackTimeoutMinutes).toBe(10);
    clock.advance(minutes(10));
    await settle(t);
    expect((await alertOf(admin, changed)).state).toBe('PENDING');
    expect((await alertOf(admin, resolved)).state).toBe('RESOLVED');
    clock.advance(minutes(60));
    await settle(t);
    expect(await stepsOf(admin, resolved)).toHaveLength(1);
  });
});

describe('auto-resolve', () => {
  it('resolves an alert with no new event for the timeout; every event moves the deadline', async () => {
    const { clock, admin, source } = await setup({ autoResolveMinutes: 60 });
    const alertId = await sendEvent(t, source.integrationKey, 'quiet');
    await settle(t);
    clock.advance(minutes(30));
    await sendEvent(t, source.integrationKey, 'quiet'); // 09:30: the deadline moves to 10:30
    await settle(t);
    const timeline = (await admin.get(`/api/v1/alerts/${alertId}/timeline`)).body;
    expect(timeline.upcoming.at(-1)).toMatchObject({
      kind: 'auto-resolve',
      at: '2026-11-28T10:30:00.000Z',
    });
    // Escalation is not projected past the auto-resolve.
    expect(timeline.upcoming.filter((i: any) => i.at > '2026-11-28T10:30:00.000Z')).toEqual([]);

    clock.set(Date.parse('2026-11-28T10:29:00Z'));
    await settle(t);
    expect((await alertOf(admin, alertId)).state).toBe('PENDING');
    clock.set(Date.parse('2026-11-28T10:30:00Z'));
    await settle(t);
    const resolved = await alertOf(admin, alertId);
    expect(resolved).toMatchObject({ state: 'RESOLVED', resolvedAt: '2026-11-28T10:30:00.000Z' });
    const entry = (await logOf(admin, alertId)).find((e) => e.kind === 'resolved');
    expect(entry).toMatchObject({
      actor: { type: 'system' },
      message:
        'Resolved automatically: no new event for 60 minutes (the last at 2026-11-28T09:30:00.000Z).',
    });
    // Nothing escalates a resolved alert.
    const before = (await stepsOf(admin, alertId)).length;
    clock.advance(minutes(120));
    await settle(t);
    expect(await stepsOf(admin, alertId)).toHaveLength(before);
    expect((await admin.get(`/api/v1/alerts/${alertId}/timeline`)).body.upcoming).toEqual([]);
  });
});
