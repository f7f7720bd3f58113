import {
  CreateTeamRequest,
  ReplaceTeamMembersRequest,
  UpdateTeamRequest,
} from '../../../../shared/api/teams.js';
import type { Team, TeamRole } from '../../../../shared/domain/team.js';
import { fieldErrorsFromZod, type FormErrors } from '../formErrors.js';

/** The team form as typed. Members in the engine's order (by user id). */
export interface TeamDraft {
  readonly name: string;
  readonly description: string;
  readonly members: ReadonlyArray<{ readonly userId: string; readonly role: TeamRole }>;
}

export const teamFields = ['name', 'description', 'members'] as const;

export const emptyTeamDraft: TeamDraft = { name: '', description: '', members: [] };

export function draftOfTeam(team: Team): TeamDraft {
  return {
    name: team.name,
    description: team.description ?? '',
    members: team.members.map((m) => ({ userId: m.userId, role: m.role })),
  };
}

const byUserId = (a: { userId: string }, b: { userId: string }) =>
  Number(a.userId) - Number(b.userId) || a.userId.localeCompare(b.userId);

/** Adds a member (or changes their role when they are one), kept in user-id order. */
export function setMember(draft: TeamDraft, userId: string, role: TeamRole): TeamDraft {
  const others = draft.members.filter((m) => m.userId !== userId);
  return { ...draft, members: [...others, { userId, role }].sort(byUserId) };
}

export function removeMember(draft: TeamDraft, userId: string): TeamDraft {
  return { ...draft, members: draft.members.filter((m) => m.userId !== userId) };
}

export type TeamFormResult<T> =
  { readonly ok: true; readonly body: T } | { readonly ok: false; readonly errors: FormErrors };

/** `POST /api/v1/teams`: name, description and members in one request. */
export function createTeamBody(draft: TeamDraft): TeamFormResult<CreateTeamRequest> {
  const parsed = CreateTeamRequest.safeParse(draft);
  return parsed.success
    ? { ok: true, body: parsed.data }
    : { ok: false, errors: { fields: fieldErrorsFromZod(parsed.error), form: null } };
}

/**
 * An edited team's requests: `PATCH` for name and description and `PUT …/members` for the
 * member list, each only when it changed (null: nothing to send).
 */
export function updateTeamBodies(
  draft: TeamDraft,
  team: Team,
): TeamFormResult<{
  readonly details: UpdateTeamRequest | null;
  readonly members: ReplaceTeamMembersRequest | null;
}> {
  const details = UpdateTeamRequest.safeParse({
    name: draft.name,
    description: draft.description,
  });
  const members = ReplaceTeamMembersRequest.safeParse({ members: draft.members });
  if (!details.success || !members.success) {
    const fields = {
      ...(details.success ? {} : fieldErrorsFromZod(details.error)),
      ...(members.success ? {} : fieldErrorsFromZod(members.error)),
    };
    return { ok: false, errors: { fields, form: null } };
  }
  const before = draftOfTeam(team);
  const detailsChanged =
    details.data.name !== before.name || (details.data.description ?? '') !== before.description;
  const membersChanged = JSON.stringify(draft.members) !== JSON.stringify(before.members);
  return {
    ok: true,
    body: {
      details: detailsChanged ? details.data : null,
      members: membersChanged ? members.data : null,
    },
  };
}
