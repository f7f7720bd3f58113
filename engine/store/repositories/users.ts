import type { ApiTokenRecord, NewApiToken, NewUser, UserRecord } from '../records.js';

export interface UsersReader {
  get(id: number): Promise<UserRecord | null>;
  /** Compared case-insensitively. */
  getByEmail(email: string): Promise<UserRecord | null>;
  /** Ordered by id. */
  list(): Promise<UserRecord[]>;
  count(): Promise<number>;
  countAdmins(): Promise<number>;
}

export interface UsersRepo extends UsersReader {
  insert(user: NewUser): Promise<UserRecord>;
  update(
    id: number,
    patch: Partial<Pick<UserRecord, 'name' | 'email' | 'role' | 'timeZone' | 'updatedAt'>>,
  ): Promise<UserRecord>;
  /** Deletes the row; ids are never reused (AUTOINCREMENT), so old references stay unambiguous. */
  remove(id: number): Promise<void>;
}

export interface ApiTokensReader {
  /** The live (not revoked) token with this SHA-256 hash, and its user. */
  findByHash(hash: string): Promise<{ token: ApiTokenRecord; user: UserRecord } | null>;
  /** The token with this hash, revoked or not. */
  getByHash(hash: string): Promise<ApiTokenRecord | null>;
  /** A live token by id. */
  get(id: number): Promise<ApiTokenRecord | null>;
  /** A user's live tokens, oldest first. */
  listByUser(userId: number): Promise<ApiTokenRecord[]>;
  /** Live tokens that may do what an admin may: an admin's, not capped below admin. */
  countAdminCapable(): Promise<number>;
}

export interface ApiTokensRepo extends ApiTokensReader {
  insert(token: NewApiToken): Promise<ApiTokenRecord>;
  revoke(id: number, at: number): Promise<void>;
  /** Revokes every live token of a user; returns their ids. */
  revokeAllOf(userId: number, at: number): Promise<number[]>;
  markUsed(id: number, at: number): Promise<void>;
}
