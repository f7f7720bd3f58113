import type { FastifyInstance } from 'fastify';
import { ScheduleDeleteQuery } from '../../../shared/api/schedules.js';
import type { EngineContext } from '../../engineContext.js';
import { policyNotFound } from '../../escalation/policyErrors.js';
import { baseVersionOf } from '../../schedules/baseVersion.js';
import { parseOrThrow } from '../../validation.js';
import { authorize, parseId } from '../requestAuth.js';
import { bodyVersion, withEtag } from './scheduleRequest.js';

type IdParams = { Params: { id: string } };
const policyId = (text: string) => parseId(text, () => policyNotFound(text));
const what = 'escalation policy';

/**
 * `/api/v1/escalation-policies` (docs/api.md, "Escalation policies"): everyone reads; admins
 * create, change and delete. Changes name the version they are based on (`If-Match` or
 * `version`), as for schedules.
 */
export function registerEscalationPolicyRoutes(app: FastifyInstance, ctx: EngineContext): void {
  const base = '/api/v1/escalation-policies';
  const policies = ctx.escalationPolicies;

  app.get(base, async (request) => {
    await authorize(ctx.store, request, 'viewer');
    return { items: await policies.list() };
  });

  app.post(base, async (request, reply) => {
    await authorize(ctx.store, request, 'admin');
    const policy = await policies.create(request.body);
    return withEtag(reply, policy.version)
      .code(201)
      .header('Location', `${base}/${policy.id}`)
      .send(policy);
  });

  app.get<IdParams>(`${base}/:id`, async (request, reply) => {
    await authorize(ctx.store, request, 'viewer');
    const policy = await policies.get(policyId(request.params.id));
    return withEtag(reply, policy.version).send(policy);
  });

  app.put<IdParams>(`${base}/:id`, async (request, reply) => {
    await authorize(ctx.store, request, 'admin');
    const id = policyId(request.params.id);
    const version = baseVersionOf(request.headers['if-match'], bodyVersion(request.body), what);
    const policy = await policies.replace(id, request.body, version);
    return withEtag(reply, policy.version).send(policy);
  });

  app.delete<IdParams>(`${base}/:id`, async (request) => {
    await authorize(ctx.store, request, 'admin');
    const id = policyId(request.params.id);
    const query = parseOrThrow(ScheduleDeleteQuery, request.query, 'query');
    await policies.remove(id, baseVersionOf(request.headers['if-match'], query.version, what));
    return { deleted: true };
  });
}
