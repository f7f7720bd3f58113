import type { Actor } from '../../../shared/domain/alert.js';
import { clockTime } from '../../../shared/escalation/timelineText.js';
import type {
  TimelineEntry,
  TimelineProjection,
} from '../../../shared/escalation/timelineModel.js';

/**
 * The rows of the escalation timeline as the detail view draws them, read top to bottom in two
 * seconds: a time, an icon, a short title, who, and the engine's sentence underneath. Past rows
 * come from the log (`GET …/timeline`'s `happened`), upcoming ones from the projection the
 * console computes from its replica; upcoming rows are drawn apart (dashed, "if nobody acts").
 */

/** How a row reads at a glance: its colour and icon family. */
export type TimelineTone = 'neutral' | 'good' | 'warn' | 'bad' | 'next';

export interface TimelineRow {
  readonly key: string;
  readonly at: number;
  /** `10:15` today (in the viewer's zone), else `2026-11-29 10:15`. */
  readonly time: string;
  readonly kind: string;
  readonly icon: string;
  readonly title: string;
  /** The people involved (those reached, who accepted, …), for the bold part of the row. */
  readonly who: string | null;
  /** The engine's own sentence. */
  readonly text: string;
  readonly tone: TimelineTone;
}

export interface TimelineRows {
  readonly past: readonly TimelineRow[];
  readonly upcoming: readonly TimelineRow[];
}

/** "Ada Lovelace", "an Alertmanager event", "Nocturne". */
export function actorName(actor: Actor): string {
  switch (actor.type) {
    case 'user':
      return actor.name ?? `User ${actor.id}`;
    case 'integration':
      return `${/^[aeiou]/.test(actor.format) ? 'an' : 'a'} ${actor.format} event`;
    case 'system':
      return 'Nocturne';
  }
}

/** What a `notification` log line says happened to it. */
export function notificationTone(text: string): TimelineTone {
  if (/ failed\b/.test(text)) return / retrying in /.test(text) ? 'warn' : 'bad';
  if (/ not sent: /.test(text)) return 'warn';
  if (/ delivered\b/.test(text)) return 'good';
  return 'neutral'; // planned: "Notifying Ada Lovelace by email in 5 min"
}

const levelTitle = (level: number, round: number) =>
  `Level ${level + 1}${round > 0 ? ` (repeat ${round})` : ''}`;

const names = (recipients: ReadonlyArray<{ name: string }> | undefined) =>
  recipients && recipients.length > 0 ? recipients.map((r) => r.name).join(', ') : null;

function pastRow(entry: TimelineEntry, index: number, now: number, zone: string): TimelineRow {
  const at = Date.parse(entry.at);
  const base = { key: `p${index}`, at, time: clockTime(at, now, zone), kind: entry.kind };
  const by = actorName(entry.actor);
  const row = (icon: string, title: string, who: string | null, tone: TimelineTone) => ({
    ...base,
    icon,
    title,
    who,
    text: entry.text,
    tone,
  });
  switch (entry.kind) {
    case 'created':
      return row('✚', 'Created', by, 'neutral');
    case 'escalated': {
      const step = entry.step;
      const title = step ? levelTitle(step.level, step.round) : 'Escalated';
      const who = names(step?.recipients);
      return who === null && step
        ? row('⚠', `${title} reached nobody`, null, 'bad')
        : row('⇧', title, who, 'neutral');
    }
    case 'notification':
      return row('✉', 'Notification', null, notificationTone(entry.text));
    case 'accepted':
      return row('◆', 'Accepted', by, 'good');
    case 'resolved':
      return row('✓', 'Resolved', by, 'good');
    case 'comment':
      return row('❝', 'Comment', by, 'neutral');
    case 'assigned':
      return row('→', 'Assigned', by, 'neutral');
    case 'escalation-stopped':
      return row('■', 'Escalation ended', null, 'warn');
    case 'ack-timeout':
      return row('↺', 'Back to PENDING', null, 'warn');
    case 'maintenance':
      return row('⚒', 'Maintenance', null, 'neutral');
    default:
      return row('•', entry.kind, by, 'neutral');
  }
}

function upcomingRow(item: TimelineProjection, index: number, now: number, zone: string) {
  const at = Date.parse(item.at);
  const base = { key: `u${index}`, at, time: clockTime(at, now, zone), kind: item.kind };
  const row = (icon: string, title: string, who: string | null, tone: TimelineTone) => ({
    ...base,
    icon,
    title,
    who,
    text: item.text,
    tone,
  });
  switch (item.kind) {
    case 'level': {
      const title = levelTitle(item.level ?? 0, item.round ?? 0);
      const who = names(item.recipients);
      if (who === null) return row('⚠', `${title}: nobody reachable`, null, 'bad');
      const one = item.roundRobin && (item.recipients?.length ?? 0) > 1;
      return row('◷', title, one ? `one of ${who}` : who, 'next');
    }
    case 'exhausted':
      return row('■', 'Escalation ends', null, 'warn');
    case 'nobody_reachable':
      return row('⚠', 'Nobody reachable', null, 'bad');
    case 'ack-timeout':
      return row('↺', 'Back to PENDING', null, 'warn');
    case 'auto-resolve':
      return row('✓', 'Auto-resolve', null, 'neutral');
  }
}

/** Both lists, times in `zone` relative to the day of `now`. */
export function buildTimelineRows(
  happened: readonly TimelineEntry[],
  upcoming: readonly TimelineProjection[],
  now: number,
  zone: string,
): TimelineRows {
  return {
    past: happened.map((entry, i) => pastRow(entry, i, now, zone)),
    upcoming: upcoming.map((item, i) => upcomingRow(item, i, now, zone)),
  };
}

/** "in 4 min", "in 2 h 05 min", "now": how soon an upcoming row happens. */
export function untilText(at: number, now: number): string {
  const minutes = Math.ceil((at - now) / 60_000);
  if (minutes <= 0) return 'now';
  if (minutes < 60) return `in ${minutes} min`;
  const h = Math.floor(minutes / 60);
  return `in ${h} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Log kinds the timeline shows; comments and assignments are the log's (below the timeline). */
const timelineKinds = new Set([
  'created',
  'escalated',
  'notification',
  'accepted',
  'resolved',
  'escalation-stopped',
  'ack-timeout',
  'maintenance',
]);

export function escalationHistory(happened: readonly TimelineEntry[]): TimelineEntry[] {
  return happened.filter((entry) => timelineKinds.has(entry.kind));
}

/** Why nothing is projected, in a sentence (null when something is). */
export function quietReason(
  alert: { readonly state: string; readonly priority: string },
  hasPolicy: boolean,
  stopped: string | null,
): string {
  if (alert.state === 'RESOLVED') return 'Resolved: escalation is over.';
  if (alert.state === 'ACCEPTED') return 'Accepted: nobody else will be paged.';
  if (alert.priority === 'LOW') return 'LOW alerts page nobody.';
  if (!hasPolicy) return 'Its alert source has no escalation policy: nobody will be paged.';
  if (stopped !== null) return `Escalation stopped: ${stopped}`;
  return 'Nothing more is due.';
}
