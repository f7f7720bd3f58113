import type {
  CreateTeamRequest,
  ReplaceTeamMembersRequest,
  UpdateTeamRequest,
} from '../../shared/api/teams.js';
import type { Clock } from '../clock.js';
import { EngineError, notFound } from '../errors.js';
import type { TeamMemberRecord, TeamRecord } from '../store/records.js';
import type { ReadTx, Store, WriteTx } from '../store/store.js';
import { toTeam } from '../wire.js';

/** Teams: named groups of users, with unique names (case-insensitive). Admins change them. */
export class TeamService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  list(): Promise<TeamRecord[]> {
    return this.store.read((tx) => tx.teams.list());
  }

  get(id: number): Promise<TeamRecord> {
    return this.store.read((tx) => requireTeam(tx, id));
  }

  create(request: CreateTeamRequest): Promise<TeamRecord> {
    return this.store.write(async (tx) => {
      await requireFreeName(tx, request.name, null);
      const members = await resolveMembers(tx, request.members);
      const now = this.clock.now();
      const created = await tx.teams.insert({
        name: request.name,
        description: request.description ?? null,
        createdAt: now,
        updatedAt: now,
      });
      const team = await tx.teams.setMembers(created.id, members, now);
      tx.publish({ kind: 'team', value: toTeam(team) });
      return team;
    });
  }

  update(id: number, request: UpdateTeamRequest): Promise<TeamRecord> {
    return this.store.write(async (tx) => {
      await requireTeam(tx, id);
      if (request.name !== undefined) await requireFreeName(tx, request.name, id);
      const team = await tx.teams.update(id, {
        ...(request.name !== undefined ? { name: request.name } : {}),
        ...(request.description !== undefined ? { description: request.description } : {}),
        updatedAt: this.clock.now(),
      });
      tx.publish({ kind: 'team', value: toTeam(team) });
      return team;
    });
  }

  replaceMembers(id: number, request: ReplaceTeamMembersRequest): Promise<TeamRecord> {
    return this.store.write(async (tx) => {
      await requireTeam(tx, id);
      const members = await resolveMembers(tx, request.members);
      const team = await tx.teams.setMembers(id, members, this.clock.now());
      tx.publish({ kind: 'team', value: toTeam(team) });
      return team;
    });
  }

  remove(id: number): Promise<void> {
    return this.store.write(async (tx) => {
      await requireTeam(tx, id);
      await tx.teams.remove(id);
      tx.publish({ kind: 'team.removed', id: String(id) });
    });
  }
}

async function requireTeam(tx: ReadTx, id: number): Promise<TeamRecord> {
  const team = await tx.teams.get(id);
  if (!team) throw notFound('team_not_found', `Team ${id}`);
  return team;
}

async function requireFreeName(tx: ReadTx, name: string, self: number | null): Promise<void> {
  const holder = await tx.teams.getByName(name);
  if (holder && holder.id !== self) {
    throw new EngineError(
      409,
      'team_name_taken',
      `Team ${holder.id} is already called "${holder.name}"; team names are unique (ignoring case).`,
    );
  }
}

/** Members by numeric id, ordered by user id; every user must exist (400 `user_not_found`). */
async function resolveMembers(
  tx: WriteTx,
  members: ReplaceTeamMembersRequest['members'],
): Promise<TeamMemberRecord[]> {
  const unknown: string[] = [];
  const resolved: TeamMemberRecord[] = [];
  for (const member of members) {
    const userId = Number(member.userId);
    if (await tx.users.get(userId)) resolved.push({ userId, role: member.role });
    else unknown.push(member.userId);
  }
  if (unknown.length > 0) {
    throw new EngineError(
      400,
      'user_not_found',
      unknown.length === 1
        ? `There is no user ${unknown[0]} to add to the team.`
        : `There are no users ${unknown.join(', ')} to add to the team.`,
      members
        .map((m, index) => ({ m, index }))
        .filter(({ m }) => unknown.includes(m.userId))
        .slice(0, 20)
        .map(({ index }) => ({ path: `members.${index}.userId`, message: 'no such user' })),
    );
  }
  return resolved.sort((a, b) => a.userId - b.userId);
}
