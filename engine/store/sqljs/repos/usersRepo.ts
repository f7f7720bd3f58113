import type { ApiTokensRepo, UsersRepo } from '../../store.js';
import type { ApiTokenRecord, NewApiToken, NewUser, UserRecord } from '../../records.js';
import type { SqlDatabase, SqlRow, SqlValue } from '../sqlDatabase.js';

const numOrNull = (v: SqlValue | undefined) => (v === null || v === undefined ? null : Number(v));

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

function toToken(row: SqlRow, prefix = ''): ApiTokenRecord {
  return {
    id: Number(row[`${prefix}id`]),
    userId: Number(row[`${prefix}user_id`]),
    name: String(row[`${prefix}name`]),
    prefix: String(row[`${prefix}prefix`]),
    createdAt: Number(row[`${prefix}created_at`]),
    revokedAt: numOrNull(row[`${prefix}revoked_at`]),
    role: (row[`${prefix}role`] ?? null) as ApiTokenRecord['role'],
    lastUsedAt: numOrNull(row[`${prefix}last_used_at`]),
  };
}

/** User patch field → column; also fixes the column order of UPDATEs. */
const userColumns = [
  ['name', 'name'],
  ['email', 'email'],
  ['role', 'role'],
  ['timeZone', 'time_zone'],
  ['updatedAt', 'updated_at'],
] as const;

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

  async countAdmins(): Promise<number> {
    return Number(this.db.get("SELECT count(*) AS n FROM users WHERE role = 'admin'")?.n ?? 0);
  }

  async insert(user: NewUser): Promise<UserRecord> {
    this.db.run(
      'INSERT INTO users (name, email, role, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      [user.name, user.email, user.role, user.timeZone, user.createdAt, user.updatedAt],
    );
    return { ...user, id: this.db.lastInsertId() };
  }

  async update(
    id: number,
    patch: Partial<Pick<UserRecord, 'name' | 'email' | 'role' | 'timeZone' | 'updatedAt'>>,
  ): Promise<UserRecord> {
    const set: string[] = [];
    const params: SqlValue[] = [];
    for (const [field, column] of userColumns) {
      const value = patch[field];
      if (value !== undefined) {
        set.push(`${column} = ?`);
        params.push(value);
      }
    }
    const row =
      set.length > 0
        ? this.db.runReturning(`UPDATE users SET ${set.join(', ')} WHERE id = ? RETURNING *`, [
            ...params,
            id,
          ])
        : this.db.get('SELECT * FROM users WHERE id = ?', [id]);
    if (!row) throw new Error(`user ${id} does not exist`);
    return toUser(row);
  }

  async remove(id: number): Promise<void> {
    this.db.run('DELETE FROM users WHERE id = ?', [id]);
  }
}

export class SqlApiTokensRepo implements ApiTokensRepo {
  constructor(private readonly db: SqlDatabase) {}

  async findByHash(hash: string): Promise<{ token: ApiTokenRecord; user: UserRecord } | null> {
    const row = this.db.get(
      `SELECT t.id AS t_id, t.user_id AS t_user_id, t.name AS t_name, t.prefix AS t_prefix,
              t.created_at AS t_created_at, t.revoked_at AS t_revoked_at, t.role AS t_role,
              t.last_used_at AS t_last_used_at, u.id AS u_id, u.name AS u_name,
              u.email AS u_email, u.role AS u_role, u.time_zone AS u_time_zone,
              u.created_at AS u_created_at, u.updated_at AS u_updated_at
         FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
      [hash],
    );
    if (!row) return null;
    return { token: toToken(row, 't_'), user: toUser(row, 'u_') };
  }

  async getByHash(hash: string): Promise<ApiTokenRecord | null> {
    const row = this.db.get('SELECT * FROM api_tokens WHERE token_hash = ?', [hash]);
    return row ? toToken(row) : null;
  }

  async get(id: number): Promise<ApiTokenRecord | null> {
    const row = this.db.get('SELECT * FROM api_tokens WHERE id = ? AND revoked_at IS NULL', [id]);
    return row ? toToken(row) : null;
  }

  async listByUser(userId: number): Promise<ApiTokenRecord[]> {
    return this.db
      .all('SELECT * FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL ORDER BY id', [
        userId,
      ])
      .map((row) => toToken(row));
  }

  async countAdminCapable(): Promise<number> {
    const row = this.db.get(
      `SELECT count(*) AS n FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.revoked_at IS NULL AND u.role = 'admin' AND (t.role IS NULL OR t.role = 'admin')`,
    );
    return Number(row?.n ?? 0);
  }

  async insert(token: NewApiToken): Promise<ApiTokenRecord> {
    this.db.run(
      'INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, role) VALUES (?, ?, ?, ?, ?, ?)',
      [token.userId, token.name, token.hash, token.prefix, token.createdAt, token.role],
    );
    return {
      id: this.db.lastInsertId(),
      userId: token.userId,
      name: token.name,
      prefix: token.prefix,
      createdAt: token.createdAt,
      revokedAt: null,
      role: token.role,
      lastUsedAt: null,
    };
  }

  async revoke(id: number, at: number): Promise<void> {
    this.db.run('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [
      at,
      id,
    ]);
  }

  async revokeAllOf(userId: number, at: number): Promise<number[]> {
    const ids = this.db
      .all('SELECT id FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL ORDER BY id', [
        userId,
      ])
      .map((row) => Number(row.id));
    this.db.run('UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [
      at,
      userId,
    ]);
    return ids;
  }

  async markUsed(id: number, at: number): Promise<void> {
    this.db.run('UPDATE api_tokens SET last_used_at = ? WHERE id = ?', [at, id]);
  }
}
