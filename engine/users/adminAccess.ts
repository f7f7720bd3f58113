import { EngineError } from '../errors.js';
import type { ReadTx } from '../store/store.js';

/** Who can still administer the engine: admins, and live tokens that act as admin. */
export interface AdminAccess {
  readonly admins: number;
  readonly adminTokens: number;
}

export async function adminAccess(tx: ReadTx): Promise<AdminAccess> {
  return {
    admins: await tx.users.countAdmins(),
    adminTokens: await tx.apiTokens.countAdminCapable(),
  };
}

/**
 * Runs `change` inside the transaction, then refuses it (409 `last_admin`, rolling the whole
 * transaction back) if it took away the last admin, or the last token that can act as one:
 * without either, nobody could manage users or tokens until the engine is restarted with a new
 * `--admin-token`. `what` names the change for the message ("Deleting Ada Lovelace").
 */
export async function keepingAdminAccess<T>(
  tx: ReadTx,
  what: string,
  change: () => Promise<T>,
): Promise<T> {
  const before = await adminAccess(tx);
  const result = await change();
  const after = await adminAccess(tx);
  if (before.admins > 0 && after.admins === 0) {
    throw new EngineError(
      409,
      'last_admin',
      `${what} would leave Nocturne without an admin. Make another user an admin first.`,
    );
  }
  if (before.adminTokens > 0 && after.adminTokens === 0) {
    throw new EngineError(
      409,
      'last_admin',
      `${what} would leave no working admin API token, so nobody could manage users any more. Create another admin token first (POST /api/v1/me/tokens), then try again.`,
    );
  }
  return result;
}
