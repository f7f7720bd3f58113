import type { SnapshotMessage } from '../protocol/messages.js';
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
import type { Snapshot } from './syncStatus.js';

/** What adding one part gave: more to come, the whole snapshot, or why the parts do not fit. */
export type AssembleResult =
  | { readonly kind: 'partial' }
  | { readonly kind: 'complete'; readonly snapshot: Snapshot }
  | { readonly kind: 'invalid'; readonly message: string };

/**
 * Collects the parts of one snapshot (`part` 0, 1, … with `final` on the last). Every part must
 * name the same stream and sequence, and come in order: a snapshot is applied whole or not at all.
 */
export class SnapshotAssembler {
  private first: SnapshotMessage | null = null;
  private nextPart = 0;
  private alerts: AlertSummary[] = [];
  private alertSources: AlertSource[] = [];
  private users: User[] = [];
  private teams: Team[] = [];
  private schedules: StoredSchedule[] = [];
  private escalationPolicies: StoredEscalationPolicy[] = [];
  private alertEscalations: AlertEscalation[] = [];
  private heartbeatMonitors: HeartbeatMonitor[] = [];
  private maintenanceWindows: StoredMaintenanceWindow[] = [];

  /** Whether some parts arrived and the final one has not. */
  get inProgress(): boolean {
    return this.first !== null;
  }

  add(part: SnapshotMessage): AssembleResult {
    if (part.part !== this.nextPart) {
      return this.invalid(`snapshot part ${part.part} arrived where part ${this.nextPart} was due`);
    }
    const first = this.first ?? part;
    if (part.streamId !== first.streamId || part.seq !== first.seq) {
      return this.invalid('the parts of one snapshot name different streams or sequences');
    }
    this.first = first;
    this.nextPart += 1;
    this.alerts.push(...part.alerts);
    this.alertSources.push(...part.alertSources);
    this.users.push(...part.users);
    this.teams.push(...part.teams);
    this.schedules.push(...part.schedules);
    this.escalationPolicies.push(...part.escalationPolicies);
    this.alertEscalations.push(...part.alertEscalations);
    this.heartbeatMonitors.push(...part.heartbeatMonitors);
    this.maintenanceWindows.push(...part.maintenanceWindows);
    if (!part.final) return { kind: 'partial' };
    const snapshot: Snapshot = {
      streamId: first.streamId,
      seq: first.seq,
      serverTime: part.serverTime,
      alerts: this.alerts,
      alertSources: this.alertSources,
      users: this.users,
      teams: this.teams,
      schedules: this.schedules,
      escalationPolicies: this.escalationPolicies,
      alertEscalations: this.alertEscalations,
      heartbeatMonitors: this.heartbeatMonitors,
      maintenanceWindows: this.maintenanceWindows,
    };
    this.reset();
    return { kind: 'complete', snapshot };
  }

  reset(): void {
    this.first = null;
    this.nextPart = 0;
    this.alerts = [];
    this.alertSources = [];
    this.users = [];
    this.teams = [];
    this.schedules = [];
    this.escalationPolicies = [];
    this.alertEscalations = [];
    this.heartbeatMonitors = [];
    this.maintenanceWindows = [];
  }

  private invalid(message: string): AssembleResult {
    this.reset();
    return { kind: 'invalid', message };
  }
}
