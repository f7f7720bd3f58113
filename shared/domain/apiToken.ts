import { z } from 'zod';
import { UserRole } from './user.js';

/**
 * An API token as lists show it: never the secret, which only the answer that created it
 * carries. `role` caps what the token may do (a viewer-only token for a wall screen); `null`
 * means whatever its user may. The token acts with the lower of its cap and its user's role.
 */
export const ApiToken = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  /** The first characters of the secret, to tell tokens apart. */
  prefix: z.string(),
  role: UserRole.nullable(),
  createdAt: z.string(),
  /** When a request or stream last used it, to the minute; null if never. */
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = Readonly<z.infer<typeof ApiToken>>;

/** The answer to creating a token: the only time the secret is shown. */
export const CreatedApiToken = ApiToken.extend({ token: z.string() });
export type CreatedApiToken = Readonly<z.infer<typeof CreatedApiToken>>;
