import { z } from 'zod';
import { CreateTeamRequest, teamMembersMax } from '../../../shared/api/teams.js';
import { Team, TeamRole } from '../../../shared/domain/team.js';
import type { ConfigKind } from '../configKind.js';
import { sameValue } from '../valueDiff.js';
import { defined, missing, sortedBy, unique, unless, userRef } from './entryFields.js';

/**
 * `teams:` — a name, a description and members by email (`role: manager`, or a member).
 * Members are a set: the engine orders them by user id, the file as it likes.
 */

const Member = z
  .strictObject(
    { user: userRef, role: TeamRole.default('member') },
    { error: 'a member is {user: <email>, role: manager | member}' },
  )
  .readonly();
type Member = z.output<typeof Member>;

const TeamEntry = z.strictObject({
  name: CreateTeamRequest.shape.name,
  description: CreateTeamRequest.shape.description.transform((d) => d ?? null),
  members: z
    .array(Member)
    .max(teamMembersMax, `a team has at most ${teamMembersMax} members`)
    .superRefine(unique((m: Member) => m.user, 'this user'))
    .transform(sortedBy((m: Member) => m.user.toLowerCase()))
    .default([]),
});
type TeamEntry = z.output<typeof TeamEntry>;

const base = '/api/v1/teams';

const membersOf = (entry: TeamEntry, idOf: (kind: string, key: string) => string) =>
  entry.members.map((m) => ({ userId: idOf('users', m.user), role: m.role }));

export const teamsKind: ConfigKind<TeamEntry, Team> = {
  section: 'teams',
  noun: 'team',
  entry: TeamEntry,

  keyOf: (entry) => entry.name,
  references: (entry) =>
    entry.members.map((m, i) => ({ kind: 'users', key: m.user, path: ['members', i, 'user'] })),
  withReferences: (entry, spell) => ({
    ...entry,
    members: entry.members.map((m) => ({ ...m, user: spell('users', m.user) })),
  }),

  async list(api) {
    const { items } = await api.get(base, z.object({ items: z.array(Team) }));
    return items.map((team) => ({ id: team.id, key: team.name, value: team }));
  },

  toConfig: (team, names) =>
    defined({
      name: team.name,
      description: team.description ?? undefined,
      members: team.members.map((m) =>
        defined({
          user: names.keyOf('users', m.userId) ?? missing('user', m.userId),
          role: unless(m.role, 'member'),
        }),
      ),
    }),

  async create(api, desired, names) {
    const body = {
      name: desired.name,
      description: desired.description,
      members: membersOf(desired, (k, key) => names.idOf(k, key)),
    };
    return (await api.post(base, body, Team)).id;
  },

  async update(api, current, desired, before, names) {
    const patch = defined({
      name: unless(desired.name, before.name),
      description: before.description === desired.description ? undefined : desired.description,
    });
    if (Object.keys(patch).length > 0) await api.patch(`${base}/${current.id}`, patch, Team);
    if (!sameValue(before.members, desired.members)) {
      const members = membersOf(desired, (k, key) => names.idOf(k, key));
      await api.put(`${base}/${current.id}/members`, { members }, Team);
    }
  },

  remove: (api, current) => api.remove(`${base}/${current.id}`),
};
