import type { ApiTokensRepo, UsersRepo } from '../../store.js';
import type { ApiTokenRecord, NewUser, UserRecord } from '../../records.js';
import type { SqlDatabase, SqlRow } from '../sqlDatabase.js';

function toUser(row: SqlRow, prefix = ''): UserRecord {
  return {
    id: Number(row[`${prefix}id`]),
    name: String(row[`${prefix}name`]),
    email: String(row[`${prefix}email`]),
    role: row[`${prefix}role`] as UserRecord['role'],
    timeZone: String(row[`${prefix}time_zone`]),
    createdAt: Number(row[`${prefix}created_at`]),
    updatedAt: Number(row[`${prefix}updated_at`]),
  };
}

export class SqlUsersRepo implements UsersRepo {
  constructor(private readonly db: SqlDatabase) {}

  async get(id: number): Promise<UserRecord | null> {
    const row = this.db.get('SELECT * FROM users WHERE id = ?', [id]);
    return row ? toUser(row) : null;
  }

  async getByEmail(email: string): Promise<UserRecord | null> {
    const row = this.db.get('SELECT * FROM users WHERE lower(email) = lower(?)', [email]);
    return row ? toUser(row) : null;
  }

  async list(): Promise<UserRecord[]> {
    return this.db.all('SELECT * FROM users ORDER BY id').map((row) => toUser(row));
  }

  async count(): Promise<number> {
    return Number(this.db.get('SELECT count(*) AS n FROM users')?.n ?? 0);
  }

  async insert(user: NewUser): Promise<UserRecord> {
    this.db.run(
      'INSERT INTO users (name, email, role, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      [user.name, user.email, user.role, user.timeZone, user.createdAt, user.updatedAt],
    );
    return { ...user, id: this.db.lastInsertId() };
  }
}

export class SqlApiTokensRepo implements ApiTokensRepo {
  constructor(private readonly db: SqlDatabase) {}

  async findByHash(hash: string): Promise<{ token: ApiTokenRecord; user: UserRecord } | null> {
    const row = this.db.get(
      `SELECT t.id AS t_id, t.user_id AS t_user_id, t.name AS t_name, t.prefix AS t_prefix,
              t.created_at AS t_created_at, u.id AS u_id, u.name AS u_name, u.email AS u_email,
              u.role AS u_role, u.time_zone AS u_time_zone, u.created_at AS u_created_at,
              u.updated_at AS u_updated_at
         FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
      [hash],
    );
    if (!row) return null;
    return {
      token: {
        id: Number(row.t_id),
        userId: Number(row.t_user_id),
        name: String(row.t_name),
        prefix: String(row.t_prefix),
        createdAt: Number(row.t_created_at),
        revokedAt: null,
      },
      user: toUser(row, 'u_'),
    };
  }

  async insert(
    token: Omit<ApiTokenRecord, 'id' | 'revokedAt'> & { hash: string },
  ): Promise<ApiTokenRecord> {
    this.db.run(
      'INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at) VALUES (?, ?, ?, ?, ?)',
      [token.userId, token.name, token.hash, token.prefix, token.createdAt],
    );
    return {
      id: this.db.lastInsertId(),
      userId: token.userId,
      name: token.name,
      prefix: token.prefix,
      createdAt: token.createdAt,
      revokedAt: null,
    };
  }
}
