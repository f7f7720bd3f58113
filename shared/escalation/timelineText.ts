import { levelLabel } from './escalationPolicyModel.js';
import type { EscalationStep } from './alertEscalation.js';
import { describeRecipient, type Recipient } from './escalationRecipients.js';
import type { ProjectedItem } from './escalationProjection.js';

/** Sentences of timelines and of the alert log, shared so the engine and consoles agree. */

/**
 * One formatter per zone: building an Intl.DateTimeFormat (or a Luxon DateTime per call) costs
 * tens of microseconds, and a wall screen formats every item of every alert's timeline.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    };
    try {
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone: zone });
    } catch {
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }); // unknown zone
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** `[yyyy-MM-dd, HH:mm]` of instant `t` in `zone`. */
function localParts(t: number, zone: string): [string, string] {
  const p: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(t)) p[part.type] = part.value;
  return [`${p.year}-${p.month}-${p.day}`, `${p.hour}:${p.minute}`];
}

/** `10:15` on the day of `now` in `zone`, else `2026-11-29 10:15`. */
export function clockTime(t: number, now: number, zone: string): string {
  const [day, time] = localParts(t, zone);
  return day === localParts(now, zone)[0] ? time : `${day} ${time}`;
}

/** "Level 2" or "Level 1 (repeat 2)". */
function levelName(level: number, round: number): string {
  const name = levelLabel(level);
  return `${name[0]!.toUpperCase()}${name.slice(1)}${round > 0 ? ` (repeat ${round})` : ''}`;
}

/** Recipients grouped by why they are reached: "whoever is on call in Ops then: Grace Hopper". */
function reachSentence(recipients: readonly Recipient[]): string {
  const parts: string[] = [];
  const direct = recipients.filter((r) => r.via.type === 'user').map((r) => r.name);
  if (direct.length > 0) parts.push(direct.join(', '));
  const groups = new Map<string, string[]>();
  for (const r of recipients) {
    const key =
      r.via.type === 'schedule'
        ? `whoever is on call in schedule ${r.via.scheduleName} at that time`
        : r.via.type === 'team'
          ? `team ${r.via.teamName}`
          : null;
    if (key) groups.set(key, [...(groups.get(key) ?? []), r.name]);
  }
  for (const [key, names] of groups) parts.push(`${key}: ${names.join(', ')}`);
  return parts.join('; ');
}

/**
 * "console now, email in 5 min": the notifications a step planned for one person, relative to
 * the step, so the logged sentence reads the same in every time zone.
 */
function channels(step: EscalationStep, userId: string): string {
  const at = Date.parse(step.at);
  return step.notifications
    .filter((n) => n.userId === userId)
    .map((n) => {
      const minutes = Math.round((Date.parse(n.dueAt) - at) / 60_000);
      return minutes <= 0 ? `${n.channel} now` : `${n.channel} in ${minutes} min`;
    })
    .join(', ');
}

/**
 * The log message of a step: "Escalated to level 2: Ada Lovelace (on call in Ops) via console
 * now, email in 5 min", or why it reached nobody.
 */
export function describeStep(step: EscalationStep, nobodyBecause: string | null): string {
  const name = levelLabel(step.level) + (step.round > 0 ? ` (repeat ${step.round})` : '');
  if (step.recipients.length === 0) {
    return `${name[0]!.toUpperCase()}${name.slice(1)} reached nobody${nobodyBecause ? ` (${nobodyBecause})` : ''}: escalating further at once`;
  }
  const people = step.recipients.map((r) => {
    const how = channels(step, r.userId);
    return `${describeRecipient(r)}${how ? ` via ${how}` : ''}`;
  });
  return `Escalated to ${name}${step.roundRobin ? ' (round robin)' : ''}: ${people.join('; ')}`;
}

/** The sentence of a projected item, times in `zone`. */
export function describeProjection(item: ProjectedItem, now: number, zone: string): string {
  const when = clockTime(item.at, now, zone);
  switch (item.kind) {
    case 'level': {
      const name = `${levelName(item.level, item.round)} at ${when}`;
      if (item.recipients.length === 0) {
        return `${name} reaches nobody${item.nobodyBecause ? ` (${item.nobodyBecause})` : ''} → the next level at once`;
      }
      if (item.roundRobin && item.recipients.length > 1) {
        return `${name} → one of ${item.recipients.map((r) => r.name).join(', ')} (round robin: the next in turn)`;
      }
      return `${name} → ${reachSentence(item.recipients)}`;
    }
    case 'exhausted':
      return `${when}: escalation ends — nobody accepted after ${item.rounds} ${item.rounds === 1 ? 'run' : 'runs'} of the policy`;
    case 'nobody_reachable':
      return `${when}: escalation ends — no level reaches anyone`;
    case 'ack-timeout':
      return `${when}: back to PENDING unless resolved (acknowledgement timeout ${item.minutes} min); escalation restarts at level 1`;
    case 'auto-resolve':
      return `${when}: resolved automatically unless a new event arrives (no event for ${item.minutes} min)`;
  }
}
