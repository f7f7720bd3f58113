import { z } from 'zod';
import { limits } from '../domain/limits.js';
import { TeamRole } from '../domain/team.js';

/** Characters of a team's description; longer is refused. */
export const teamDescriptionChars = 2000;
/** Members of one team. */
export const teamMembersMax = 1000;

const name = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(limits.nameChars, `a name has at most ${limits.nameChars} characters`);

const description = z
  .string()
  .trim()
  .max(teamDescriptionChars, `a description has at most ${teamDescriptionChars} characters`)
  // An empty description is no description.
  .transform((s) => (s === '' ? null : s))
  .nullable();

const TeamMemberInput = z.strictObject({
  userId: z.string().regex(/^\d{1,15}$/, 'a user id'),
  role: TeamRole.default('member'),
});

const members = z
  .array(TeamMemberInput)
  .max(teamMembersMax, `a team has at most ${teamMembersMax} members`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((member, index) => {
      if (seen.has(member.userId)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'userId'],
          message: `user ${member.userId} is listed twice`,
        });
      }
      seen.add(member.userId);
    });
  });

/** `POST /api/v1/teams`. Names are unique, compared case-insensitively. */
export const CreateTeamRequest = z.strictObject({
  name,
  description: description.optional(),
  members: members.default([]),
});
export type CreateTeamRequest = z.infer<typeof CreateTeamRequest>;

/** `PATCH /api/v1/teams/{id}`: the fields given change, the others stay. */
export const UpdateTeamRequest = z.strictObject({
  name: name.optional(),
  description: description.optional(),
});
export type UpdateTeamRequest = z.infer<typeof UpdateTeamRequest>;

/** `PUT /api/v1/teams/{id}/members`: the whole member list, replacing the old one. */
export const ReplaceTeamMembersRequest = z.strictObject({ members });
export type ReplaceTeamMembersRequest = z.infer<typeof ReplaceTeamMembersRequest>;
