import { createScheduleResolver, type ScheduleResolver } from '../schedule/scheduleResolver.js';
import type { Schedule } from '../schedule/scheduleModel.js';
import type { EscalationDirectory } from './escalationRecipients.js';

/** What a directory is built from: the users, teams and schedules a console replicates. */
export interface DirectoryData {
  readonly users: Iterable<{ readonly id: string; readonly name: string }>;
  readonly teams: Iterable<{
    readonly id: string;
    readonly name: string;
    readonly members: ReadonlyArray<{ readonly userId: string }>;
  }>;
  readonly schedules: Iterable<Schedule>;
}

/**
 * An EscalationDirectory over plain lists (a console's replica, or what the engine read for a
 * REST answer). Schedules are compiled once, on first use; a schedule that cannot be resolved
 * (a time zone this runtime does not know) has nobody on call.
 */
export function createEscalationDirectory(data: DirectoryData): EscalationDirectory {
  const users = new Map([...data.users].map((u) => [u.id, u] as const));
  const teams = new Map([...data.teams].map((t) => [t.id, t] as const));
  const schedules = new Map([...data.schedules].map((s) => [s.id, s] as const));
  const resolvers = new Map<string, ScheduleResolver | null>();
  const resolverOf = (schedule: Schedule): ScheduleResolver | null => {
    if (!resolvers.has(schedule.id)) {
      let resolver: ScheduleResolver | null;
      try {
        resolver = createScheduleResolver(schedule);
      } catch {
        resolver = null;
      }
      resolvers.set(schedule.id, resolver);
    }
    return resolvers.get(schedule.id) ?? null;
  };
  return {
    user: (id) => users.get(id) ?? null,
    team: (id) => {
      const team = teams.get(id);
      return team ? { name: team.name, memberIds: team.members.map((m) => m.userId) } : null;
    },
    schedule: (id) => {
      const schedule = schedules.get(id);
      if (!schedule) return null;
      return {
        name: schedule.name,
        onCallAt: (t) => {
          try {
            return resolverOf(schedule)?.onCallAt(t)?.userId ?? null;
          } catch {
            return null; // an instant outside what schedules resolve
          }
        },
      };
    },
  };
}
