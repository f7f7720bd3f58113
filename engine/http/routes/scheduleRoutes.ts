import type { FastifyInstance } from 'fastify';
import { ScheduleDeleteQuery } from '../../../shared/api/schedules.js';
import type { EngineContext } from '../../engineContext.js';
import { baseVersionOf } from '../../schedules/baseVersion.js';
import { parseOrThrow } from '../../validation.js';
import { authorize } from '../requestAuth.js';
import { registerOverrideRoutes } from './overrideRoutes.js';
import { registerScheduleQueryRoutes } from './scheduleQueryRoutes.js';
import { bodyVersion, scheduleId, withEtag } from './scheduleRequest.js';

type IdParams = { Params: { id: string } };

/**
 * `/api/v1/schedules` (docs/api.md, "On-call schedules"): everyone reads; admins create, change
 * and delete. Changes name the version they are based on (`If-Match` or `version`).
 */
export function registerScheduleRoutes(app: FastifyInstance, ctx: EngineContext): void {
  const base = '/api/v1/schedules';
  const { schedules } = ctx.schedules;

  app.get(base, async (request) => {
    await authorize(ctx.store, request, 'viewer');
    return { items: await schedules.list() };
  });

  app.post(base, async (request, reply) => {
    await authorize(ctx.store, request, 'admin');
    const schedule = await schedules.create(request.body);
    return withEtag(reply, schedule.version)
      .code(201)
      .header('Location', `${base}/${schedule.id}`)
      .send(schedule);
  });

  app.get<IdParams>(`${base}/:id`, async (request, reply) => {
    await authorize(ctx.store, request, 'viewer');
    const schedule = await schedules.get(scheduleId(request.params.id));
    return withEtag(reply, schedule.version).send(schedule);
  });

  app.put<IdParams>(`${base}/:id`, async (request, reply) => {
    await authorize(ctx.store, request, 'admin');
    const id = scheduleId(request.params.id);
    const version = baseVersionOf(request.headers['if-match'], bodyVersion(request.body));
    const schedule = await schedules.replace(id, request.body, version);
    return withEtag(reply, schedule.version).send(schedule);
  });

  app.delete<IdParams>(`${base}/:id`, async (request) => {
    await authorize(ctx.store, request, 'admin');
    const id = scheduleId(request.params.id);
    const query = parseOrThrow(ScheduleDeleteQuery, request.query, 'query');
    await schedules.remove(id, baseVersionOf(request.headers['if-match'], query.version));
    return { deleted: true };
  });

  registerOverrideRoutes(app, ctx);
  registerScheduleQueryRoutes(app, ctx);
}
