import type { FastifyInstance } from 'fastify';
import { CreateUserRequest, UpdateUserRequest } from '../../../shared/api/users.js';
import type { EngineContext } from '../../engineContext.js';
import { notFound } from '../../errors.js';
import { parseOrThrow } from '../../validation.js';
import { toApiToken, toUser } from '../../wire.js';
import { authorize, parseId } from '../requestAuth.js';

type IdParams = { Params: { id: string } };
const userNotFound = () => notFound('user_not_found', 'This user');

/**
 * `/api/v1/users` and `/api/v1/me`: everyone reads users; admins create, change and delete
 * them; a user changes their own name, email and time zone (docs/api.md, Users).
 */
export function registerUserRoutes(app: FastifyInstance, ctx: EngineContext): void {
  const base = '/api/v1/users';

  app.get(base, async (request) => {
    await authorize(ctx.store, request, 'viewer');
    return { items: (await ctx.users.list()).map(toUser) };
  });

  app.get<IdParams>(`${base}/:id`, async (request) => {
    await authorize(ctx.store, request, 'viewer');
    return toUser(await ctx.users.get(parseId(request.params.id, userNotFound)));
  });

  app.post(base, async (request, reply) => {
    await authorize(ctx.store, request, 'admin');
    const body = parseOrThrow(CreateUserRequest, request.body, 'user');
    const user = await ctx.users.create(body);
    return reply.code(201).header('Location', `${base}/${user.id}`).send(toUser(user));
  });

  // Viewers too: for their own profile. The service refuses anyone else's (403).
  app.patch<IdParams>(`${base}/:id`, async (request) => {
    const caller = await authorize(ctx.store, request, 'viewer');
    const id = parseId(request.params.id, userNotFound);
    const body = parseOrThrow(UpdateUserRequest, request.body ?? {}, 'user change');
    return toUser(await ctx.users.update(id, body, caller));
  });

  app.delete<IdParams>(`${base}/:id`, async (request) => {
    const caller = await authorize(ctx.store, request, 'admin');
    const removal = await ctx.users.remove(parseId(request.params.id, userNotFound), caller);
    return { deleted: true, ...removal };
  });

  /** The caller, the token in hand and what it may do (a console greys out what it may not). */
  app.get('/api/v1/me', async (request) => {
    const caller = await authorize(ctx.store, request, 'viewer');
    return { ...toUser(caller.user), effectiveRole: caller.role, token: toApiToken(caller.token) };
  });

  app.patch('/api/v1/me', async (request) => {
    const caller = await authorize(ctx.store, request, 'viewer');
    const body = parseOrThrow(UpdateUserRequest, request.body ?? {}, 'user change');
    return toUser(await ctx.users.update(caller.user.id, body, caller));
  });
}
