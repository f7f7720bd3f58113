import type { UserRole } from '../../shared/domain/user.js';
import { issueToken } from '../../engine/auth/apiTokens.js';
import type { UserRecord } from '../../engine/store/records.js';
import type { TestEngine } from './testEngine.js';

export interface TestUser {
  readonly user: UserRecord;
  /** The user's API token, for `client(url, token)`. */
  readonly token: string;
}

let serial = 0;

/**
 * Adds a user with `role` and an API token straight through the store: there is no users API
 * yet. Names and emails are unique per call, so a test may add several users of one role.
 */
export async function addUser(t: TestEngine, role: UserRole, name?: string): Promise<TestUser> {
  const n = ++serial;
  return t.engine.store.write(async (tx) => {
    const now = Date.now();
    const user = await tx.users.insert({
      name: name ?? `Test ${role} ${n}`,
      email: `${role}-${n}-${now}@example.test`,
      role,
      timeZone: 'UTC',
      createdAt: now,
      updatedAt: now,
    });
    const { token } = await issueToken(tx, user.id, 'test', now);
    return { user, token };
  });
}
