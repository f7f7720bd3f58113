import type { FastifyInstance } from 'fastify';
import { UpdateMaintenanceWindowRequest } from '../../../shared/api/maintenanceWindows.js';
import type { EngineContext } from '../../engineContext.js';
import { notFound as notFoundError } from '../../errors.js';
import { toMaintenanceWindowResponse } from '../../maintenance/maintenanceWire.js';
import { parseOrThrow } from '../../validation.js';
import { authorize, parseId } from '../requestAuth.js';

type IdParams = { Params: { id: string } };
const notFound = () => notFoundError('maintenance_window_not_found', 'This maintenance window');

/**
 * `/api/v1/maintenance-windows` (docs/maintenance.md): everyone reads them (with the occurrence
 * under way and the next one, as of the answer); admins create, change and delete them.
 */
export function registerMaintenanceWindowRoutes(app: FastifyInstance, ctx: EngineContext): void {
  const base = '/api/v1/maintenance-windows';
  const answer = (window: Parameters<typeof toMaintenanceWindowResponse>[0]) =>
    toMaintenanceWindowResponse(window, ctx.clock.now());

  app.get(base, async (request) => {
    await authorize(ctx.store, request, 'viewer');
    return { items: (await ctx.maintenance.list()).map(answer) };
  });

  app.get<IdParams>(`${base}/:id`, async (request) => {
    await authorize(ctx.store, request, 'viewer');
    return answer(await ctx.maintenance.get(parseId(request.params.id, notFound)));
  });

  app.post(base, async (request, reply) => {
    await authorize(ctx.store, request, 'admin');
    const window = await ctx.maintenance.create(request.body);
    return reply.code(201).header('Location', `${base}/${window.id}`).send(answer(window));
  });

  app.patch<IdParams>(`${base}/:id`, async (request) => {
    await authorize(ctx.store, request, 'admin');
    const id = parseId(request.params.id, notFound);
    const body = parseOrThrow(
      UpdateMaintenanceWindowRequest,
      request.body ?? {},
      'maintenance window change',
    );
    return answer(await ctx.maintenance.update(id, body));
  });

  app.delete<IdParams>(`${base}/:id`, async (request) => {
    await authorize(ctx.store, request, 'admin');
    await ctx.maintenance.remove(parseId(request.params.id, notFound));
    return { deleted: true };
  });
}
