import { createEscalationDirectory } from '../../shared/escalation/escalationDirectory.js';
import { escalationTimeline } from '../../shared/escalation/escalationTimeline.js';
import type { AlertTimeline } from '../../shared/escalation/timelineModel.js';
import type { Clock } from '../clock.js';
import { notFound } from '../errors.js';
import type { Store } from '../store/store.js';
import {
  toAlertSummary,
  toEscalationPolicyModel,
  toLogEntry,
  toScheduleModel,
  toTeam,
  toUser,
} from '../wire.js';

/** Log entries a timeline reads: the newest, repeated events left out. */
const timelineLogEntries = 500;

/**
 * Escalation timelines for REST (`GET /api/v1/alerts/{id}/timeline`): read in one consistent
 * view, computed by shared/escalation's escalationTimeline — the function consoles run on their
 * replica — with times in the caller's zone.
 */
export class TimelineQueries {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  timeline(alertId: number, timeZone: string): Promise<AlertTimeline> {
    return this.store.read(async (tx) => {
      const alert = await tx.alerts.get(alertId);
      if (!alert) throw notFound('alert_not_found', `Alert ${alertId}`);
      const source = await tx.alertSources.get(alert.sourceId);
      const escalation = await tx.alertEscalations.get(alertId);
      const policyId = escalation?.policyId ?? source?.escalationPolicyId ?? null;
      const policy =
        policyId !== null && /^\d{1,15}$/.test(policyId)
          ? await tx.escalationPolicies.get(Number(policyId))
          : null;
      const log = await tx.alerts.listLogTail(alertId, timelineLogEntries, ['event']);
      const directory = createEscalationDirectory({
        users: (await tx.users.list()).map(toUser),
        teams: (await tx.teams.list()).map(toTeam),
        schedules: (await tx.schedules.list()).map(toScheduleModel),
      });
      return escalationTimeline({
        alert: toAlertSummary(alert),
        source: source
          ? {
              ackTimeoutMinutes: source.ackTimeoutMinutes,
              autoResolveMinutes: source.autoResolveMinutes,
            }
          : null,
        escalation,
        policy: policy ? toEscalationPolicyModel(policy) : null,
        log: log.entries.map(toLogEntry),
        logOmitted: log.omitted,
        directory,
        now: this.clock.now(),
        timeZone,
      });
    });
  }
}
