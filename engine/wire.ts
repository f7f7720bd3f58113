import type { Alert, AlertLogEntry, AlertSummary } from '../shared/domain/alert.js';
import type { AlertSource } from '../shared/domain/alertSource.js';
import type { User } from '../shared/domain/user.js';
import type {
  AlertLogRecord,
  AlertRecord,
  AlertSourceRecord,
  UserRecord,
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
  };
}

/** `withKey` is false for readers who may not send events (viewers, streams). */
export function toAlertSource(s: AlertSourceRecord, withKey: boolean): AlertSource {
  return {
    id: String(s.id),
    name: s.name,
    ...(withKey ? { integrationKey: s.integrationKey } : {}),
    escalationPolicyId: s.escalationPolicyId,
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
