import type { FastifyInstance } from 'fastify';
import { ScheduleDeleteQuery } from '../../../shared/api/schedules.js';
import type { EngineContext } from '../../engineContext.js';
import { EngineError } from '../../errors.js';
import { baseVersionOf } from '../../schedules/baseVersion.js';
import { parseOrThrow } from '../../validation.js';
import { authorize } from '../requestAuth.js';
import { bodyVersion, scheduleId, withEtag } from './scheduleRequest.js';

type IdParams = { Params: { id: string } };
type OverrideParams = { Params: { id: string; overrideId: string } };

/**
 * `/api/v1/schedules/{id}/overrides`: responders take shifts ("take this shift", swaps) and give
 * them back, without being allowed to change the rotation. Each is a new schedule version.
 */
export function registerOverrideRoutes(app: FastifyInstance, ctx: EngineContext): void {
  const base = '/api/v1/schedules/:id/overrides';
  const { overrides } = ctx.schedules;

  app.post<IdParams>(base, async (request, reply) => {
    await authorize(ctx.store, request, 'responder');
    const id = scheduleId(request.params.id);
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new EngineError(
        400,
        'invalid_request',
        'Send the override as a JSON object {start, end, userId, version}.',
        [{ path: '(body)', message: 'must be a JSON object' }],
      );
    }
    const version = baseVersionOf(request.headers['if-match'], bodyVersion(body));
    const { version: _version, ...fields } = body as Record<string, unknown>;
    const result = await overrides.add(id, fields, version);
    return withEtag(reply, result.schedule.version)
      .code(201)
      .header(
        'Location',
        `/api/v1/schedules/${id}/overrides/${encodeURIComponent(result.override.id)}`,
      )
      .send(result);
  });

  app.delete<OverrideParams>(`${base}/:overrideId`, async (request, reply) => {
    await authorize(ctx.store, request, 'responder');
    const id = scheduleId(request.params.id);
    const query = parseOrThrow(ScheduleDeleteQuery, request.query, 'query');
    const version = baseVersionOf(request.headers['if-match'], query.version);
    const schedule = await overrides.remove(id, request.params.overrideId, version);
    return withEtag(reply, schedule.version).send(schedule);
  });
}
