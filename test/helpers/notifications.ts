import type { PlannedNotification } from '../../engine/notifications/pager.js';
import { client } from './http.js';
import { createAlertSource, postIlertEvent } from './streamSocket.js';
import type { TestEngine } from './testEngine.js';

/**
 * Pages a user about an alert as the escalation engine does: `pageUser` inside a write
 * transaction (level 0, round 0 unless given; `at` defaults to now).
 */
export function page(
  t: TestEngine,
  alertId: string,
  userId: string,
  more: { level?: number; round?: number; at?: number } = {},
): Promise<PlannedNotification[]> {
  const ctx = t.engine.context;
  return t.engine.store.write(async (tx) => {
    const alert = await tx.alerts.get(Number(alertId));
    const user = await tx.users.get(Number(userId));
    if (!alert || !user) throw new Error(`no alert ${alertId} or no user ${userId}`);
    return ctx.notifications.pageUser(tx, {
      alert,
      user,
      level: more.level ?? 0,
      round: more.round ?? 0,
      at: more.at ?? ctx.clock.now(),
    });
  });
}

/** A new alert (ilert event) on a fresh alert source; returns its id. */
export async function newAlert(
  t: TestEngine,
  fields: { summary?: string; priority?: 'HIGH' | 'LOW' } = {},
): Promise<string> {
  const source = await createAlertSource(t.url, `Source ${Math.random().toString(36).slice(2)}`);
  const answer = await postIlertEvent(t.url, source.integrationKey, {
    alertKey: `key-${Math.random().toString(36).slice(2)}`,
    summary: fields.summary ?? 'Disk full on db-1',
    ...(fields.priority ? { priority: fields.priority } : {}),
  });
  return answer.alertId as string;
}

/** Replaces a user's notification rules with `rules` (as the admin). */
export async function setRules(
  t: TestEngine,
  userId: string,
  rules: ReadonlyArray<Record<string, unknown>>,
): Promise<any[]> {
  const api = client(t.url);
  const base = `/api/v1/users/${userId}/notification-rules`;
  for (const rule of (await api.get(base)).body.items) await api.delete(`${base}/${rule.id}`);
  const made = [];
  for (const rule of rules) {
    const res = await api.post(base, rule);
    if (res.status !== 201) throw new Error(`rule: ${JSON.stringify(res.body)}`);
    made.push(res.body);
  }
  return made;
}

/** The `notification` entries of an alert's log, as messages. */
export async function notificationLog(t: TestEngine, alertId: string): Promise<string[]> {
  const res = await client(t.url).get(`/api/v1/alerts/${alertId}/log?limit=500`);
  if (res.status !== 200) throw new Error(`log: ${JSON.stringify(res.body)}`);
  return res.body.items
    .filter((e: { kind: string }) => e.kind === 'notification')
    .map((e: { message: string }) => e.message);
}

/** Lets due work run and the outbox drain at the clock's current time. */
export async function settle(t: TestEngine): Promise<void> {
  const ctx = t.engine.context;
  for (let i = 0; i < 3; i += 1) {
    await ctx.work.idle();
    await ctx.notifications.idle();
  }
}
