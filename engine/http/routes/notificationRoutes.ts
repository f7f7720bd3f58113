import type { FastifyInstance } from 'fastify';
import {
  ListNotificationsQuery,
  UpdateNotificationRuleRequest,
  UpdateOnCallNotificationRuleRequest,
} from '../../../shared/api/notificationRules.js';
import type { Principal } from '../../auth/authenticate.js';
import type { EngineContext } from '../../engineContext.js';
import { notFound } from '../../errors.js';
import {
  toNotificationRule,
  toNotificationView,
  toOnCallNotificationRule,
} from '../../notifications/notificationWire.js';
import { parseOrThrow } from '../../validation.js';
import { authorize, parseId } from '../requestAuth.js';

type UserParams = { Params: { id?: string } };
type RuleParams = { Params: { id?: string; ruleId: string } };
const userNotFound = () => notFound('user_not_found', 'This user');
const ruleNotFound = () => notFound('notification_rule_not_found', 'This notification rule');

/**
 * A user's notification rules, on-call notification rules and sent notifications, under
 * `/api/v1/users/{id}/…` and, for the caller's own, `/api/v1/me/…` (docs/api.md,
 * Notifications). Any role may call them; the service lets users manage their own and admins
 * anyone's.
 */
export function registerNotificationRoutes(app: FastifyInstance, ctx: EngineContext): void {
  const userOf = (caller: Principal, id: string | undefined) =>
    id === undefined ? caller.user.id : parseId(id, userNotFound);
  const { rules } = ctx.notifications;

  for (const base of ['/api/v1/users/:id', '/api/v1/me']) {
    const location = (userId: number, kind: string, ruleId: number) =>
      `/api/v1/users/${userId}/${kind}/${ruleId}`;

    app.get<UserParams>(`${base}/notification-rules`, async (request) => {
      const caller = await authorize(ctx.store, request, 'viewer');
      const list = await rules.list(userOf(caller, request.params.id), caller);
      return { items: list.map(toNotificationRule) };
    });

    app.post<UserParams>(`${base}/notification-rules`, async (request, reply) => {
      const caller = await authorize(ctx.store, request, 'viewer');
      const userId = userOf(caller, request.params.id);
      const rule = await rules.create(userId, request.body, caller);
      return reply
        .code(201)
        .header('Location', location(userId, 'notification-rules', rule.id))
        .send(toNotificationRule(rule));
    });

    app.patch<RuleParams>(`${base}/notification-rules/:ruleId`, async (request) => {
      const caller = await authorize(ctx.store, request, 'viewer');
      const userId = userOf(caller, request.params.id);
      const ruleId = parseId(request.params.ruleId, ruleNotFound);
      const patch = parseOrThrow(
        UpdateNotificationRuleRequest,
        request.body ?? {},
        'notification rule change',
      );
      return toNotificationRule(await rules.update(userId, ruleId, patch, caller));
    });

    app.delete<RuleParams>(`${base}/notification-rules/:ruleId`, async (request) => {
      const caller = await authorize(ctx.store, request, 'viewer');
      const userId = userOf(caller, request.params.id);
      await rules.remove(userId, parseId(request.params.ruleId, ruleNotFound), caller);
      return { deleted: true };
    });

    app.post<RuleParams>(`${base}/notification-rules/:ruleId/test`, async (request, reply) => {
      const caller = await authorize(ctx.store, request, 'viewer');
      const userId = userOf(caller, request.params.id);
      const ruleId = parseId(request.params.ruleId, ruleNotFound);
      const entry = await ctx.notifications.sendTest(userId, ruleId, caller);
      return reply.code(202).send(toNotificationView(entry));
    });

    app.get<UserParams>(`${base}/on-call-notification-rules`, async (request) => {
      const caller = await authorize(ctx.store, request, 'viewer');
      const list = await rules.listOnCall(userOf(caller, request.params.id), caller);
      return { items: list.map(toOnCallNotificationRule) };
    });

    app.post<UserParams>(`${base}/on-call-notification-rules`, async (request, reply) => {
      const caller = await authorize(ctx.store, request, 'viewer');
      const userId = userOf(caller, request.params.id);
      const rule = await rules.createOnCall(userId, request.body, caller);
      return reply
        .code(201)
        .header('Location', location(userId, 'on-call-notification-rules', rule.id))
        .send(toOnCallNotificationRule(rule));
    });

    app.patch<RuleParams>(`${base}/on-call-notification-rules/:ruleId`, async (request) => {
      const caller = await authorize(ctx.store, request, 'viewer');
      const userId = userOf(caller, request.params.id);
      const ruleId = parseId(request.params.ruleId, ruleNotFound);
      const patch = parseOrThrow(
        UpdateOnCallNotificationRuleRequest,
        request.body ?? {},
        'on-call notification rule change',
      );
      return toOnCallNotificationRule(await rules.updateOnCall(userId, ruleId, patch, caller));
    });

    app.delete<RuleParams>(`${base}/on-call-notification-rules/:ruleId`, async (request) => {
      const caller = await authorize(ctx.store, request, 'viewer');
      const userId = userOf(caller, request.params.id);
      await rules.removeOnCall(userId, parseId(request.params.ruleId, ruleNotFound), caller);
      return { deleted: true };
    });

    app.get<UserParams>(`${base}/notifications`, async (request) => {
      const caller = await authorize(ctx.store, request, 'viewer');
      const userId = userOf(caller, request.params.id);
      const query = parseOrThrow(ListNotificationsQuery, request.query, 'notifications query');
      const sent = await ctx.notifications.listSent(userId, caller, query.limit);
      return { items: sent.map(toNotificationView) };
    });
  }
}
