import type { NewTeam, TeamMemberRecord, TeamRecord } from '../records.js';

export interface TeamsReader {
  get(id: number): Promise<TeamRecord | null>;
  /** Compared case-insensitively. */
  getByName(name: string): Promise<TeamRecord | null>;
  /** Ordered by id. */
  list(): Promise<TeamRecord[]>;
  /** Ids of the teams a user belongs to. */
  teamIdsOf(userId: number): Promise<number[]>;
}

export interface TeamsRepo extends TeamsReader {
  insert(team: NewTeam): Promise<TeamRecord>;
  update(
    id: number,
    patch: Partial<Pick<TeamRecord, 'name' | 'description' | 'updatedAt'>>,
  ): Promise<TeamRecord>;
  /** Replaces the member list. */
  setMembers(id: number, members: readonly TeamMemberRecord[], at: number): Promise<TeamRecord>;
  /** Takes a user out of every team (the user is being deleted). */
  removeMemberEverywhere(userId: number, at: number): Promise<void>;
  /** Deletes the team and its memberships. */
  remove(id: number): Promise<void>;
}
