import type { FastifyRequest } from 'fastify';
import type { UserRole } from '../../shared/domain/user.js';
import { authenticate, bearerToken, requireRole, type Principal } from '../auth/authenticate.js';
import type { TokenUsage } from '../auth/tokenUsage.js';
import type { EngineError } from '../errors.js';
import type { Store } from '../store/store.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by ./app.ts: records when tokens were last used. */
    tokenUsage?: TokenUsage;
  }
}

/**
 * The caller, if its token is valid and its effective role (the lower of the token's cap and
 * the user's role) covers `role`; else 401/403. Every `/api/v1` route calls this first, before
 * it looks at ids or bodies, so a refused caller learns nothing else.
 */
export async function authorize(
  store: Store,
  request: FastifyRequest,
  role: UserRole,
): Promise<Principal> {
  const principal = await authenticate(store, bearerToken(request.headers.authorization));
  request.server.tokenUsage?.note(principal);
  requireRole(principal, role);
  return principal;
}

/** Parses a numeric path id; anything else is simply not found. */
export function parseId(text: string, notFound: () => EngineError): number {
  if (!/^\d{1,15}$/.test(text)) throw notFound();
  return Number(text);
}
