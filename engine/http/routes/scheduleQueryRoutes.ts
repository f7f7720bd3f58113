import type { FastifyInstance } from 'fastify';
import { OnCallQuery, ShiftsQuery } from '../../../shared/api/schedules.js';
import { parseInstant } from '../../../shared/schedule/instant.js';
import type { EngineContext } from '../../engineContext.js';
import { parseOrThrow } from '../../validation.js';
import { authorize } from '../requestAuth.js';
import { scheduleId, withEtag } from './scheduleRequest.js';

type IdParams = { Params: { id: string } };

const instantOrUndefined = (text: string | undefined) =>
  text === undefined ? undefined : parseInstant(text);

/**
 * Questions about a schedule, for every role: who is on call (`on-call?at=`) and the rendered
 * shifts (`shifts?from=&to=`). Times are RFC 3339 with an offset; answers use the schedule's.
 */
export function registerScheduleQueryRoutes(app: FastifyInstance, ctx: EngineContext): void {
  const base = '/api/v1/schedules/:id';
  const { queries } = ctx.schedules;

  app.get<IdParams>(`${base}/on-call`, async (request, reply) => {
    await authorize(ctx.store, request, 'viewer');
    const id = scheduleId(request.params.id);
    const query = parseOrThrow(OnCallQuery, request.query, 'on-call query');
    const answer = await queries.onCall(id, instantOrUndefined(query.at));
    return withEtag(reply, answer.version).send(answer);
  });

  app.get<IdParams>(`${base}/shifts`, async (request, reply) => {
    await authorize(ctx.store, request, 'viewer');
    const id = scheduleId(request.params.id);
    const query = parseOrThrow(ShiftsQuery, request.query, 'shifts query');
    const answer = await queries.shifts(
      id,
      instantOrUndefined(query.from),
      instantOrUndefined(query.to),
    );
    return withEtag(reply, answer.version).send(answer);
  });
}
