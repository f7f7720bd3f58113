import type { FastifyInstance } from 'fastify';
import {
  CreateAlertSourceRequest,
  UpdateAlertSourceRequest,
} from '../../../shared/api/alertSources.js';
import { roleAllows } from '../../../shared/domain/user.js';
import type { EngineContext } from '../../engineContext.js';
import { notFound } from '../../errors.js';
import { parseOrThrow } from '../../validation.js';
import { toAlertSource } from '../../wire.js';
import { authorize, parseId } from '../requestAuth.js';

type IdParams = { Params: { id: string } };
const sourceNotFound = () => notFound('alert_source_not_found', 'This alert source');

/**
 * `/api/v1/alert-sources`: admins create, change and delete them; everyone reads them;
 * integration keys are shown to responders and admins only.
 */
export function registerAlertSourceRoutes(app: FastifyInstance, ctx: EngineContext): void {
  const base = '/api/v1/alert-sources';

  app.post(base, async (request, reply) => {
    await authorize(ctx.store, request, 'admin');
    const body = parseOrThrow(CreateAlertSourceRequest, request.body, 'alert source');
    const source = await ctx.alertSources.create(body);
    return reply
      .code(201)
      .header('Location', `${base}/${source.id}`)
      .send(toAlertSource(source, true));
  });

  app.get(base, async (request) => {
    const caller = await authorize(ctx.store, request, 'viewer');
    const withKey = roleAllows(caller.role, 'responder');
    return { items: (await ctx.alertSources.list()).map((s) => toAlertSource(s, withKey)) };
  });

  app.get<IdParams>(`${base}/:id`, async (request) => {
    const caller = await authorize(ctx.store, request, 'viewer');
    const source = await ctx.alertSources.get(parseId(request.params.id, sourceNotFound));
    return toAlertSource(source, roleAllows(caller.role, 'responder'));
  });

  app.patch<IdParams>(`${base}/:id`, async (request) => {
    await authorize(ctx.store, request, 'admin');
    const id = parseId(request.params.id, sourceNotFound);
    const body = parseOrThrow(UpdateAlertSourceRequest, request.body ?? {}, 'alert source change');
    return toAlertSource(await ctx.alertSources.update(id, body), true);
  });

  app.delete<IdParams>(`${base}/:id`, async (request) => {
    const { user } = await authorize(ctx.store, request, 'admin');
    const result = await ctx.alertSources.remove(parseId(request.params.id, sourceNotFound), user);
    return { deleted: true, resolvedAlerts: result.resolvedAlerts };
  });
}
