import { describe, expect, it } from 'vitest';
import { createManageCalls } from '../../renderer/transport/manageTransport.js';
import { createRestClient } from '../../renderer/transport/restClient.js';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function calls(answer: () => Response) {
  const seen: Array<{ url: string; method: string; body: unknown }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    seen.push({
      url,
      method: String(init.method),
      body: init.body === undefined ? undefined : JSON.parse(String(init.body)),
    });
    return answer();
  }) as unknown as typeof globalThis.fetch;
  const rest = createRestClient({ engineUrl: 'http://e:1', token: () => 'noc_t', fetch });
  return { manage: createManageCalls(rest), seen };
}

const sourceAnswer = {
  id: '1',
  name: 'Prometheus prod',
  integrationKey: 'c072e5cc9052fa1eea53e05b4311aa34',
  escalationPolicyId: null,
  ackTimeoutMinutes: null,
  autoResolveMinutes: null,
  createdAt: '2026-11-28T09:00:00.000Z',
  updatedAt: '2026-11-28T09:00:00.000Z',
};

describe('the manage calls of the browser transport', () => {
  it('sends one REST call each, with the method, path and body of docs/api.md', async () => {
    const { manage, seen } = calls(() => json(200, sourceAnswer));
    await manage.createAlertSource({ name: 'Prometheus prod' });
    await manage.updateAlertSource('1', { rotateIntegrationKey: true });
    const got = await manage.getAlertSource('1');
    expect(got.ok && got.value.integrationKey).toBe(sourceAnswer.integrationKey);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST http://e:1/api/v1/alert-sources',
      'PATCH http://e:1/api/v1/alert-sources/1',
      'GET http://e:1/api/v1/alert-sources/1',
    ]);
    expect(seen[1]!.body).toEqual({ rotateIntegrationKey: true });
  });

  it('deletes a policy at the version it read, and users and tokens at their paths', async () => {
    const { manage, seen } = calls(() => json(200, { deleted: true }));
    expect(await manage.deleteEscalationPolicy('4', 2)).toEqual({
      ok: true,
      value: { deleted: true },
    });
    await manage.deleteUser('7');
    await manage.createUserToken('7', { name: 'NOC wall', role: 'viewer' });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'DELETE http://e:1/api/v1/escalation-policies/4?version=2',
      'DELETE http://e:1/api/v1/users/7',
      'POST http://e:1/api/v1/users/7/tokens',
    ]);
  });

  it('refuses an answer that is not what the schema says', async () => {
    const { manage } = calls(() => json(201, { id: '9', name: 'Ada' }));
    const result = await manage.createUser({
      name: 'Ada',
      email: 'ada@example.com',
      role: 'viewer',
    });
    expect(!result.ok && result.error.code).toBe('invalid_response');
  });

  it('keeps the engine’s issues and sentence on a refusal, and explains a version conflict', async () => {
    const refused = calls(() =>
      json(400, {
        error: {
          code: 'invalid_escalation_policy',
          message: 'The escalation policy is not valid: levels.0.targets: A level needs a target.',
          issues: [{ path: 'levels.0.targets', message: 'A level needs a target.' }],
        },
      }),
    );
    const result = await refused.manage.createEscalationPolicy({ name: 'x', levels: [] });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_escalation_policy',
        message: 'The escalation policy is not valid: levels.0.targets: A level needs a target.',
        status: 400,
        issues: [{ path: 'levels.0.targets', message: 'A level needs a target.' }],
      },
    });
    const conflict = calls(() =>
      json(409, { error: { code: 'version_conflict', message: 'Version 3 is current.' } }),
    );
    const put = await conflict.manage.updateEscalationPolicy('4', {
      name: 'x',
      levels: [],
      version: 2,
    });
    expect(!put.ok && put.error.message).toMatch(/^Someone changed this since you opened it/);
    expect(conflict.seen[0]).toMatchObject({ method: 'PUT', body: { version: 2 } });
  });
});
