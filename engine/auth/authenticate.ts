import { EngineError } from '../errors.js';
import type { UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { hashToken } from './apiTokens.js';
import { roleAllows, type UserRole } from '../../shared/domain/user.js';

export interface Principal {
  readonly user: UserRecord;
  readonly tokenId: number;
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
  return { user: found.user, tokenId: found.token.id };
}

/** 403 unless the principal's role covers `needed`. */
export function requireRole(principal: Principal, needed: UserRole): void {
  if (!roleAllows(principal.user.role, needed)) {
    throw new EngineError(
      403,
      'forbidden',
      `This needs the ${needed} role; ${principal.user.name} is a ${principal.user.role}.`,
    );
  }
}
