import type { FastifyInstance } from 'fastify';
import { CreateTokenRequest } from '../../../shared/api/users.js';
import type { Principal } from '../../auth/authenticate.js';
import type { EngineContext } from '../../engineContext.js';
import { notFound } from '../../errors.js';
import { parseOrThrow } from '../../validation.js';
import { toApiToken } from '../../wire.js';
import { authorize, parseId } from '../requestAuth.js';

type UserParams = { Params: { id?: string } };
type TokenParams = { Params: { id?: string; tokenId: string } };
const userNotFound = () => notFound('user_not_found', 'This user');
const tokenNotFound = () => notFound('token_not_found', 'This API token');

/**
 * API tokens of a user, under `/api/v1/users/{id}/tokens` and, for the caller's own,
 * `/api/v1/me/tokens`. Any role may call them; the token service decides whose tokens the
 * caller may see and change (docs/api.md, API tokens).
 */
export function registerTokenRoutes(app: FastifyInstance, ctx: EngineContext): void {
  /** The user a route is about: the path's, or the caller on `/me`. */
  const userOf = (caller: Principal, id: string | undefined) =>
    id === undefined ? caller.user.id : parseId(id, userNotFound);

  for (const base of ['/api/v1/users/:id/tokens', '/api/v1/me/tokens']) {
    app.get<UserParams>(base, async (request) => {
      const caller = await authorize(ctx.store, request, 'viewer');
      const tokens = await ctx.tokens.list(userOf(caller, request.params.id), caller);
      return { items: tokens.map(toApiToken) };
    });

    app.post<UserParams>(base, async (request, reply) => {
      const caller = await authorize(ctx.store, request, 'viewer');
      const userId = userOf(caller, request.params.id);
      const body = parseOrThrow(CreateTokenRequest, request.body, 'API token');
      const { token, record } = await ctx.tokens.create(userId, body, caller);
      return reply
        .code(201)
        .header('Location', `/api/v1/users/${userId}/tokens/${record.id}`)
        .header('Cache-Control', 'no-store')
        .send({ ...toApiToken(record), token });
    });

    app.delete<TokenParams>(`${base}/:tokenId`, async (request) => {
      const caller = await authorize(ctx.store, request, 'viewer');
      const userId = userOf(caller, request.params.id);
      await ctx.tokens.revoke(userId, parseId(request.params.tokenId, tokenNotFound), caller);
      return { revoked: true };
    });
  }
}
