import { z } from 'zod';

/** admin: everything; responder: works alerts; viewer: reads (wall screens). */
export const UserRole = z.enum(['admin', 'responder', 'viewer']);
export type UserRole = z.infer<typeof UserRole>;

const roleRank: Record<UserRole, number> = { viewer: 0, responder: 1, admin: 2 };

/** Whether `role` may do what `needed` may do. */
export function roleAllows(role: UserRole, needed: UserRole): boolean {
  return roleRank[role] >= roleRank[needed];
}

/** The lower of two roles: what a token capped at `cap` may do for a user with `role`. */
export function lowerRole(role: UserRole, cap: UserRole | null): UserRole {
  return cap !== null && roleRank[cap] < roleRank[role] ? cap : role;
}

export const User = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: UserRole,
  timeZone: z.string(),
  createdAt: z.string(),
});
export type User = Readonly<z.infer<typeof User>>;
