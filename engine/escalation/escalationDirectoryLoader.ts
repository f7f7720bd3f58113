import type { EscalationDirectory } from '../../shared/escalation/escalationRecipients.js';
import type { EscalationPolicy } from '../../shared/escalation/escalationPolicyModel.js';
import type { ResolverCache } from '../schedules/resolverCache.js';
import type { UserRecord } from '../store/records.js';
import type { ReadTx } from '../store/store.js';

/** What a step knows about the targets of a policy at one instant. */
export interface LoadedDirectory {
  readonly directory: EscalationDirectory;
  /** The users it may reach, by id as text (to page them). */
  readonly users: ReadonlyMap<string, UserRecord>;
}

const numericId = (id: string) => (/^\d{1,15}$/.test(id) ? Number(id) : null);

/**
 * Reads, inside the step's transaction, everything the levels of `policy` can reach at instant
 * `at`: the named users, the teams and their members, each schedule and whoever is on call in it
 * at `at`. planEscalationStep then decides synchronously (shared code) over that.
 */
export async function loadDirectory(
  tx: ReadTx,
  policy: EscalationPolicy,
  at: number,
  resolvers: ResolverCache,
): Promise<LoadedDirectory> {
  const users = new Map<string, UserRecord | null>();
  const teams = new Map<string, { name: string; memberIds: string[] } | null>();
  const schedules = new Map<string, { name: string; onCallAt(t: number): string | null } | null>();

  const loadUser = async (id: string) => {
    if (users.has(id)) return;
    const n = numericId(id);
    users.set(id, n === null ? null : await tx.users.get(n));
  };

  for (const level of policy.levels) {
    for (const target of level.targets) {
      const n = numericId(target.id);
      switch (target.type) {
        case 'user':
          await loadUser(target.id);
          break;
        case 'team': {
          if (teams.has(target.id)) break;
          const team = n === null ? null : await tx.teams.get(n);
          const memberIds = team?.members.map((m) => String(m.userId)) ?? [];
          teams.set(target.id, team ? { name: team.name, memberIds } : null);
          for (const id of memberIds) await loadUser(id);
          break;
        }
        case 'schedule': {
          if (schedules.has(target.id)) break;
          const schedule = n === null ? null : await tx.schedules.get(n);
          if (!schedule) {
            schedules.set(target.id, null);
            break;
          }
          const resolver = resolvers.get(schedule);
          const onCallAt = (t: number) => {
            try {
              return resolver.onCallAt(t)?.userId ?? null;
            } catch {
              return null; // an instant schedules do not resolve
            }
          };
          schedules.set(target.id, { name: schedule.name, onCallAt });
          const who = onCallAt(at);
          if (who !== null) await loadUser(who);
          break;
        }
      }
    }
  }

  const found = new Map<string, UserRecord>();
  for (const [id, user] of users) if (user) found.set(id, user);
  return {
    users: found,
    directory: {
      user: (id) => found.get(id) ?? null,
      team: (id) => teams.get(id) ?? null,
      schedule: (id) => schedules.get(id) ?? null,
    },
  };
}
