import { EngineError } from '../errors.js';
import type { ApiTokenRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { hashToken } from './apiTokens.js';
import { lowerRole, roleAllows, type UserRole } from '../../shared/domain/user.js';

/** Who is asking: the token's user, the token, and what the token may do. */
export interface Principal {
  readonly user: UserRecord;
  readonly tokenId: number;
  readonly token: ApiTokenRecord;
  /** The lower of the token's cap and the user's role: what every check uses. */
  readonly role: UserRole;
}

/** Takes the token from `Authorization: Bearer <token>`. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

const unauthorized = () =>
  new EngineError(
    401,
    'unauthorized',
    'This needs an API token: send "Authorization: Bearer <token>" with a token of a Nocturne user.',
    undefined,
    { 'WWW-Authenticate': 'Bearer realm="nocturne"' },
  );

/** The user a token belongs to, or 401. */
export async function authenticate(store: Store, token: string | null): Promise<Principal> {
  if (!token) throw unauthorized();
  const found = await store.read((tx) => tx.apiTokens.findByHash(hashToken(token)));
  if (!found) {
    throw new EngineError(
      401,
      'unauthorized',
      'The API token is not valid (unknown or revoked).',
      undefined,
      {
        'WWW-Authenticate': 'Bearer realm="nocturne", error="invalid_token"',
      },
    );
  }
  return {
    user: found.user,
    tokenId: found.token.id,
    token: found.token,
    role: lowerRole(found.user.role, found.token.role),
  };
}

/** True when the token may do everything its user may (no cap below the user's role). */
export const isFullToken = (principal: Principal) => principal.role === principal.user.role;

/** 403 unless the principal's (token's effective) role covers `needed`. */
export function requireRole(principal: Principal, needed: UserRole): void {
  if (roleAllows(principal.role, needed)) return;
  const { user } = principal;
  throw new EngineError(
    403,
    'forbidden',
    isFullToken(principal)
      ? `This needs the ${needed} role; ${user.name} is a ${user.role}.`
      : `This needs the ${needed} role; this API token of ${user.name} is limited to ${principal.role}.`,
  );
}
