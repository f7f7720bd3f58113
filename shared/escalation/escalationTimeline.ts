import type { AlertLogEntry, AlertPriority, AlertState } from '../domain/alert.js';
import { EscalationStep, type AlertEscalation } from './alertEscalation.js';
import type { EscalationPolicy } from './escalationPolicyModel.js';
import { projectEscalation } from './escalationProjection.js';
import type { EscalationDirectory } from './escalationRecipients.js';
import type { AlertTimeline, TimelineEntry, TimelineProjection } from './timelineModel.js';
import { describeProjection } from './timelineText.js';

const iso = (ms: number) => new Date(ms).toISOString();
const msOrNull = (text: string | null) => (text === null ? null : Date.parse(text));

/** What "what will happen" is computed from: everything a console replicates. */
export interface UpcomingInput {
  /** The alert as the stream or REST shows it. */
  readonly alert: {
    readonly state: AlertState;
    readonly priority: AlertPriority;
    readonly acceptedAt: string | null;
    readonly lastEventAt: string;
    /** Opened during maintenance: it pages nobody (docs/maintenance.md). */
    readonly maintenanceWindowId?: string | null;
  };
  /** Its source's timeouts (null: no source, or none set). */
  readonly source: {
    readonly ackTimeoutMinutes: number | null;
    readonly autoResolveMinutes: number | null;
  } | null;
  /** The stream's `alertEscalation` of the alert; null: it does not escalate. */
  readonly escalation: AlertEscalation | null;
  /** The policy `escalation.policyId` names (null: none, or deleted). */
  readonly policy: EscalationPolicy | null;
  readonly directory: EscalationDirectory;
  /** Epoch ms: the projection starts here. */
  readonly now: number;
  /** Zone of the times in `text`. */
  readonly timeZone: string;
  /** At most this many items (default 50). */
  readonly limit?: number;
}

/**
 * What will happen to an alert if nobody acts, as timeline items: projectEscalation over the
 * replicated data, with a sentence for each item. A console on a wall screen calls this
 * whenever the alert, its escalation, the policy, a schedule, a team or a user changes.
 */
export function upcomingTimeline(input: UpcomingInput): {
  items: TimelineProjection[];
  truncated: boolean;
} {
  const next = input.escalation?.next ?? null;
  const projection = projectEscalation({
    alert: {
      state: input.alert.state,
      priority: input.alert.priority,
      acceptedAt: msOrNull(input.alert.acceptedAt),
      lastEventAt: Date.parse(input.alert.lastEventAt),
      inMaintenance: (input.alert.maintenanceWindowId ?? null) !== null,
    },
    source: input.source,
    next: next ? { level: next.level, round: next.round, dueAt: Date.parse(next.dueAt) } : null,
    policy: input.policy,
    directory: input.directory,
    now: input.now,
    ...(input.limit !== undefined ? { limit: input.limit } : {}),
  });
  const items = projection.items.map((item): TimelineProjection => {
    const text = describeProjection(item, input.now, input.timeZone);
    if (item.kind !== 'level') return { at: iso(item.at), kind: item.kind, text };
    return {
      at: iso(item.at),
      kind: 'level',
      level: item.level,
      round: item.round,
      recipients: [...item.recipients],
      roundRobin: item.roundRobin,
      text,
    };
  });
  return { items, truncated: projection.truncated };
}

/** Log kinds a timeline leaves out: a repeated trigger changes nothing about escalation. */
const quietKinds = new Set(['event']);

/** What happened, from the alert's log (oldest first). */
export function happenedTimeline(log: readonly AlertLogEntry[]): TimelineEntry[] {
  return log
    .filter((entry) => !quietKinds.has(entry.kind))
    .map((entry) => {
      const base: TimelineEntry = {
        at: entry.at,
        kind: entry.kind,
        actor: entry.actor,
        text: entry.message,
      };
      if (entry.kind !== 'escalated' || !entry.data) return base;
      const step = EscalationStep.safeParse(entry.data);
      return step.success ? { ...base, step: step.data } : base;
    });
}

export interface TimelineInput extends UpcomingInput {
  readonly alert: UpcomingInput['alert'] & { readonly id: string };
  /** The alert's log, oldest first (or its newest part: see `logOmitted`). */
  readonly log: readonly AlertLogEntry[];
  /** Entries of the log before `log[0]` that were not read. */
  readonly logOmitted?: number;
}

/**
 * The escalation timeline of an alert (docs/escalation.md, "The timeline"): what happened —
 * created, each step with whom it reached and the notifications planned, each notification's
 * outcome, accept and resolve with who, acknowledgement timeouts — and what will happen if
 * nobody acts. Pure: the engine serves it over REST, consoles compute the same.
 */
export function escalationTimeline(input: TimelineInput): AlertTimeline {
  const upcoming = upcomingTimeline(input);
  return {
    alertId: input.alert.id,
    computedAt: iso(input.now),
    timeZone: input.timeZone,
    policy: input.policy
      ? { id: input.policy.id, name: input.policy.name, version: input.policy.version }
      : null,
    escalation: input.escalation,
    happened: happenedTimeline(input.log),
    happenedOmitted: input.logOmitted ?? 0,
    upcoming: upcoming.items,
    upcomingTruncated: upcoming.truncated,
  };
}
