import type { Change } from '../protocol/changes.js';
import type {
  AlertSource,
  AlertSummary,
  StoredSchedule,
  StoredEscalationPolicy,
  AlertEscalation,
  HeartbeatMonitor,
  StoredMaintenanceWindow,
  Team,
  User,
} from '../protocol/messages.js';
import type { Snapshot, SyncListener, SyncStatus } from './syncStatus.js';

/**
 * The stream's state as plain maps by id: alerts, alert sources, users, teams, schedules,
 * escalation policies, alert escalations, heartbeat monitors and maintenance windows. The tray
 * and tests use it; the renderer keeps its own normalized store. Every change carries the whole entity, so
 * applying one is a replace (or a delete).
 *
 * Alerts are never removed: the engine sends resolved ones as changes like any other, and a
 * snapshot carries only the open alerts and the most recently resolved ones. A long-running
 * holder that cares about memory drops resolved alerts itself.
 */
export class Replica {
  readonly alerts = new Map<string, AlertSummary>();
  readonly alertSources = new Map<string, AlertSource>();
  readonly users = new Map<string, User>();
  readonly teams = new Map<string, Team>();
  readonly schedules = new Map<string, StoredSchedule>();
  readonly escalationPolicies = new Map<string, StoredEscalationPolicy>();
  /** By alert id: where each alert's escalation stands (docs/escalation.md). */
  readonly alertEscalations = new Map<string, AlertEscalation>();
  readonly heartbeatMonitors = new Map<string, HeartbeatMonitor>();
  readonly maintenanceWindows = new Map<string, StoredMaintenanceWindow>();
  streamId: string | null = null;
  seq: number | null = null;

  applySnapshot(snapshot: Snapshot): void {
    this.alerts.clear();
    this.alertSources.clear();
    this.users.clear();
    this.teams.clear();
    this.schedules.clear();
    this.escalationPolicies.clear();
    this.alertEscalations.clear();
    this.heartbeatMonitors.clear();
    this.maintenanceWindows.clear();
    for (const alert of snapshot.alerts) this.alerts.set(alert.id, alert);
    for (const source of snapshot.alertSources) this.alertSources.set(source.id, source);
    for (const user of snapshot.users) this.users.set(user.id, user);
    for (const team of snapshot.teams) this.teams.set(team.id, team);
    for (const schedule of snapshot.schedules) this.schedules.set(schedule.id, schedule);
    for (const policy of snapshot.escalationPolicies)
      this.escalationPolicies.set(policy.id, policy);
    for (const escalation of snapshot.alertEscalations)
      this.alertEscalations.set(escalation.alertId, escalation);
    for (const monitor of snapshot.heartbeatMonitors ?? [])
      this.heartbeatMonitors.set(monitor.id, monitor);
    for (const window of snapshot.maintenanceWindows ?? [])
      this.maintenanceWindows.set(window.id, window);
    this.streamId = snapshot.streamId;
    this.seq = snapshot.seq;
  }

  applyChanges(changes: readonly Change[], seq: number): void {
    for (const change of changes) {
      switch (change.kind) {
        case 'alert':
          this.alerts.set(change.value.id, change.value);
          break;
        case 'alertSource':
          this.alertSources.set(change.value.id, change.value);
          break;
        case 'alertSource.removed':
          this.alertSources.delete(change.id);
          break;
        case 'user':
          this.users.set(change.value.id, change.value);
          break;
        case 'user.removed':
          this.users.delete(change.id);
          break;
        case 'team':
          this.teams.set(change.value.id, change.value);
          break;
        case 'team.removed':
          this.teams.delete(change.id);
          break;
        case 'schedule':
          this.schedules.set(change.value.id, change.value);
          break;
        case 'schedule.removed':
          this.schedules.delete(change.id);
          break;
        case 'escalationPolicy':
          this.escalationPolicies.set(change.value.id, change.value);
          break;
        case 'escalationPolicy.removed':
          this.escalationPolicies.delete(change.id);
          break;
        case 'alertEscalation':
          this.alertEscalations.set(change.value.alertId, change.value);
          break;
        case 'heartbeatMonitor':
          this.heartbeatMonitors.set(change.value.id, change.value);
          break;
        case 'heartbeatMonitor.removed':
          this.heartbeatMonitors.delete(change.id);
          break;
        case 'maintenanceWindow':
          this.maintenanceWindows.set(change.value.id, change.value);
          break;
        case 'maintenanceWindow.removed':
          this.maintenanceWindows.delete(change.id);
          break;
      }
    }
    this.seq = seq;
  }

  /** A sync listener that keeps this replica current; `onStatus` is passed through. */
  listener(onStatus: (status: SyncStatus) => void = () => undefined): SyncListener {
    return {
      onSnapshot: (snapshot) => this.applySnapshot(snapshot),
      onChanges: (changes, seq) => this.applyChanges(changes, seq),
      onStatus,
    };
  }
}
