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

/**
 * What stops or never starts escalation (docs/escalation.md, "The rules"): accepts and resolves
 * sent by the monitoring tool, a deleted alert source, a deleted policy, LOW priority, sources
 * without a policy.
 */
const t0 = Date.parse('2026-11-28T09:00:00Z');
let t: TestEngine;
afterEach(async () => t?.dispose());

async function start() {
  const clock = new ManualClock(t0);
  t = await startTestEngine({ clock });
  return { clock, admin: client(t.url) };
}

describe('what stops escalation', () => {
  it('stops for accepts and resolves from the monitoring tool, and when the source is deleted', async () => {
    const { clock, admin } = await start();
    const ids = await people(t, ['Ada Lovelace', 'Grace Hopper']);
    const policy = await createPolicy(admin, [
      { targets: [{ type: 'user', id: ids['Ada Lovelace']! }], timeoutMinutes: 5 },
      { targets: [{ type: 'user', id: ids['Grace Hopper']! }], timeoutMinutes: 5 },
    ]);
    const source = await createRoutedSource(admin, policy.id);
    const accepted = await sendEvent(t, source.integrationKey, 'acc');
    const resolved = await sendEvent(t, source.integrationKey, 'res');
    const orphaned = await sendEvent(t, source.integrationKey, 'orphan');
    await settle(t);
    await sendEvent(t, source.integrationKey, 'acc', 'ACCEPT');
    await sendEvent(t, source.integrationKey, 'res', 'RESOLVE');
    expect((await admin.delete(`/api/v1/alert-sources/${source.id}`)).status).toBe(200);
    clock.advance(minutes(60));
    await settle(t);
    for (const alertId of [accepted, resolved, orphaned]) {
      expect(stepLines(await stepsOf(admin, alertId))).toEqual(['L1/R0 09:00 Ada Lovelace']);
    }
    const byKind = await t.engine.store.read(async (tx) =>
      (
        await Promise.all(
          [accepted, resolved, orphaned].map((id) => tx.dueWork.listPending(`alert:${id}`)),
        )
      ).flat(),
    );
    expect(byKind.filter((w) => w.kind === 'escalate')).toEqual([]);
  });

  it('keeps the policy an alert started with; if it is deleted meanwhile, stops and says so', async () => {
    const { clock, admin } = await start();
    const ids = await people(t, ['Ada Lovelace', 'Grace Hopper']);
    const first = await createPolicy(admin, [
      { targets: [{ type: 'user', id: ids['Ada Lovelace']! }], timeoutMinutes: 5 },
      { targets: [{ type: 'user', id: ids['Ada Lovelace']! }], timeoutMinutes: 5 },
    ]);
    const second = await createPolicy(admin, [
      { targets: [{ type: 'user', id: ids['Grace Hopper']! }], timeoutMinutes: 5 },
    ]);
    const source = await createRoutedSource(admin, first.id);
    const alertId = await sendEvent(t, source.integrationKey, 'pinned');
    await settle(t);
    await admin.patch(`/api/v1/alert-sources/${source.id}`, { escalationPolicyId: second.id });
    const newer = await sendEvent(t, source.integrationKey, 'newer');
    await settle(t);
    expect(stepLines(await stepsOf(admin, newer))).toEqual(['L1/R0 09:00 Grace Hopper']);
    expect((await admin.delete(`/api/v1/escalation-policies/${first.id}?version=1`)).status).toBe(
      200,
    );
    clock.advance(minutes(5));
    await settle(t);
    expect(stepLines(await stepsOf(admin, alertId))).toEqual(['L1/R0 09:00 Ada Lovelace']);
    const stopped = (await logOf(admin, alertId)).filter((e) => e.kind === 'escalation-stopped');
    expect(stopped.map((e) => e.message)).toEqual([
      `Escalation stopped: escalation policy ${first.id} was deleted.`,
    ]);
  });

  it('does not page for LOW alerts, or for sources without a policy', async () => {
    const { admin } = await start();
    const ids = await people(t, ['Ada Lovelace']);
    const policy = await createPolicy(admin, [
      { targets: [{ type: 'user', id: ids['Ada Lovelace']! }], timeoutMinutes: 5 },
    ]);
    const routed = await createRoutedSource(admin, policy.id);
    const unrouted = await createRoutedSource(admin, null);
    const low = await sendEvent(t, routed.integrationKey, 'low', 'ALERT', { priority: 'LOW' });
    const plain = await sendEvent(t, unrouted.integrationKey, 'plain');
    await settle(t);
    expect(await stepsOf(admin, low)).toEqual([]);
    expect(await stepsOf(admin, plain)).toEqual([]);
    // Raised to HIGH by a repeated event: escalation starts then.
    await sendEvent(t, routed.integrationKey, 'low', 'ALERT', { priority: 'HIGH' });
    await settle(t);
    expect(stepLines(await stepsOf(admin, low))).toEqual(['L1/R0 09:00 Ada Lovelace']);
  });
});
