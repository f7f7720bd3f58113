import type {
  Actor,
  AlertImage,
  AlertLink,
  AlertLogKind,
  AlertOrigin,
  AlertPriority,
  AlertSeverity,
  AlertState,
} from '../../shared/domain/alert.js';
import type { UserRole } from '../../shared/domain/user.js';
import type { Layer, Override } from '../../shared/schedule/scheduleModel.js';
import type { TeamRole } from '../../shared/domain/team.js';
import type { EscalationLevel } from '../../shared/escalation/escalationPolicyModel.js';
import type { HeartbeatStatus } from '../../shared/domain/heartbeatMonitor.js';
import type { MaintenanceSchedule } from '../../shared/maintenance/maintenanceModel.js';

/**
 * What the store holds, as the engine's code sees it: numeric ids, epoch-millisecond times.
 * (The wire uses string ids and RFC 3339 times; see ../http/wire.ts.)
 */
export interface AlertRecord {
  readonly id: number;
  readonly sourceId: number;
  readonly alertKey: string;
  readonly state: AlertState;
  readonly priority: AlertPriority;
  readonly severity: AlertSeverity | null;
  readonly summary: string;
  readonly details: string | null;
  readonly origin: AlertOrigin;
  readonly labels: Readonly<Record<string, string>>;
  readonly links: readonly AlertLink[];
  readonly images: readonly AlertImage[];
  readonly customDetails: unknown;
  readonly eventCount: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly lastEventAt: number;
  readonly acceptedAt: number | null;
  readonly acceptedBy: number | null;
  readonly resolvedAt: number | null;
  readonly assigneeId: number | null;
  /** The maintenance window the alert opened in: it pages nobody (docs/maintenance.md). */
  readonly maintenanceWindowId: number | null;
}

export type NewAlert = Omit<AlertRecord, 'id'>;
/** The fields of an alert that change after creation. */
export type AlertPatch = Partial<
  Omit<AlertRecord, 'id' | 'sourceId' | 'alertKey' | 'origin' | 'createdAt'>
>;

export interface AlertLogRecord {
  readonly id: number;
  readonly alertId: number;
  readonly at: number;
  readonly kind: AlertLogKind;
  readonly actor: Actor;
  readonly message: string;
  /** Structured detail for some kinds (`escalated`: the step); absent when there is none. */
  readonly data?: Readonly<Record<string, unknown>>;
}
export type NewAlertLog = Omit<AlertLogRecord, 'id'>;

export interface AlertSourceRecord {
  readonly id: number;
  readonly name: string;
  readonly integrationKey: string;
  readonly escalationPolicyId: string | null;
  /** Accepted but unresolved this long → PENDING again (docs/escalation.md); null: never. */
  readonly ackTimeoutMinutes: number | null;
  /** No new event this long → resolved; null: never. */
  readonly autoResolveMinutes: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}
/** The timeouts may be left out: none. */
export type NewAlertSource = Omit<
  AlertSourceRecord,
  'id' | 'ackTimeoutMinutes' | 'autoResolveMinutes'
> &
  Partial<Pick<AlertSourceRecord, 'ackTimeoutMinutes' | 'autoResolveMinutes'>>;

export interface UserRecord {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly role: UserRole;
  readonly timeZone: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}
export type NewUser = Omit<UserRecord, 'id'>;

export interface ApiTokenRecord {
  readonly id: number;
  readonly userId: number;
  readonly name: string;
  /** The first characters of the token, to tell tokens apart in a list. */
  readonly prefix: string;
  readonly createdAt: number;
  readonly revokedAt: number | null;
  /** Caps what the token may do below its user's role; null: whatever its user may. */
  readonly role: UserRole | null;
  /** Updated at most once a minute (../auth/tokenUsage.ts). */
  readonly lastUsedAt: number | null;
}
export type NewApiToken = Omit<ApiTokenRecord, 'id' | 'revokedAt' | 'lastUsedAt'> & {
  /** SHA-256 of the token, hex: the engine never keeps the token itself. */
  readonly hash: string;
};

export interface TeamMemberRecord {
  readonly userId: number;
  readonly role: TeamRole;
}

export interface TeamRecord {
  readonly id: number;
  readonly name: string;
  readonly description: string | null;
  /** Ordered by user id. */
  readonly members: readonly TeamMemberRecord[];
  readonly createdAt: number;
  readonly updatedAt: number;
}
export type NewTeam = Omit<TeamRecord, 'id' | 'members'>;

/**
 * An on-call schedule (issue #3) as stored: the validated model of shared/schedule, its version
 * (1 when created, + 1 on every change, for optimistic concurrency) and its times.
 */
export interface ScheduleRecord {
  readonly id: number;
  readonly name: string;
  readonly timeZone: string;
  readonly layers: readonly Layer[];
  readonly overrides: readonly Override[];
  readonly version: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}
/** What a write sets; the version and the times are the repository's and the caller's. */
export type ScheduleContent = Pick<ScheduleRecord, 'name' | 'timeZone' | 'layers' | 'overrides'>;

/** Whose shifts a calendar feed serves: one schedule's, or one user's across all schedules. */
export type CalendarFeedKind = 'schedule' | 'user';

/** A secret calendar address (only its hash is stored): one per kind, subject and owner. */
export interface CalendarFeedRecord {
  readonly id: number;
  readonly kind: CalendarFeedKind;
  /** The schedule's or the user's id. */
  readonly subjectId: number;
  /** Who asked for it: the feed works while this user exists. */
  readonly ownerId: number;
  readonly createdAt: number;
}

/**
 * An escalation policy (issue #3) as stored: the validated model of shared/escalation, its
 * version (1 when created, + 1 on every change, for optimistic concurrency) and its times.
 */
export interface EscalationPolicyRecord {
  readonly id: number;
  readonly name: string;
  readonly levels: readonly EscalationLevel[];
  readonly repeat: number;
  readonly version: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}
/** What a write sets; the version and the times are the repository's and the caller's. */
export type EscalationPolicyContent = Pick<EscalationPolicyRecord, 'name' | 'levels' | 'repeat'>;

/** A heartbeat monitor (docs/heartbeats.md) as stored. */
export interface HeartbeatMonitorRecord {
  readonly id: number;
  readonly name: string;
  readonly alertSourceId: number;
  readonly intervalSeconds: number;
  readonly graceSeconds: number;
  /** The secret of its ping URL. */
  readonly key: string;
  readonly status: HeartbeatStatus;
  readonly lastPingAt: number | null;
  /** When the engine next looks (the due work's time); null when nothing is due. */
  readonly deadlineAt: number | null;
  /** The alert it opened when it went overdue; null once a ping resolved it. */
  readonly alertId: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}
export type NewHeartbeatMonitor = Omit<HeartbeatMonitorRecord, 'id'>;

/** A maintenance window (docs/maintenance.md) as stored: the validated model of shared/maintenance. */
export interface MaintenanceWindowRecord {
  readonly id: number;
  readonly name: string;
  /** Ordered by id. */
  readonly alertSourceIds: readonly number[];
  readonly schedule: MaintenanceSchedule;
  readonly createdAt: number;
  readonly updatedAt: number;
}
export type MaintenanceWindowContent = Pick<
  MaintenanceWindowRecord,
  'name' | 'alertSourceIds' | 'schedule'
>;
