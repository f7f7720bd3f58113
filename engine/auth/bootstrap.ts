import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';
import { hashToken, issueToken, tokenPattern } from './apiTokens.js';
import { EngineError } from '../errors.js';
import { toUser } from '../wire.js';
import { addDefaultNotificationRules } from '../notifications/defaultRules.js';

export interface BootstrapResult {
  /** Set when this start created the admin: the token to print, once. */
  readonly createdAdminToken: string | null;
  readonly adminName: string;
  /**
   * The `adminToken` given was revoked through the API: revoked stays revoked, so it does not
   * work. Starting with another `adminToken` registers that one for the admin.
   */
  readonly adminTokenRevoked: boolean;
}

/**
 * First start: create the admin user and a token for it. With `adminToken` (automation) that
 * token is used instead, and it is (re)registered on later starts too, so scripts keep working.
 */
export async function bootstrapAdmin(
  store: Store,
  clock: Clock,
  adminToken: string | undefined,
): Promise<BootstrapResult> {
  if (adminToken !== undefined && !tokenPattern.test(adminToken)) {
    throw new EngineError(
      400,
      'invalid_request',
      'The admin token must look like noc_ followed by at least 20 letters, digits, "-" or "_" (for example the output of: node -e "console.log(\'noc_\'+require(\'crypto\').randomBytes(32).toString(\'base64url\'))").',
    );
  }
  return store.write(async (tx) => {
    const now = clock.now();
    if ((await tx.users.count()) === 0) {
      const admin = await tx.users.insert({
        name: 'Administrator',
        email: 'admin@localhost',
        role: 'admin',
        timeZone: 'UTC',
        createdAt: now,
        updatedAt: now,
      });
      const issued = await issueToken(tx, admin.id, 'bootstrap', now, adminToken);
      await addDefaultNotificationRules(tx, admin.id, now);
      tx.publish({ kind: 'user', value: toUser(admin) });
      return {
        createdAdminToken: adminToken ? null : issued.token,
        adminName: admin.name,
        adminTokenRevoked: false,
      };
    }
    const admin = (await tx.users.list()).find((u) => u.role === 'admin');
    const known = adminToken ? await tx.apiTokens.getByHash(hashToken(adminToken)) : null;
    if (adminToken && admin && !known) {
      await issueToken(tx, admin.id, 'bootstrap', now, adminToken);
    }
    return {
      createdAdminToken: null,
      adminName: admin?.name ?? 'Administrator',
      adminTokenRevoked: known?.revokedAt != null,
    };
  });
}
