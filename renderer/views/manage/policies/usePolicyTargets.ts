import { useMemo } from 'react';
import type { EscalationTargetType } from '../../../../shared/escalation/escalationPolicyModel.js';
import type { KnownTargets } from '../../../../shared/escalation/policyValidation.js';
import { useAppStore } from '../../../app/services.js';
import { byName } from '../manageLists.js';

export interface TargetOption {
  readonly id: string;
  readonly name: string;
}

/** What a level may name, from the store: users, schedules, teams by name, and their ids. */
export interface PolicyTargets {
  readonly options: Readonly<Record<EscalationTargetType, readonly TargetOption[]>>;
  readonly known: KnownTargets;
  nameOf(type: EscalationTargetType, id: string): string;
}

export function usePolicyTargets(): PolicyTargets {
  const users = useAppStore((s) => s.entities.users);
  const schedules = useAppStore((s) => s.entities.schedules);
  const teams = useAppStore((s) => s.entities.teams);
  return useMemo(() => {
    const maps = { user: users, schedule: schedules, team: teams };
    return {
      options: {
        user: byName(users.values()),
        schedule: byName(schedules.values()),
        team: byName(teams.values()),
      },
      // Arrays, not the maps' iterators: validation reads them on every check.
      known: {
        userIds: [...users.keys()],
        scheduleIds: [...schedules.keys()],
        teamIds: [...teams.keys()],
      },
      nameOf: (type, id) => maps[type].get(id)?.name ?? `unknown ${type} ${id}`,
    };
  }, [users, schedules, teams]);
}
