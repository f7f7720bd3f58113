import type { HeartbeatMonitor } from '../../shared/domain/heartbeatMonitor.js';
import type { HeartbeatMonitorRecord } from '../store/records.js';

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A monitor as the wire shows it; `withKey` is false for viewers and the stream. */
export function toHeartbeatMonitor(m: HeartbeatMonitorRecord, withKey: boolean): HeartbeatMonitor {
  return {
    id: String(m.id),
    name: m.name,
    alertSourceId: String(m.alertSourceId),
    intervalSeconds: m.intervalSeconds,
    graceSeconds: m.graceSeconds,
    ...(withKey ? { key: m.key } : {}),
    paused: m.status === 'paused',
    status: m.status,
    lastPingAt: isoOrNull(m.lastPingAt),
    deadlineAt: isoOrNull(m.deadlineAt),
    alertId: m.alertId === null ? null : String(m.alertId),
    createdAt: new Date(m.createdAt).toISOString(),
    updatedAt: new Date(m.updatedAt).toISOString(),
  };
}
