import type { z } from 'zod';
import { CreateUserRequest, UpdateUserRequest } from '../../../../shared/api/users.js';
import type { User, UserRole } from '../../../../shared/domain/user.js';
import { fieldErrorsFromZod, type FormErrors } from '../formErrors.js';

/** The user form as typed. */
export interface UserDraft {
  readonly name: string;
  readonly email: string;
  readonly role: UserRole;
  readonly timeZone: string;
}

export const userFields = ['name', 'email', 'role', 'timeZone'] as const;

export const emptyUserDraft: UserDraft = {
  name: '',
  email: '',
  role: 'responder',
  timeZone: 'UTC',
};

export function draftOfUser(user: User): UserDraft {
  return { name: user.name, email: user.email, role: user.role, timeZone: user.timeZone };
}

export type UserFormResult<T> =
  { readonly ok: true; readonly body: T } | { readonly ok: false; readonly errors: FormErrors };

function check<T>(schema: z.ZodType<T>, draft: UserDraft): UserFormResult<T> {
  const parsed = schema.safeParse({ ...draft, timeZone: draft.timeZone.trim() });
  return parsed.success
    ? { ok: true, body: parsed.data }
    : { ok: false, errors: { fields: fieldErrorsFromZod(parsed.error), form: null } };
}

/** `POST /api/v1/users`, checked by the engine's schema (an unknown zone is named). */
export const createUserBody = (draft: UserDraft): UserFormResult<CreateUserRequest> =>
  check(CreateUserRequest, draft);

/**
 * `PATCH /api/v1/users/{id}`: only what changed (a role left as it was is not sent, so an
 * admin editing their own name never trips `last_admin`).
 */
export function updateUserBody(draft: UserDraft, user: User): UserFormResult<UpdateUserRequest> {
  const checked = check(UpdateUserRequest, draft);
  if (!checked.ok) return checked;
  const before = draftOfUser(user);
  const body: Record<string, string> = {};
  for (const [field, value] of Object.entries(checked.body)) {
    if (value !== undefined && value !== before[field as keyof UserDraft]) body[field] = value;
  }
  return { ok: true, body: body as UpdateUserRequest };
}

/** Every IANA zone this browser knows, UTC included (the engine's default). */
export function timeZoneNames(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: 'timeZone') => string[] };
  const names = intl.supportedValuesOf?.('timeZone') ?? [];
  return names.includes('UTC') ? names : ['UTC', ...names];
}

/**
 * Zones matching what was typed, case- and separator-insensitively (`new york`, `berlin`),
 * prefix matches of the city first, at most `limit`.
 */
export function searchTimeZones(names: readonly string[], query: string, limit = 50): string[] {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[\s_/-]+/g, ' ')
      .trim();
  const q = norm(query);
  if (!q) return names.slice(0, limit);
  const city = (name: string) => norm(name.slice(name.lastIndexOf('/') + 1));
  const hits = names.filter((name) => norm(name).includes(q));
  const first = hits.filter((name) => city(name).startsWith(q));
  const rest = hits.filter((name) => !city(name).startsWith(q));
  return [...first, ...rest].slice(0, limit);
}
