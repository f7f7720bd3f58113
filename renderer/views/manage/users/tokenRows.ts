import type { ApiToken } from '../../../../shared/domain/apiToken.js';
import type { UserRole } from '../../../../shared/domain/user.js';
import { formatDateTime } from '../../../format/clock.js';

/** One API token as the users page lists it: words and times, never the secret. */
export interface TokenRow {
  readonly id: string;
  readonly name: string;
  /** `noc_ab12…`: enough to tell tokens apart. */
  readonly prefix: string;
  /** What it may do: its cap, or its user's role when it has none. */
  readonly mayDo: string;
  readonly created: string;
  /** "never" until a request or the stream uses it. */
  readonly lastUsed: string;
}

const capWords: Record<UserRole, string> = {
  viewer: 'read only (viewer)',
  responder: 'work alerts (responder)',
  admin: 'everything (admin)',
};

/** "read only (viewer)"; for no cap, "as the user (responder)". */
export function tokenCapLabel(cap: UserRole | null, userRole: UserRole): string {
  return cap === null ? `as the user (${userRole})` : capWords[cap];
}

/**
 * A user's tokens as rows, newest first (the one just created on top), times in `timeZone`
 * (default the viewer's).
 */
export function tokenRows(
  tokens: readonly ApiToken[],
  userRole: UserRole,
  timeZone?: string,
): TokenRow[] {
  const at = (iso: string) => formatDateTime(Date.parse(iso), timeZone);
  return [...tokens]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || Number(b.id) - Number(a.id))
    .map((t) => ({
      id: t.id,
      name: t.name,
      prefix: `${t.prefix}…`,
      mayDo: tokenCapLabel(t.role, userRole),
      created: at(t.createdAt),
      lastUsed: t.lastUsedAt === null ? 'never' : at(t.lastUsedAt),
    }));
}
