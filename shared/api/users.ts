import { z } from 'zod';
import { limits } from '../domain/limits.js';
import { ApiToken } from '../domain/apiToken.js';
import { UserRole } from '../domain/user.js';
import { TimeZoneName } from '../schedule/scheduleModel.js';

const name = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(limits.nameChars, `a name has at most ${limits.nameChars} characters`);

/** RFC 5321 caps an address at 254 characters. */
export const emailChars = 254;
const email = z
  .string()
  .trim()
  .pipe(
    z
      .email('an email address such as ada@example.com')
      .max(emailChars, `an email address has at most ${emailChars} characters`),
  );

/** `POST /api/v1/users`. Emails are unique, compared case-insensitively. */
export const CreateUserRequest = z.strictObject({
  name,
  email,
  role: UserRole,
  /** IANA name; default UTC. */
  timeZone: TimeZoneName.optional(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

/**
 * `PATCH /api/v1/users/{id}` and `PATCH /api/v1/me`: the fields given change, the others stay.
 * Only admins change roles.
 */
export const UpdateUserRequest = z.strictObject({
  name: name.optional(),
  email: email.optional(),
  timeZone: TimeZoneName.optional(),
  role: UserRole.optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

/** `POST /api/v1/users/{id}/tokens` and `POST /api/v1/me/tokens`. */
export const CreateTokenRequest = z.strictObject({
  name,
  /** Caps the token below its user's role (a viewer token for a wall screen); default none. */
  role: UserRole.nullable().optional(),
});
export type CreateTokenRequest = z.infer<typeof CreateTokenRequest>;

/** `GET /api/v1/users/{id}/tokens`: names, caps, expiry and last use; never the secrets. */
export const TokenList = z.object({ items: z.array(ApiToken) });
export type TokenList = z.infer<typeof TokenList>;

/** The answer of `DELETE /api/v1/users/{id}/tokens/{tokenId}`. */
export const TokenRevoked = z.object({ revoked: z.literal(true) });
export type TokenRevoked = z.infer<typeof TokenRevoked>;
