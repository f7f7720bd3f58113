import type { AlertSource } from '../domain/alertSource.js';
import type { AlertSummary } from '../domain/alert.js';
import type { Team } from '../domain/team.js';
import type { User } from '../domain/user.js';
import type { StoredSchedule } from '../api/schedules.js';
import type { StoredEscalationPolicy } from '../api/escalationPolicies.js';
import type { AlertEscalation } from './alertEscalation.js';
import { createEscalationDirectory } from './escalationDirectory.js';
import { upcomingTimeline } from './escalationTimeline.js';
import type { TimelineProjection } from './timelineModel.js';

/** What a console replicates over the stream, by id (shared/sync/replica.ts is one). */
export interface ReplicatedState {
  readonly alerts: ReadonlyMap<string, AlertSummary>;
  readonly alertSources: ReadonlyMap<string, AlertSource>;
  readonly users: ReadonlyMap<string, User>;
  readonly teams: ReadonlyMap<string, Team>;
  readonly schedules: ReadonlyMap<string, StoredSchedule>;
  readonly escalationPolicies: ReadonlyMap<string, StoredEscalationPolicy>;
  readonly alertEscalations: ReadonlyMap<string, AlertEscalation>;
}

/**
 * What will happen to an alert if nobody acts, from a console's replica alone: the same
 * projection `GET /api/v1/alerts/{id}/timeline` answers with (docs/protocol.md, "Escalation
 * timelines"). Recompute it when anything it reads changes — the alert, its escalation, the
 * policy, a schedule, a team, a user — and as the clock passes the first item. Null for an
 * alert the replica does not hold.
 */
export function upcomingFromReplica(
  state: ReplicatedState,
  alertId: string,
  now: number,
  timeZone: string,
): { items: TimelineProjection[]; truncated: boolean } | null {
  const alert = state.alerts.get(alertId);
  if (!alert) return null;
  const source = state.alertSources.get(alert.sourceId) ?? null;
  const escalation = state.alertEscalations.get(alertId) ?? null;
  const policyId = escalation?.policyId ?? source?.escalationPolicyId ?? null;
  return upcomingTimeline({
    alert,
    source,
    escalation,
    policy: policyId === null ? null : (state.escalationPolicies.get(policyId) ?? null),
    directory: createEscalationDirectory({
      users: state.users.values(),
      teams: state.teams.values(),
      schedules: state.schedules.values(),
    }),
    now,
    timeZone,
  });
}
