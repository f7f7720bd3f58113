import type { FastifyInstance } from 'fastify';
import {
  CreateHeartbeatMonitorRequest,
  UpdateHeartbeatMonitorRequest,
} from '../../../shared/api/heartbeatMonitors.js';
import { roleAllows } from '../../../shared/domain/user.js';
import type { EngineContext } from '../../engineContext.js';
import { notFound as notFoundError } from '../../errors.js';
import { toHeartbeatMonitor } from '../../heartbeats/heartbeatWire.js';
import { parseOrThrow } from '../../validation.js';
import { authorize, parseId } from '../requestAuth.js';

type IdParams = { Params: { id: string } };
const notFound = () => notFoundError('heartbeat_monitor_not_found', 'This heartbeat monitor');

/**
 * `/api/v1/heartbeat-monitors` (docs/heartbeats.md): everyone reads them; admins create,
 * change and delete them; ping keys are shown to responders and admins only, as integration
 * keys are.
 */
export function registerHeartbeatMonitorRoutes(app: FastifyInstance, ctx: EngineContext): void {
  const base = '/api/v1/heartbeat-monitors';

  app.get(base, async (request) => {
    const caller = await authorize(ctx.store, request, 'viewer');
    const withKey = roleAllows(caller.role, 'responder');
    return { items: (await ctx.heartbeats.list()).map((m) => toHeartbeatMonitor(m, withKey)) };
  });

  app.get<IdParams>(`${base}/:id`, async (request) => {
    const caller = await authorize(ctx.store, request, 'viewer');
    const monitor = await ctx.heartbeats.get(parseId(request.params.id, notFound));
    return toHeartbeatMonitor(monitor, roleAllows(caller.role, 'responder'));
  });

  app.post(base, async (request, reply) => {
    await authorize(ctx.store, request, 'admin');
    const body = parseOrThrow(CreateHeartbeatMonitorRequest, request.body, 'heartbeat monitor');
    const monitor = await ctx.heartbeats.create(body);
    return reply
      .code(201)
      .header('Location', `${base}/${monitor.id}`)
      .send(toHeartbeatMonitor(monitor, true));
  });

  app.patch<IdParams>(`${base}/:id`, async (request) => {
    await authorize(ctx.store, request, 'admin');
    const id = parseId(request.params.id, notFound);
    const body = parseOrThrow(
      UpdateHeartbeatMonitorRequest,
      request.body ?? {},
      'heartbeat monitor change',
    );
    return toHeartbeatMonitor(await ctx.heartbeats.update(id, body), true);
  });

  app.delete<IdParams>(`${base}/:id`, async (request) => {
    const { user } = await authorize(ctx.store, request, 'admin');
    await ctx.heartbeats.remove(parseId(request.params.id, notFound), user);
    return { deleted: true };
  });
}
