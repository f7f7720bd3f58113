import { roleAllows } from '../../shared/domain/user.js';
import { isFullToken, type Principal } from '../auth/authenticate.js';
import { EngineError } from '../errors.js';

export const isAdmin = (caller: Principal) => roleAllows(caller.role, 'admin');

/**
 * Admins act on anyone; other users on themselves only, and only with a token that is not
 * capped below their role: a wall-screen token of an admin reads, it does not change the
 * admin's profile or mint tokens. `what` is the action ("create API tokens"), `forOthers` the
 * same done to someone else ("create API tokens for another user").
 */
export function requireSelfOrAdmin(
  caller: Principal,
  userId: number,
  what: string,
  forOthers = `${what} of another user`,
): void {
  if (isAdmin(caller)) return;
  if (caller.user.id !== userId) {
    throw new EngineError(403, 'forbidden', `Only an admin can ${forOthers}.`);
  }
  if (!isFullToken(caller)) {
    throw new EngineError(
      403,
      'forbidden',
      `This API token is limited to ${caller.role}; to ${what}, use a token with ${caller.user.name}'s full role (${caller.user.role}).`,
    );
  }
}
