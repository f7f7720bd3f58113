import type { AlertQueries } from './alerts/alertQueries.js';
import type { AlertService } from './alerts/alertService.js';
import type { AlertSourceService } from './alertSources/alertSourceService.js';
import type { Clock } from './clock.js';
import type { RateLimiter } from './ingest/rateLimiter.js';
import type { EngineMetrics } from './metrics/engineMetrics.js';
import type { NotificationService } from './notifications/notificationService.js';
import type { EscalationService } from './escalation/escalationService.js';
import type { EscalationPolicyService } from './escalation/policyService.js';
import type { TimelineQueries } from './escalation/timelineQueries.js';
import type { HeartbeatService } from './heartbeats/heartbeatService.js';
import type { MaintenanceService } from './maintenance/maintenanceService.js';
import type { ScheduleServices } from './schedules/scheduleServices.js';
import type { Store } from './store/store.js';
import type { TeamService } from './teams/teamService.js';
import type { TokenService } from './auth/tokenService.js';
import type { TokenUsage } from './auth/tokenUsage.js';
import type { UserService } from './users/userService.js';
import type { StreamHub } from './stream/streamHub.js';
import type { WorkRunner } from './work/workRunner.js';

/** The engine's services, as the HTTP routes and the stream reach them. */
export interface EngineContext {
  readonly version: string;
  readonly store: Store;
  readonly clock: Clock;
  readonly metrics: EngineMetrics;
  readonly alerts: AlertService;
  readonly alertQueries: AlertQueries;
  readonly alertSources: AlertSourceService;
  readonly rateLimiter: RateLimiter;
  readonly hub: StreamHub;
  /** On-call schedules, their overrides, on-call questions and calendar feeds. */
  readonly schedules: ScheduleServices;
  readonly users: UserService;
  readonly tokens: TokenService;
  readonly tokenUsage: TokenUsage;
  readonly teams: TeamService;
  /** Runs durable due work (escalations, timeouts, retries); services register handlers. */
  readonly work: WorkRunner;
  /**
   * Notification rules and the outbox; the escalation's Pager (`pageUser`), see
   * docs/notifications.md.
   */
  readonly notifications: NotificationService;
  /** Escalation policies over REST (docs/escalation.md). */
  readonly escalationPolicies: EscalationPolicyService;
  /** Runs escalation: steps and timeouts as due work, started and stopped with alert changes. */
  readonly escalation: EscalationService;
  /** Alerts' escalation timelines. */
  readonly timelines: TimelineQueries;
  /** Heartbeat monitors, their pings and durable deadlines (docs/heartbeats.md). */
  readonly heartbeats: HeartbeatService;
  /** Maintenance windows over alert sources (docs/maintenance.md). */
  readonly maintenance: MaintenanceService;
}
