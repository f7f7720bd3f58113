import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CalendarFeedQuery, type CalendarFeedResponse } from '../../../shared/api/schedules.js';
import { requireRole, type Principal } from '../../auth/authenticate.js';
import type { EngineContext } from '../../engineContext.js';
import { notFound } from '../../errors.js';
import type { CalendarFeedKind } from '../../store/records.js';
import { parseOrThrow } from '../../validation.js';
import { authorize, parseId } from '../requestAuth.js';
import { scheduleId } from './scheduleRequest.js';

type IdParams = { Params: { id: string } };

const userId = (text: string) => parseId(text, () => notFound('user_not_found', `User ${text}`));

/** The address of a feed with its secret, on the host and scheme the caller used. */
function feedUrls(request: FastifyRequest, path: string, secret: string, createdAt: number) {
  const url = `${request.protocol}://${request.host}${path}?token=${secret}`;
  const answer: CalendarFeedResponse = {
    url,
    webcalUrl: url.replace(/^https?:/, 'webcal:'),
    createdAt: new Date(createdAt).toISOString(),
  };
  return answer;
}

function sendCalendar(reply: FastifyReply, file: { name: string; ics: string }) {
  return reply
    .type('text/calendar; charset=utf-8')
    .header('Content-Disposition', `inline; filename="${file.name}.ics"`)
    .header('Cache-Control', 'private, no-cache')
    .send(file.ics);
}

/**
 * Calendar feeds (docs/api.md, "Calendar feeds"): `POST …/calendar-feed` gives the caller a
 * secret address of a schedule's shifts, or of one user's shifts in every schedule; the `.ics`
 * routes accept that secret as `?token=` (calendar apps cannot send headers) or a bearer token.
 */
export function registerCalendarFeedRoutes(app: FastifyInstance, ctx: EngineContext): void {
  const { feeds, calendars } = ctx.schedules;

  /** A user's feed is theirs: an admin may manage anyone's. */
  const mayManageUserFeed = (caller: Principal, id: number) => {
    if (caller.user.id !== id) requireRole(caller, 'admin');
  };

  /**
   * The feed's subject, once the request is let in by the feed's secret or by a viewer's bearer
   * token (checked first, so a refused caller learns nothing about ids).
   */
  const admit = async (
    request: FastifyRequest<IdParams>,
    kind: CalendarFeedKind,
    subject: (text: string) => number,
  ): Promise<number> => {
    const { token } = parseOrThrow(CalendarFeedQuery, request.query, 'calendar query');
    if (token === undefined) {
      await authorize(ctx.store, request, 'viewer');
      return subject(request.params.id);
    }
    const id = subject(request.params.id);
    await feeds.verify(kind, id, token);
    return id;
  };

  const kinds = [
    {
      kind: 'schedule' as const,
      base: '/api/v1/schedules/:id',
      ics: 'calendar.ics',
      subject: scheduleId,
      mayManage: () => undefined,
      render: (id: number) => calendars.schedule(id),
    },
    {
      kind: 'user' as const,
      base: '/api/v1/users/:id',
      ics: 'shifts.ics',
      subject: userId,
      mayManage: mayManageUserFeed,
      render: (id: number) => calendars.user(id),
    },
  ];

  for (const feed of kinds) {
    app.post<IdParams>(`${feed.base}/calendar-feed`, async (request, reply) => {
      const caller = await authorize(ctx.store, request, 'viewer');
      const id = feed.subject(request.params.id);
      feed.mayManage(caller, id);
      const issued = await feeds.issue(feed.kind, id, caller.user);
      const path = `${feed.base.replace(':id', String(id))}/${feed.ics}`;
      return reply.code(201).send(feedUrls(request, path, issued.secret, issued.createdAt));
    });

    app.delete<IdParams>(`${feed.base}/calendar-feed`, async (request) => {
      const caller = await authorize(ctx.store, request, 'viewer');
      const id = feed.subject(request.params.id);
      feed.mayManage(caller, id);
      return { revoked: await feeds.revoke(feed.kind, id, caller.user.id) };
    });

    app.get<IdParams>(`${feed.base}/${feed.ics}`, async (request, reply) => {
      const id = await admit(request, feed.kind, feed.subject);
      return sendCalendar(reply, await feed.render(id));
    });
  }
}
