import type { UserRole } from '../../shared/domain/user.js';
import type { User } from '../../shared/domain/user.js';
import { client } from './http.js';
import type { TestEngine } from './testEngine.js';

export interface TestUser {
  /** As the API shows it (string id). */
  readonly user: User;
  /** The user's API token, for `client(url, token)`. */
  readonly token: string;
  readonly tokenId: string;
}

let serial = 0;

/**
 * Adds a user with `role` and an API token through the users API, as the admin. Names and
 * emails are unique per call, so a test may add several users of one role. `tokenRole` caps
 * the token (a wall-screen token of an admin).
 */
export async function addUser(
  t: TestEngine | { url: string },
  role: UserRole,
  name?: string,
  options: { tokenRole?: UserRole; timeZone?: string } = {},
): Promise<TestUser> {
  const n = ++serial;
  const admin = client(t.url);
  const created = await admin.post('/api/v1/users', {
    name: name ?? `Test ${role} ${n}`,
    email: `${role}-${n}-${Date.now()}@example.test`,
    role,
    timeZone: options.timeZone ?? 'UTC',
  });
  if (created.status !== 201) throw new Error(`user: ${JSON.stringify(created.body)}`);
  const user = created.body as User;
  const token = await admin.post(`/api/v1/users/${user.id}/tokens`, {
    name: 'test',
    ...(options.tokenRole ? { role: options.tokenRole } : {}),
  });
  if (token.status !== 201) throw new Error(`token: ${JSON.stringify(token.body)}`);
  return { user, token: token.body.token, tokenId: token.body.id };
}
