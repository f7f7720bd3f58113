import { z } from 'zod';
import { AlertSummary } from '../domain/alert.js';
import { AlertSource } from '../domain/alertSource.js';
import { User } from '../domain/user.js';
import { Team } from '../domain/team.js';
import { StoredSchedule } from '../api/schedules.js';
import { StoredEscalationPolicy } from '../api/escalationPolicies.js';
import { AlertEscalation } from '../escalation/alertEscalation.js';
import { HeartbeatMonitor } from '../domain/heartbeatMonitor.js';
import { StoredMaintenanceWindow } from '../api/maintenanceWindows.js';

/**
 * One change to what a console replicates. Every change carries the entity's whole new state
 * (or its removal), so applying a change twice, or only the newest of several changes to one
 * entity, gives the same result: that is what lets the engine coalesce for slow consoles.
 */
export const Change = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('alert'), value: AlertSummary }),
  z.object({ kind: z.literal('alertSource'), value: AlertSource }),
  z.object({ kind: z.literal('alertSource.removed'), id: z.string() }),
  z.object({ kind: z.literal('user'), value: User }),
  z.object({ kind: z.literal('user.removed'), id: z.string() }),
  z.object({ kind: z.literal('team'), value: Team }),
  z.object({ kind: z.literal('team.removed'), id: z.string() }),
  z.object({ kind: z.literal('schedule'), value: StoredSchedule }),
  z.object({ kind: z.literal('schedule.removed'), id: z.string() }),
  z.object({ kind: z.literal('escalationPolicy'), value: StoredEscalationPolicy }),
  z.object({ kind: z.literal('escalationPolicy.removed'), id: z.string() }),
  /** Where an alert's escalation stands (docs/escalation.md); keyed by the alert's id. */
  z.object({ kind: z.literal('alertEscalation'), value: AlertEscalation }),
  /** A heartbeat monitor's settings or status (docs/heartbeats.md); never its key. */
  z.object({ kind: z.literal('heartbeatMonitor'), value: HeartbeatMonitor }),
  z.object({ kind: z.literal('heartbeatMonitor.removed'), id: z.string() }),
  /** A maintenance window as stored (docs/maintenance.md). */
  z.object({ kind: z.literal('maintenanceWindow'), value: StoredMaintenanceWindow }),
  z.object({ kind: z.literal('maintenanceWindow.removed'), id: z.string() }),
]);
export type Change = z.infer<typeof Change>;

/** The entity a change is about, as `kind:id`; later changes to one key replace earlier ones. */
export function changeKey(change: Change): string {
  switch (change.kind) {
    case 'alert':
      return `alert:${change.value.id}`;
    case 'alertSource':
      return `alertSource:${change.value.id}`;
    case 'alertSource.removed':
      return `alertSource:${change.id}`;
    case 'user':
      return `user:${change.value.id}`;
    case 'user.removed':
      return `user:${change.id}`;
    case 'team':
      return `team:${change.value.id}`;
    case 'team.removed':
      return `team:${change.id}`;
    case 'schedule':
      return `schedule:${change.value.id}`;
    case 'schedule.removed':
      return `schedule:${change.id}`;
    case 'escalationPolicy':
      return `escalationPolicy:${change.value.id}`;
    case 'escalationPolicy.removed':
      return `escalationPolicy:${change.id}`;
    case 'alertEscalation':
      return `alertEscalation:${change.value.alertId}`;
    case 'heartbeatMonitor':
      return `heartbeatMonitor:${change.value.id}`;
    case 'heartbeatMonitor.removed':
      return `heartbeatMonitor:${change.id}`;
    case 'maintenanceWindow':
      return `maintenanceWindow:${change.value.id}`;
    case 'maintenanceWindow.removed':
      return `maintenanceWindow:${change.id}`;
  }
}
