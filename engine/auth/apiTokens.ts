import { createHash, randomBytes } from 'node:crypto';
import type { UserRole } from '../../shared/domain/user.js';
import type { ApiTokenRecord } from '../store/records.js';
import type { WriteTx } from '../store/store.js';

/** API tokens look like `noc_` + 43 base64url characters (256 random bits). */
export const tokenPattern = /^noc_[A-Za-z0-9_-]{20,100}$/;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function generateToken(): string {
  return `noc_${randomBytes(32).toString('base64url')}`;
}

/**
 * Stores a token for `userId` (only its hash is kept) and returns the token itself, once.
 * `role` caps what the token may do below its user's role.
 */
export async function issueToken(
  tx: WriteTx,
  userId: number,
  name: string,
  now: number,
  token: string = generateToken(),
  role: UserRole | null = null,
): Promise<{ token: string; record: ApiTokenRecord }> {
  const record = await tx.apiTokens.insert({
    userId,
    name,
    hash: hashToken(token),
    prefix: token.slice(0, 8),
    createdAt: now,
    role,
  });
  return { token, record };
}
