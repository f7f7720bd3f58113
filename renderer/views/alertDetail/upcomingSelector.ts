import { upcomingFromReplica } from '../../../shared/escalation/replicaTimeline.js';
import type { AlertSummary } from '../../../shared/domain/alert.js';
import type { AlertEscalation } from '../../../shared/escalation/alertEscalation.js';
import type { TimelineProjection } from '../../../shared/escalation/timelineModel.js';
import type { AppState } from '../../state/appState.js';
import { memoizeLast } from '../../state/selectors/memo.js';

/** The projection moves with the clock in steps this long (the engine's pushes move it too). */
export const projectionStepMs = 15_000;

export interface Upcoming {
  readonly items: readonly TimelineProjection[];
  readonly truncated: boolean;
}

const none: Upcoming = { items: [], truncated: false };

/**
 * What will happen to alert `id` if nobody acts, from the store's replica alone
 * (`upcomingFromReplica`, the engine's own projection): it follows every pushed change to the
 * alert, its escalation, the policy, schedules (overrides too), teams and users, with no
 * request. One memoised instance per view; recomputed only when an input or the clock step
 * changes.
 */
export function createUpcomingSelector() {
  const compute = memoizeLast(
    (
      alert: AlertSummary | undefined,
      escalation: AlertEscalation | undefined,
      sources: AppState['entities']['alertSources'],
      users: AppState['entities']['users'],
      teams: AppState['entities']['teams'],
      schedules: AppState['entities']['schedules'],
      policies: AppState['entities']['escalationPolicies'],
      step: number,
      timeZone: string,
    ): Upcoming => {
      if (!alert) return none;
      const replica = {
        alerts: new Map([[alert.id, alert]]),
        alertEscalations: new Map(escalation ? [[alert.id, escalation]] : []),
        alertSources: sources,
        users,
        teams,
        schedules,
        escalationPolicies: policies,
      };
      const at = step * projectionStepMs;
      return upcomingFromReplica(replica, alert.id, at, timeZone) ?? none;
    },
  );
  // Keyed on this alert and its escalation, not on whole maps: another alert's change (or its
  // escalation's) recomputes nothing.
  return (state: AppState, id: string, now: number, timeZone: string): Upcoming => {
    const e = state.entities;
    return compute(
      state.alerts.byId.get(id),
      e.alertEscalations.get(id),
      e.alertSources,
      e.users,
      e.teams,
      e.schedules,
      e.escalationPolicies,
      Math.floor(now / projectionStepMs),
      timeZone,
    );
  };
}
