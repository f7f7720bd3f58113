import { roleAllows, type UserRole } from '../../../shared/domain/user.js';

/** What the signed-in token may do on the manage pages, and why not (docs/api.md, roles). */
export interface ManageAccess {
  /** Create, change and delete alert sources, escalation policies, users; mint tokens. */
  readonly canEdit: boolean;
  /** Integration keys are shown to responders and admins. */
  readonly canSeeKeys: boolean;
  /** Why the pages are read-only, as a sentence; null when they are not. */
  readonly readOnlyReason: string | null;
}

/** `role`: the token's effective role (`GET /api/v1/me`); null while it is not known yet. */
export function manageAccess(role: UserRole | null): ManageAccess {
  if (role === null) {
    return {
      canEdit: false,
      canSeeKeys: false,
      readOnlyReason: 'Read-only until the engine says what this token may do.',
    };
  }
  const canEdit = roleAllows(role, 'admin');
  return {
    canEdit,
    canSeeKeys: roleAllows(role, 'responder'),
    readOnlyReason: canEdit
      ? null
      : role === 'viewer'
        ? 'Read-only: this is a viewer token (as for a wall screen). It may look, not change anything, and it never sees integration keys. Sign in with an admin’s token to manage.'
        : 'Read-only: only admins change alert sources, escalation policies and users, and this token acts as a responder. Ask an admin, or sign in with an admin’s token.',
  };
}
