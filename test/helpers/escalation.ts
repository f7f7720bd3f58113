import { expect } from 'vitest';
import { client, type Client } from './http.js';
import type { TestEngine } from './testEngine.js';
import { addUser } from './users.js';

/**
 * Calls and readers for the escalation tests (docs/escalation.md): people, policies, sources
 * with a policy, triggering alerts, and what the alert log says was escalated.
 */

/** Adds responders by name; answers their ids (as the API names them) by name. */
export async function people(t: TestEngine, names: string[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const name of names) ids[name] = String((await addUser(t, 'responder', name)).user.id);
  return ids;
}

export interface LevelBody {
  targets: Array<{ type: 'user' | 'schedule' | 'team'; id: string }>;
  timeoutMinutes: number;
  roundRobin?: boolean;
}

/** Creates an escalation policy as admin and returns the answer's body (201 asserted). */
export async function createPolicy(
  api: Client,
  levels: LevelBody[],
  more: Record<string, unknown> = {},
): Promise<any> {
  const res = await api.post('/api/v1/escalation-policies', { name: 'Ops', levels, ...more });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Creates an alert source routed to `policyId`; answers its id and integration key. */
export async function createRoutedSource(
  api: Client,
  policyId: string | null,
  more: Record<string, unknown> = {},
): Promise<{ id: string; integrationKey: string }> {
  const res = await api.post('/api/v1/alert-sources', {
    name: `Source ${Math.random().toString(36).slice(2, 8)}`,
    escalationPolicyId: policyId,
    ...more,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Sends an ilert event; answers the alert's id. */
export async function sendEvent(
  t: TestEngine,
  integrationKey: string,
  alertKey: string,
  eventType: 'ALERT' | 'ACCEPT' | 'RESOLVE' | 'COMMENT' = 'ALERT',
  more: Record<string, unknown> = {},
): Promise<string> {
  const res = await client(t.url, null).post('/api/events', {
    integrationKey,
    eventType,
    alertKey,
    summary: `Problem ${alertKey}`,
    ...more,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body.alertId;
}

/** One `escalated` log entry, as the tests compare them. */
export interface SeenStep {
  readonly level: number;
  readonly round: number;
  /** Names of the people reached, in order; empty: nobody. */
  readonly names: string[];
  readonly at: string;
}

/** The alert's whole log (every page). */
export async function logOf(api: Client, alertId: string): Promise<any[]> {
  const entries: any[] = [];
  let cursor: string | null = null;
  do {
    const res: any = await api.get(
      `/api/v1/alerts/${alertId}/log?limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.status).toBe(200);
    entries.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return entries;
}

/** Every escalation step of an alert, from its log. */
export async function stepsOf(api: Client, alertId: string): Promise<SeenStep[]> {
  return (await logOf(api, alertId))
    .filter((e) => e.kind === 'escalated')
    .map((e) => ({
      level: e.data.level,
      round: e.data.round,
      names: e.data.recipients.map((r: any) => r.name),
      at: e.at,
    }));
}

/** Steps as `level/round@HH:MM names` lines (UTC), for whole-list assertions. */
export const stepLines = (steps: readonly SeenStep[]) =>
  steps.map(
    (s) => `L${s.level + 1}/R${s.round} ${s.at.slice(11, 16)} ${s.names.join(', ') || '-'}`,
  );

/** Waits until nothing is due at the engine's clock and no due work runs. */
export const settle = (t: TestEngine) => t.engine.context.work.idle();

/** The minutes of a test clock. */
export const minutes = (n: number) => n * 60_000;
