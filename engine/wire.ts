import type { Alert, AlertLogEntry, AlertSummary } from '../shared/domain/alert.js';
import type { AlertSource } from '../shared/domain/alertSource.js';
import type { User } from '../shared/domain/user.js';
import type { StoredSchedule } from '../shared/api/schedules.js';
import type { Schedule } from '../shared/schedule/scheduleModel.js';
import type { Team } from '../shared/domain/team.js';
import type { ApiToken } from '../shared/domain/apiToken.js';
import type { StoredEscalationPolicy } from '../shared/api/escalationPolicies.js';
import type { EscalationPolicy } from '../shared/escalation/escalationPolicyModel.js';
import type {
  AlertLogRecord,
  AlertRecord,
  AlertSourceRecord,
  UserRecord,
  ScheduleRecord,
  TeamRecord,
  ApiTokenRecord,
  EscalationPolicyRecord,
} from './store/records.js';

/** Records as the wire shows them: string ids, RFC 3339 times. */
const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
const idOrNull = (id: number | null) => (id === null ? null : String(id));

export function toAlertSummary(a: AlertRecord): AlertSummary {
  return {
    id: String(a.id),
    sourceId: String(a.sourceId),
    alertKey: a.alertKey,
    state: a.state,
    priority: a.priority,
    severity: a.severity,
    summary: a.summary,
    origin: a.origin,
    labels: a.labels,
    links: [...a.links],
    eventCount: a.eventCount,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
    lastEventAt: iso(a.lastEventAt),
    acceptedAt: isoOrNull(a.acceptedAt),
    acceptedBy: idOrNull(a.acceptedBy),
    resolvedAt: isoOrNull(a.resolvedAt),
    assigneeId: idOrNull(a.assigneeId),
    maintenanceWindowId: idOrNull(a.maintenanceWindowId),
  };
}

export function toAlert(a: AlertRecord): Alert {
  return {
    ...toAlertSummary(a),
    details: a.details,
    customDetails: a.customDetails ?? null,
    images: [...a.images],
  };
}

export function toLogEntry(e: AlertLogRecord): AlertLogEntry {
  return {
    id: String(e.id),
    alertId: String(e.alertId),
    at: iso(e.at),
    kind: e.kind,
    actor: e.actor,
    message: e.message,
    ...(e.data !== undefined ? { data: { ...e.data } } : {}),
  };
}

/** `withKey` is false for readers who may not send events (viewers, streams). */
export function toAlertSource(s: AlertSourceRecord, withKey: boolean): AlertSource {
  return {
    id: String(s.id),
    name: s.name,
    ...(withKey ? { integrationKey: s.integrationKey } : {}),
    escalationPolicyId: s.escalationPolicyId,
    ackTimeoutMinutes: s.ackTimeoutMinutes,
    autoResolveMinutes: s.autoResolveMinutes,
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
  };
}

export function toUser(u: UserRecord): User {
  return {
    id: String(u.id),
    name: u.name,
    email: u.email,
    role: u.role,
    timeZone: u.timeZone,
    createdAt: iso(u.createdAt),
  };
}

export function toTeam(t: TeamRecord): Team {
  return {
    id: String(t.id),
    name: t.name,
    description: t.description,
    members: t.members.map((m) => ({ userId: String(m.userId), role: m.role })),
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
  };
}

/** Never the secret: only its first characters. */
export function toApiToken(t: ApiTokenRecord): ApiToken {
  return {
    id: String(t.id),
    userId: String(t.userId),
    name: t.name,
    prefix: t.prefix,
    role: t.role,
    createdAt: iso(t.createdAt),
    lastUsedAt: isoOrNull(t.lastUsedAt),
  };
}

/** A schedule record as the shared model, which resolution and validation read. */
export function toScheduleModel(s: ScheduleRecord): Schedule {
  return {
    id: String(s.id),
    name: s.name,
    timeZone: s.timeZone,
    layers: s.layers,
    overrides: s.overrides,
    version: s.version,
  };
}

/** A schedule as REST answers and the stream's `schedule` changes show it. */
export function toStoredSchedule(s: ScheduleRecord): StoredSchedule {
  return {
    ...toScheduleModel(s),
    layers: [...s.layers],
    overrides: [...s.overrides],
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
  };
}

/** An escalation policy record as the shared model, which validation and projection read. */
export function toEscalationPolicyModel(p: EscalationPolicyRecord): EscalationPolicy {
  return {
    id: String(p.id),
    name: p.name,
    levels: p.levels,
    repeat: p.repeat,
    version: p.version,
  };
}

/** A policy as REST answers and the stream's `escalationPolicy` changes show it. */
export function toStoredEscalationPolicy(p: EscalationPolicyRecord): StoredEscalationPolicy {
  return {
    ...toEscalationPolicyModel(p),
    levels: [...p.levels],
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}
