import type { CreateTokenRequest } from '../../shared/api/users.js';
import { roleAllows } from '../../shared/domain/user.js';
import type { Clock } from '../clock.js';
import { EngineError, notFound } from '../errors.js';
import type { ApiTokenRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { keepingAdminAccess } from '../users/adminAccess.js';
import { requireSelfOrAdmin } from '../users/userPermissions.js';
import { requireUser } from '../users/userService.js';
import { issueToken } from './apiTokens.js';
import type { Principal } from './authenticate.js';

/**
 * API tokens of users: a user manages their own, admins anyone's. A token capped below its
 * user's role (a wall screen's) may list its user's tokens and revoke itself, nothing more, so
 * a leaked wall-screen token cannot mint tokens that outlive its revocation.
 */
export class TokenService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    /** Closes the stream connections of a revoked token. */
    private readonly disconnectToken: (tokenId: number) => void,
  ) {}

  list(userId: number, caller: Principal): Promise<ApiTokenRecord[]> {
    if (caller.user.id !== userId) requireSelfOrAdmin(caller, userId, 'list the API tokens');
    return this.store.read(async (tx) => {
      await requireUser(tx, userId);
      return tx.apiTokens.listByUser(userId);
    });
  }

  /** Returns the token itself, which is never shown again. */
  create(
    userId: number,
    request: CreateTokenRequest,
    caller: Principal,
  ): Promise<{ token: string; record: ApiTokenRecord }> {
    requireSelfOrAdmin(caller, userId, 'create API tokens', 'create API tokens for another user');
    return this.store.write(async (tx) => {
      const user = await requireUser(tx, userId);
      const cap = request.role ?? null;
      if (cap !== null && !roleAllows(user.role, cap)) {
        throw new EngineError(
          400,
          'invalid_request',
          `A token cannot do more than its user: ${user.name} is a ${user.role}, so the token's role can be ${user.role} or lower.`,
          [{ path: 'role', message: `at most ${user.role}` }],
        );
      }
      return issueToken(tx, userId, request.name, this.clock.now(), undefined, cap);
    });
  }

  /** The token stops working at once and its stream connections are closed (4001). */
  async revoke(userId: number, tokenId: number, caller: Principal): Promise<void> {
    // Signing out (revoking the token in hand) is allowed to any token, capped or not.
    if (tokenId !== caller.tokenId) requireSelfOrAdmin(caller, userId, 'revoke API tokens');
    await this.store.write(async (tx) => {
      await requireUser(tx, userId);
      const token = await tx.apiTokens.get(tokenId);
      if (!token || token.userId !== userId) {
        throw notFound('token_not_found', `API token ${tokenId} of user ${userId}`);
      }
      await keepingAdminAccess(tx, `Revoking the token "${token.name}"`, () =>
        tx.apiTokens.revoke(tokenId, this.clock.now()),
      );
    });
    this.disconnectToken(tokenId);
  }
}
