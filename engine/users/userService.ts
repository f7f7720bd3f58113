import type { CreateUserRequest, UpdateUserRequest } from '../../shared/api/users.js';
import type { Principal } from '../auth/authenticate.js';
import { userActor } from '../alerts/alertService.js';
import type { Clock } from '../clock.js';
import { EngineError, notFound } from '../errors.js';
import type { UserRecord } from '../store/records.js';
import type { ReadTx, Store, WriteTx } from '../store/store.js';
import { toAlertSummary, toTeam, toUser } from '../wire.js';
import { keepingAdminAccess } from './adminAccess.js';
import { addDefaultNotificationRules } from '../notifications/defaultRules.js';
import { isAdmin, requireSelfOrAdmin } from './userPermissions.js';

/** What deleting a user took with it. */
export interface UserRemoval {
  readonly revokedTokens: number;
  readonly unassignedAlerts: number;
  readonly teams: number;
}

/**
 * Users: people with a role, a time zone and API tokens. Admins manage everyone; a user changes
 * their own name, email and time zone. There is always an admin with a working token
 * (./adminAccess.ts).
 */
export class UserService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    /** Closes the stream connections of a revoked token. */
    private readonly disconnectToken: (tokenId: number) => void,
  ) {}

  list(): Promise<UserRecord[]> {
    return this.store.read((tx) => tx.users.list());
  }

  get(id: number): Promise<UserRecord> {
    return this.store.read((tx) => requireUser(tx, id));
  }

  create(request: CreateUserRequest): Promise<UserRecord> {
    return this.store.write(async (tx) => {
      await requireFreeEmail(tx, request.email, null);
      const now = this.clock.now();
      const user = await tx.users.insert({
        name: request.name,
        email: request.email,
        role: request.role,
        timeZone: request.timeZone ?? 'UTC',
        createdAt: now,
        updatedAt: now,
      });
      await addDefaultNotificationRules(tx, user.id, now);
      tx.publish({ kind: 'user', value: toUser(user) });
      return user;
    });
  }

  /** Admins change anything; a user changes their own name, email and time zone. */
  update(id: number, request: UpdateUserRequest, caller: Principal): Promise<UserRecord> {
    requireSelfOrAdmin(caller, id, 'change the profile');
    return this.store.write(async (tx) => {
      const user = await requireUser(tx, id);
      if (request.role !== undefined && request.role !== user.role && !isAdmin(caller)) {
        throw new EngineError(
          403,
          'forbidden',
          `Only an admin can change roles; ${user.name} stays a ${user.role}.`,
        );
      }
      if (request.email !== undefined) await requireFreeEmail(tx, request.email, id);
      const what = request.role ? `Making ${user.name} a ${request.role}` : `Changing ${user.name}`;
      const updated = await keepingAdminAccess(tx, what, () =>
        tx.users.update(id, {
          ...(request.name !== undefined ? { name: request.name } : {}),
          ...(request.email !== undefined ? { email: request.email } : {}),
          ...(request.timeZone !== undefined ? { timeZone: request.timeZone } : {}),
          ...(request.role !== undefined ? { role: request.role } : {}),
          updatedAt: this.clock.now(),
        }),
      );
      tx.publish({ kind: 'user', value: toUser(updated) });
      return updated;
    });
  }

  /**
   * Deletes a user: their tokens are revoked (open streams closed with 4001), their open alerts
   * unassigned (logged), and they leave every team. Alerts they accepted keep the record of it.
   * The last admin, or the holder of the last admin token, cannot be deleted.
   */
  async remove(id: number, caller: Principal): Promise<UserRemoval> {
    const { revoked, removal } = await this.store.write(async (tx) => {
      const user = await requireUser(tx, id);
      return keepingAdminAccess(tx, `Deleting ${user.name}`, async () => {
        const now = this.clock.now();
        const revoked = await tx.apiTokens.revokeAllOf(id, now);
        const unassigned = await this.unassignAll(tx, user, caller, now);
        const teamIds = await tx.teams.teamIdsOf(id);
        await tx.teams.removeMemberEverywhere(id, now);
        for (const teamId of teamIds) {
          const team = await tx.teams.get(teamId);
          if (team) tx.publish({ kind: 'team', value: toTeam(team) });
        }
        await tx.notificationRules.removeAllOf(id);
        await tx.users.remove(id);
        tx.publish({ kind: 'user.removed', id: String(id) });
        return {
          revoked,
          removal: {
            revokedTokens: revoked.length,
            unassignedAlerts: unassigned,
            teams: teamIds.length,
          },
        };
      });
    });
    for (const tokenId of revoked) this.disconnectToken(tokenId);
    return removal;
  }

  private async unassignAll(
    tx: WriteTx,
    user: UserRecord,
    caller: Principal,
    now: number,
  ): Promise<number> {
    const open = await tx.alerts.listOpenByAssignee(user.id);
    for (const alert of open) {
      const updated = await tx.alerts.update(alert.id, { assigneeId: null, updatedAt: now });
      await tx.alerts.appendLog({
        alertId: alert.id,
        at: now,
        kind: 'assigned',
        actor: userActor(caller.user),
        message: `Assignee removed: ${user.name} was deleted by ${caller.user.name}`,
      });
      tx.publish({ kind: 'alert', value: toAlertSummary(updated) });
    }
    return open.length;
  }
}

export async function requireUser(tx: ReadTx, id: number): Promise<UserRecord> {
  const user = await tx.users.get(id);
  if (!user) throw notFound('user_not_found', `User ${id}`);
  return user;
}

async function requireFreeEmail(tx: ReadTx, email: string, self: number | null): Promise<void> {
  const holder = await tx.users.getByEmail(email);
  if (holder && holder.id !== self) {
    throw new EngineError(
      409,
      'email_taken',
      `${holder.name} (user ${holder.id}) already has the email address ${holder.email}; each user needs their own.`,
    );
  }
}
