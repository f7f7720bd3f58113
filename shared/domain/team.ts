import { z } from 'zod';

/**
 * A member's part in a team. Informational for now (escalation policies will be able to target
 * a team's managers); only admins change teams.
 */
export const TeamRole = z.enum(['manager', 'member']);
export type TeamRole = z.infer<typeof TeamRole>;

export const TeamMember = z.object({ userId: z.string(), role: TeamRole });
export type TeamMember = Readonly<z.infer<typeof TeamMember>>;

/** A group of users that escalation policies and alert sources can name as one target. */
export const Team = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** Ordered by user id. */
  members: z.array(TeamMember),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Team = Readonly<z.infer<typeof Team>>;
