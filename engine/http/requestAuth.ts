import type { FastifyRequest } from 'fastify';
import type { UserRole } from '../../shared/domain/user.js';
import { authenticate, bearerToken, requireRole, type Principal } from '../auth/authenticate.js';
import type { EngineError } from '../errors.js';
import type { Store } from '../store/store.js';

/** The caller's user, if its token is valid and its role covers `role`; else 401/403. */
export async function authorize(
  store: Store,
  request: FastifyRequest,
  role: UserRole,
): Promise<Principal> {
  const principal = await authenticate(store, bearerToken(request.headers.authorization));
  requireRole(principal, role);
  return principal;
}

/** Parses a numeric path id; anything else is simply not found. */
export function parseId(text: string, notFound: () => EngineError): number {
  if (!/^\d{1,15}$/.test(text)) throw notFound();
  return Number(text);
}
