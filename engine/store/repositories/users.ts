import type { ApiTokenRecord, NewUser, UserRecord } from '../records.js';

export interface UsersReader {
  get(id: number): Promise<UserRecord | null>;
  getByEmail(email: string): Promise<UserRecord | null>;
  list(): Promise<UserRecord[]>;
  count(): Promise<number>;
}

export interface UsersRepo extends UsersReader {
  insert(user: NewUser): Promise<UserRecord>;
}

export interface ApiTokensReader {
  /** The live (not revoked) token with this SHA-256 hash, and its user. */
  findByHash(hash: string): Promise<{ token: ApiTokenRecord; user: UserRecord } | null>;
}

export interface ApiTokensRepo extends ApiTokensReader {
  insert(
    token: Omit<ApiTokenRecord, 'id' | 'revokedAt'> & { hash: string },
  ): Promise<ApiTokenRecord>;
}
