import { z } from 'zod';
import { AlertPriority, AlertSummary } from '../domain/alert.js';
import { AlertSource } from '../domain/alertSource.js';
import { User } from '../domain/user.js';
import { Team } from '../domain/team.js';
import { StoredSchedule } from '../api/schedules.js';
import { StoredEscalationPolicy } from '../api/escalationPolicies.js';
import { AlertEscalation } from '../escalation/alertEscalation.js';
import { HeartbeatMonitor } from '../domain/heartbeatMonitor.js';
import { StoredMaintenanceWindow } from '../api/maintenanceWindows.js';
import { ErrorCode } from '../api/errors.js';
import { NotificationKind } from '../api/notificationRules.js';
import { Change } from './changes.js';

/**
 * The console stream at `/api/v1/stream` (docs/protocol.md). One JSON object per WebSocket text
 * frame. Every schema here is validated where it is received.
 */
export {
  HELLO_IN_URL,
  PROTOCOL_VERSION,
  STREAM_SUBPROTOCOLS,
  TOKEN_SUBPROTOCOL_PREFIX,
  protocolOf,
  type ProtocolVersion,
} from './subprotocols.js';

/** Close codes the engine uses (4000–4999 are the application's). */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  protocolError: 4000,
  unauthorized: 4001,
  /** The console fell too far behind: reconnect and resume (it will get a snapshot). */
  slowConsumer: 4008,
  /** The console did not say hello in time. */
  helloTimeout: 4009,
} as const;

const seq = z.number().int().nonnegative();

// ── client → engine ─────────────────────────────────────────────────────────────────────

/** The first and only message a console sends. With `resume` it asks for what it missed. */
export const HelloMessage = z.strictObject({
  type: z.literal('hello'),
  /** The version the engine selected (its subprotocol); 1 for consoles before version 2. */
  protocol: z.union([z.literal(1), z.literal(2)]),
  resume: z.strictObject({ streamId: z.string().min(1).max(100), seq }).optional(),
});
export type HelloMessage = z.infer<typeof HelloMessage>;

export const ClientMessage = HelloMessage;
export type ClientMessage = HelloMessage;

// ── engine → client ─────────────────────────────────────────────────────────────────────

/**
 * The live set at `seq`: open alerts, the most recently resolved ones, alert sources, users,
 * teams, schedules, escalation policies, where each alert's escalation stands, heartbeat
 * monitors and maintenance windows.
 * Large snapshots come in parts (`part` 0, 1, …); the console applies them once `final` is true.
 * In protocol 2 a part's alerts travel as `alertFields` + `alertRows` and are read as `alerts`
 * (shared/protocol/alertRows.ts): this schema is the part as read.
 * `streamId` names this run of the engine: sequence numbers only compare within one stream.
 */
export const SnapshotMessage = z.object({
  type: z.literal('snapshot'),
  streamId: z.string(),
  seq,
  serverTime: z.string(),
  part: z.number().int().nonnegative(),
  final: z.boolean(),
  alerts: z.array(AlertSummary),
  alertSources: z.array(AlertSource),
  users: z.array(User),
  /** In part 0. Engines before teams sent none: read a missing list as empty. */
  teams: z.array(Team).default([]),
  /** On-call schedules, in part 0. Engines before schedules sent none: read a missing list as empty. */
  schedules: z.array(StoredSchedule).default([]),
  /** Escalation policies, in part 0. Engines before escalation sent none: read as empty. */
  escalationPolicies: z.array(StoredEscalationPolicy).default([]),
  /**
   * Where the escalation of each alert of this part stands (those that escalate). Engines before
   * escalation sent none: read as empty.
   */
  alertEscalations: z.array(AlertEscalation).default([]),
  /** Heartbeat monitors (without keys), in part 0. Engines before heartbeats sent none: empty. */
  heartbeatMonitors: z.array(HeartbeatMonitor).default([]),
  /** Maintenance windows, in part 0. Engines before maintenance windows sent none: empty. */
  maintenanceWindows: z.array(StoredMaintenanceWindow).default([]),
});
export type SnapshotMessage = z.infer<typeof SnapshotMessage>;

/** The engine still held everything after the console's `seq`: deltas from there follow. */
export const ResumedMessage = z.object({ type: z.literal('resumed'), streamId: z.string(), seq });
export type ResumedMessage = z.infer<typeof ResumedMessage>;

/**
 * Changes that take the console from `from` to `seq`. A console whose last sequence is not
 * `from` has missed something and must resync (reconnect with resume).
 */
export const DeltaMessage = z.object({
  type: z.literal('delta'),
  from: seq,
  seq,
  changes: z.array(Change),
});
export type DeltaMessage = z.infer<typeof DeltaMessage>;

/** Sent when nothing else was for a while; `seq` is the last sequence sent to this console. */
export const HeartbeatMessage = z.object({
  type: z.literal('heartbeat'),
  seq,
  serverTime: z.string(),
});
export type HeartbeatMessage = z.infer<typeof HeartbeatMessage>;

/** Sent just before the engine closes the connection for a reason the console should show. */
export const ErrorMessage = z.object({
  type: z.literal('error'),
  code: ErrorCode.or(z.enum(['protocol_error', 'slow_consumer', 'hello_timeout'])),
  message: z.string(),
});
export type ErrorMessage = z.infer<typeof ErrorMessage>;

/**
 * A notification for the person the console is signed in as (docs/notifications.md), for the
 * console to raise natively (the tray). Sent only to that user's consoles, outside the sequenced
 * stream: it has no `seq`, and a console that was not connected when it went out never gets it.
 * After an engine crash the same notification may come again with the same `id`: show each
 * `id` once.
 */
export const NotificationMessage = z.object({
  type: z.literal('notification'),
  id: z.string(),
  userId: z.string(),
  /** `alert`: an alert is paging this user; `shift`: their on-call shift starts soon; `test`. */
  kind: NotificationKind,
  alertId: z.string().nullable(),
  scheduleId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  /** HIGH: raise it loudly (sound, stays until dismissed); LOW: quietly. */
  priority: AlertPriority,
  /** When the engine sent it (RFC 3339). */
  at: z.string(),
});
export type NotificationMessage = z.infer<typeof NotificationMessage>;

export const ServerMessage = z.discriminatedUnion('type', [
  SnapshotMessage,
  ResumedMessage,
  DeltaMessage,
  HeartbeatMessage,
  ErrorMessage,
  NotificationMessage,
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

export type {
  AlertSummary,
  AlertSource,
  User,
  Team,
  StoredSchedule,
  StoredEscalationPolicy,
  AlertEscalation,
  HeartbeatMonitor,
  StoredMaintenanceWindow,
};
