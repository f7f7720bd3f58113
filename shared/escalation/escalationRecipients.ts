import { z } from 'zod';
import type { EscalationLevel } from './escalationPolicyModel.js';

/** Why a person is notified at a level: named directly, on call in a schedule, or in a team. */
export const RecipientReason = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user') }),
  z.object({ type: z.literal('schedule'), scheduleId: z.string(), scheduleName: z.string() }),
  z.object({ type: z.literal('team'), teamId: z.string(), teamName: z.string() }),
]);
export type RecipientReason = z.infer<typeof RecipientReason>;

/** A person a level reaches, with their name at that time (users may be renamed or deleted). */
export const Recipient = z.object({ userId: z.string(), name: z.string(), via: RecipientReason });
export type Recipient = z.infer<typeof Recipient>;

/**
 * What resolving a level needs to know: users by id, teams with their members, and who is on
 * call in a schedule at an instant. The console builds one from its replica
 * (./escalationDirectory.ts); the engine from the store, inside the step's transaction.
 * Unknown ids answer null: a target deleted since the policy was saved reaches nobody.
 */
export interface EscalationDirectory {
  user(id: string): { readonly name: string } | null;
  team(id: string): { readonly name: string; readonly memberIds: readonly string[] } | null;
  schedule(id: string): { readonly name: string; onCallAt(t: number): string | null } | null;
}

/**
 * Everyone `level` reaches at instant `t`, in target order (a team's members by user id),
 * each once (the first reason wins). Schedules are asked who is on call at `t` itself, so a
 * hand-off — across a DST change too — is honoured to the millisecond. Empty: the level
 * reaches nobody (a schedule gap, an empty team, deleted users), and escalation moves on at
 * once.
 */
export function resolveLevel(
  level: EscalationLevel,
  t: number,
  directory: EscalationDirectory,
): Recipient[] {
  const recipients: Recipient[] = [];
  const seen = new Set<string>();
  const add = (userId: string, via: RecipientReason) => {
    if (seen.has(userId)) return;
    const user = directory.user(userId);
    if (!user) return;
    seen.add(userId);
    recipients.push({ userId, name: user.name, via });
  };
  for (const target of level.targets) {
    switch (target.type) {
      case 'user':
        add(target.id, { type: 'user' });
        break;
      case 'schedule': {
        const schedule = directory.schedule(target.id);
        const onCall = schedule?.onCallAt(t) ?? null;
        if (schedule && onCall !== null) {
          add(onCall, { type: 'schedule', scheduleId: target.id, scheduleName: schedule.name });
        }
        break;
      }
      case 'team': {
        const team = directory.team(target.id);
        for (const memberId of team?.memberIds ?? []) {
          add(memberId, { type: 'team', teamId: target.id, teamName: team!.name });
        }
        break;
      }
    }
  }
  return recipients;
}

/** Round robin: of everyone a level reaches, the one whose turn `turn` is (turns count up). */
export function roundRobinPick(recipients: readonly Recipient[], turn: number): Recipient[] {
  if (recipients.length === 0) return [];
  return [recipients[((turn % recipients.length) + recipients.length) % recipients.length]!];
}

/** "Ada Lovelace (on call in Ops)", "Grace Hopper (team SRE)", "Alan Turing". */
export function describeRecipient(recipient: Recipient): string {
  switch (recipient.via.type) {
    case 'user':
      return recipient.name;
    case 'schedule':
      return `${recipient.name} (on call in ${recipient.via.scheduleName})`;
    case 'team':
      return `${recipient.name} (team ${recipient.via.teamName})`;
  }
}

/** Why a level reached nobody, for the log: "nobody on call in Ops, team SRE has no members". */
export function describeNobody(level: EscalationLevel, directory: EscalationDirectory): string {
  const reasons = level.targets.map((target) => {
    switch (target.type) {
      case 'user':
        return directory.user(target.id) ? `user ${target.id}` : `user ${target.id} was deleted`;
      case 'schedule': {
        const schedule = directory.schedule(target.id);
        return schedule
          ? `nobody on call in ${schedule.name}`
          : `schedule ${target.id} was deleted`;
      }
      case 'team': {
        const team = directory.team(target.id);
        return team ? `team ${team.name} has no members` : `team ${target.id} was deleted`;
      }
    }
  });
  return [...new Set(reasons)].join(', ');
}
