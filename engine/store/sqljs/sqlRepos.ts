import { SqlAlertEscalationsRepo } from './repos/alertEscalationsRepo.js';
import { SqlAlertSourcesRepo } from './repos/alertSourcesRepo.js';
import { SqlAlertsRepo } from './repos/alertsRepo.js';
import { SqlCalendarFeedsRepo } from './repos/calendarFeedsRepo.js';
import { SqlDueWorkRepo } from './repos/dueWorkRepo.js';
import { SqlEscalationPoliciesRepo } from './repos/escalationPoliciesRepo.js';
import { SqlHeartbeatMonitorsRepo } from './repos/heartbeatMonitorsRepo.js';
import { SqlMaintenanceWindowsRepo } from './repos/maintenanceWindowsRepo.js';
import { SqlNotificationRulesRepo } from './repos/notificationRulesRepo.js';
import { SqlOutboxRepo } from './repos/outboxRepo.js';
import { SqlSchedulesRepo } from './repos/schedulesRepo.js';
import { SqlTeamsRepo } from './repos/teamsRepo.js';
import { SqlApiTokensRepo, SqlUsersRepo } from './repos/usersRepo.js';
import type { SqlDatabase } from './sqlDatabase.js';

/**
 * Every repository of the sql.js store over one database. `onWorkScheduled` hears the earliest
 * time a transaction made due work (or an outbox entry) ready: the work runner's wake-up hint.
 */
export function createSqlRepos(db: SqlDatabase, onWorkScheduled: (at: number) => void) {
  return {
    alerts: new SqlAlertsRepo(db),
    alertSources: new SqlAlertSourcesRepo(db),
    users: new SqlUsersRepo(db),
    apiTokens: new SqlApiTokensRepo(db),
    teams: new SqlTeamsRepo(db),
    schedules: new SqlSchedulesRepo(db),
    calendarFeeds: new SqlCalendarFeedsRepo(db),
    dueWork: new SqlDueWorkRepo(db, onWorkScheduled),
    notificationRules: new SqlNotificationRulesRepo(db),
    outbox: new SqlOutboxRepo(db, onWorkScheduled),
    escalationPolicies: new SqlEscalationPoliciesRepo(db),
    alertEscalations: new SqlAlertEscalationsRepo(db),
    heartbeatMonitors: new SqlHeartbeatMonitorsRepo(db),
    maintenanceWindows: new SqlMaintenanceWindowsRepo(db),
  };
}
