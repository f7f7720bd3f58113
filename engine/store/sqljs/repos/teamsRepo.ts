import type { TeamsRepo } from '../../store.js';
import type { NewTeam, TeamMemberRecord, TeamRecord } from '../../records.js';
import type { SqlDatabase, SqlRow, SqlValue } from '../sqlDatabase.js';

/** Team patch field → column; also fixes the column order of UPDATEs. */
const teamColumns = [
  ['name', 'name'],
  ['description', 'description'],
  ['updatedAt', 'updated_at'],
] as const;

export class SqlTeamsRepo implements TeamsRepo {
  constructor(private readonly db: SqlDatabase) {}

  async get(id: number): Promise<TeamRecord | null> {
    const row = this.db.get('SELECT * FROM teams WHERE id = ?', [id]);
    return row ? this.withMembers(row) : null;
  }

  async getByName(name: string): Promise<TeamRecord | null> {
    const row = this.db.get('SELECT * FROM teams WHERE lower(name) = lower(?)', [name]);
    return row ? this.withMembers(row) : null;
  }

  async list(): Promise<TeamRecord[]> {
    // Two queries instead of one per team: a snapshot lists every team.
    const members = new Map<number, TeamMemberRecord[]>();
    for (const row of this.db.all('SELECT * FROM team_members ORDER BY team_id, user_id')) {
      const teamId = Number(row.team_id);
      let list = members.get(teamId);
      if (!list) members.set(teamId, (list = []));
      list.push(toMember(row));
    }
    return this.db
      .all('SELECT * FROM teams ORDER BY id')
      .map((row) => toTeam(row, members.get(Number(row.id)) ?? []));
  }

  async teamIdsOf(userId: number): Promise<number[]> {
    return this.db
      .all('SELECT team_id FROM team_members WHERE user_id = ? ORDER BY team_id', [userId])
      .map((row) => Number(row.team_id));
  }

  async insert(team: NewTeam): Promise<TeamRecord> {
    this.db.run(
      'INSERT INTO teams (name, description, created_at, updated_at) VALUES (?, ?, ?, ?)',
      [team.name, team.description, team.createdAt, team.updatedAt],
    );
    return { ...team, id: this.db.lastInsertId(), members: [] };
  }

  async update(
    id: number,
    patch: Partial<Pick<TeamRecord, 'name' | 'description' | 'updatedAt'>>,
  ): Promise<TeamRecord> {
    const set: string[] = [];
    const params: SqlValue[] = [];
    for (const [field, column] of teamColumns) {
      if (field in patch) {
        set.push(`${column} = ?`);
        params.push(patch[field] ?? null);
      }
    }
    if (set.length > 0) {
      this.db.run(`UPDATE teams SET ${set.join(', ')} WHERE id = ?`, [...params, id]);
    }
    return this.require(id);
  }

  async setMembers(
    id: number,
    members: readonly TeamMemberRecord[],
    at: number,
  ): Promise<TeamRecord> {
    this.db.run('DELETE FROM team_members WHERE team_id = ?', [id]);
    for (const member of members) {
      this.db.run('INSERT INTO team_members (team_id, user_id, role) VALUES (?, ?, ?)', [
        id,
        member.userId,
        member.role,
      ]);
    }
    this.db.run('UPDATE teams SET updated_at = ? WHERE id = ?', [at, id]);
    return this.require(id);
  }

  async removeMemberEverywhere(userId: number, at: number): Promise<void> {
    this.db.run(
      'UPDATE teams SET updated_at = ? WHERE id IN (SELECT team_id FROM team_members WHERE user_id = ?)',
      [at, userId],
    );
    this.db.run('DELETE FROM team_members WHERE user_id = ?', [userId]);
  }

  async remove(id: number): Promise<void> {
    this.db.run('DELETE FROM team_members WHERE team_id = ?', [id]);
    this.db.run('DELETE FROM teams WHERE id = ?', [id]);
  }

  private async require(id: number): Promise<TeamRecord> {
    const team = await this.get(id);
    if (!team) throw new Error(`team ${id} does not exist`);
    return team;
  }

  private withMembers(row: SqlRow): TeamRecord {
    const members = this.db
      .all('SELECT * FROM team_members WHERE team_id = ? ORDER BY user_id', [Number(row.id)])
      .map(toMember);
    return toTeam(row, members);
  }
}

function toMember(row: SqlRow): TeamMemberRecord {
  return { userId: Number(row.user_id), role: row.role as TeamMemberRecord['role'] };
}

function toTeam(row: SqlRow, members: TeamMemberRecord[]): TeamRecord {
  return {
    id: Number(row.id),
    name: String(row.name),
    description: (row.description ?? null) as string | null,
    members,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
