import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AlertActionRequest,
  AssignRequest,
  CommentRequest,
  ListAlertsQuery,
} from '../../../shared/api/alerts.js';
import type { EngineContext } from '../../engineContext.js';
import { notFound } from '../../errors.js';
import { parseOrThrow } from '../../validation.js';
import { toAlert, toAlertSummary, toLogEntry } from '../../wire.js';
import { authorize, parseId } from '../requestAuth.js';

type IdParams = { Params: { id: string } };
const alertNotFound = () => notFound('alert_not_found', 'This alert');
const LogQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
/** Log entries served with an alert; more through `/log`. */
const logFirstPage = 200;

/** `/api/v1/alerts`: read by everyone; accepted, resolved, commented and assigned by responders. */
export function registerAlertRoutes(app: FastifyInstance, ctx: EngineContext): void {
  const base = '/api/v1/alerts';

  app.get(base, async (request) => {
    await authorize(ctx.store, request, 'viewer');
    const query = parseOrThrow(ListAlertsQuery, request.query, 'alert query');
    const page = await ctx.alertQueries.list(query);
    return { items: page.items.map(toAlertSummary), nextCursor: page.nextCursor };
  });

  app.get<IdParams>(`${base}/:id`, async (request) => {
    await authorize(ctx.store, request, 'viewer');
    const { alert, log } = await ctx.alertQueries.get(
      parseId(request.params.id, alertNotFound),
      logFirstPage,
    );
    return {
      ...toAlert(alert),
      log: { items: log.items.map(toLogEntry), nextCursor: log.nextCursor },
    };
  });

  /**
   * The escalation timeline (docs/escalation.md): apart from the alert, whose answer stays the
   * same while nothing changes, where this one moves with the clock. Times in `text` are in the
   * caller's zone.
   */
  app.get<IdParams>(`${base}/:id/timeline`, async (request) => {
    const { user } = await authorize(ctx.store, request, 'viewer');
    return ctx.timelines.timeline(parseId(request.params.id, alertNotFound), user.timeZone);
  });

  app.get<IdParams>(`${base}/:id/log`, async (request) => {
    await authorize(ctx.store, request, 'viewer');
    const query = parseOrThrow(LogQuery, request.query, 'log query');
    const log = await ctx.alertQueries.log(
      parseId(request.params.id, alertNotFound),
      query.cursor,
      query.limit,
    );
    return { items: log.items.map(toLogEntry), nextCursor: log.nextCursor };
  });

  app.post<IdParams>(`${base}/:id/accept`, async (request) => {
    const { user } = await authorize(ctx.store, request, 'responder');
    const body = parseOrThrow(AlertActionRequest, request.body, 'accept request');
    return toAlert(
      await ctx.alerts.accept(parseId(request.params.id, alertNotFound), user, body.comment),
    );
  });

  app.post<IdParams>(`${base}/:id/resolve`, async (request) => {
    const { user } = await authorize(ctx.store, request, 'responder');
    const body = parseOrThrow(AlertActionRequest, request.body, 'resolve request');
    return toAlert(
      await ctx.alerts.resolve(parseId(request.params.id, alertNotFound), user, body.comment),
    );
  });

  app.post<IdParams>(`${base}/:id/comment`, async (request, reply) => {
    const { user } = await authorize(ctx.store, request, 'responder');
    const body = parseOrThrow(CommentRequest, request.body, 'comment');
    return reply
      .code(201)
      .send(
        toAlert(
          await ctx.alerts.comment(parseId(request.params.id, alertNotFound), user, body.text),
        ),
      );
  });

  app.post<IdParams>(`${base}/:id/assign`, async (request) => {
    const { user } = await authorize(ctx.store, request, 'responder');
    const body = parseOrThrow(AssignRequest, request.body, 'assignment');
    const assignee = body.userId === null ? null : Number(body.userId);
    return toAlert(
      await ctx.alerts.assign(parseId(request.params.id, alertNotFound), user, assignee),
    );
  });
}
