import { z } from 'zod';

/** PENDING escalates; ACCEPTED halts escalation; RESOLVED is terminal and never reopens. */
export const AlertState = z.enum(['PENDING', 'ACCEPTED', 'RESOLVED']);
export type AlertState = z.infer<typeof AlertState>;

/** Drives paging: HIGH escalates, LOW does not page. */
export const AlertPriority = z.enum(['HIGH', 'LOW']);
export type AlertPriority = z.infer<typeof AlertPriority>;

/** For display, as PagerDuty senders state it. */
export const AlertSeverity = z.enum(['critical', 'error', 'warning', 'info']);
export type AlertSeverity = z.infer<typeof AlertSeverity>;

/** Which inbound format or path created the alert (`heartbeat`: an overdue heartbeat monitor). */
export const AlertOrigin = z.enum(['ilert', 'pagerduty', 'alertmanager', 'api', 'heartbeat']);
export type AlertOrigin = z.infer<typeof AlertOrigin>;

export const AlertLink = z.object({ href: z.string(), text: z.string().nullable() });
export type AlertLink = z.infer<typeof AlertLink>;

export const AlertImage = z.object({
  src: z.string(),
  href: z.string().nullable(),
  alt: z.string().nullable(),
});
export type AlertImage = z.infer<typeof AlertImage>;

const isoTime = z.string();

/**
 * What consoles replicate over the stream: everything a queue row needs, without the heavy
 * fields (details, customDetails, images) that the detail view reads over REST.
 */
export const AlertSummary = z.object({
  id: z.string(),
  sourceId: z.string(),
  alertKey: z.string(),
  state: AlertState,
  priority: AlertPriority,
  severity: AlertSeverity.nullable(),
  summary: z.string(),
  origin: AlertOrigin,
  labels: z.record(z.string(), z.string()),
  links: z.array(AlertLink),
  eventCount: z.number().int(),
  createdAt: isoTime,
  updatedAt: isoTime,
  lastEventAt: isoTime,
  acceptedAt: isoTime.nullable(),
  acceptedBy: z.string().nullable(),
  resolvedAt: isoTime.nullable(),
  assigneeId: z.string().nullable(),
  /**
   * The maintenance window the alert opened in (docs/maintenance.md): nobody is paged for it.
   * Null (or absent: engines before maintenance windows) for alerts that page as usual. Optional
   * in the type too, so code that builds summaries need not know of maintenance.
   */
  maintenanceWindowId: z.string().nullable().optional(),
});
export type AlertSummary = Readonly<z.infer<typeof AlertSummary>>;

/** An alert with every field, as `GET /api/v1/alerts/{id}` returns it. */
export const Alert = AlertSummary.extend({
  details: z.string().nullable(),
  customDetails: z.unknown().nullable(),
  images: z.array(AlertImage),
});
export type Alert = Readonly<z.infer<typeof Alert>>;

/** Who did something: a person (by API token), an alert source's integration, or the engine. */
export const Actor = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user'), id: z.string(), name: z.string().nullable() }),
  z.object({ type: z.literal('integration'), sourceId: z.string(), format: AlertOrigin }),
  z.object({ type: z.literal('system') }),
]);
export type Actor = z.infer<typeof Actor>;

export const AlertLogKind = z.enum([
  'created',
  'event',
  'accepted',
  'resolved',
  'comment',
  'assigned',
  'priority-changed',
  /** A notification planned for someone, and each outcome of sending it (docs/notifications.md). */
  'notification',
  /** An escalation level was reached: who it notified, or that it reached nobody (docs/escalation.md). */
  'escalated',
  /** Escalation stopped for good: the policy ran out, nobody was reachable, … */
  'escalation-stopped',
  /** Accepted but not resolved within the source's acknowledgement timeout: PENDING again. */
  'ack-timeout',
  /** Opened during a maintenance window (nobody paged), or left it (docs/maintenance.md). */
  'maintenance',
]);
export type AlertLogKind = z.infer<typeof AlertLogKind>;

/** One line of an alert's history: every event received and every change of state. */
export const AlertLogEntry = z.object({
  id: z.string(),
  alertId: z.string(),
  at: isoTime,
  kind: AlertLogKind,
  actor: Actor,
  message: z.string(),
  /**
   * Structured detail for some kinds (`escalated`: the step, shared/escalation/alertEscalation.ts);
   * left out when there is none.
   */
  data: z.record(z.string(), z.unknown()).optional(),
});
export type AlertLogEntry = Readonly<z.infer<typeof AlertLogEntry>>;
