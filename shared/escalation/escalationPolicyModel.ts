import { z } from 'zod';
import { limits } from '../domain/limits.js';

/**
 * The escalation policy model of issue #3 (docs/escalation.md): ordered levels, each naming
 * targets (users, schedules, teams) and how long to wait for an accept before the next level,
 * optionally notifying one person per turn (round robin); the whole policy may repeat. Shared by
 * the engine and the console, which edits policies and projects timelines offline.
 *
 * The schemas check shapes; ranges and references are checked by validateEscalationPolicy, which
 * names each problem with a stable code (./policyProblems.ts).
 */

export const escalationLimits = {
  /** Levels of one policy. */
  maxLevels: 20,
  /** Targets of one level. */
  maxTargetsPerLevel: 50,
  /** Minutes a level waits for an accept before the next one is notified. */
  minTimeoutMinutes: 1,
  /** One day: a longer wait is not escalation any more. */
  maxTimeoutMinutes: 1440,
  /** Times the whole policy runs again after its last level (ilert: up to 9). */
  maxRepeat: 9,
  /** Characters of an id in a target. */
  idChars: 64,
} as const;

const id = z
  .string({ error: 'An id must be text, e.g. "3".' })
  .min(1, 'An id must not be empty.')
  .max(escalationLimits.idChars, `An id has at most ${escalationLimits.idChars} characters.`);

const name = z
  .string({ error: 'A name must be text.' })
  .trim()
  .min(1, 'A name is required.')
  .max(limits.nameChars, `A name has at most ${limits.nameChars} characters.`);

const wholeNumber = (what: string) =>
  z.number({ error: `${what} must be a whole number.` }).int(`${what} must be a whole number.`);

/**
 * Who a level notifies: a user; whoever is on call in a schedule at the moment the level is
 * reached; or every member of a team.
 */
export const EscalationTarget = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('user'), id }).readonly(),
    z.strictObject({ type: z.literal('schedule'), id }).readonly(),
    z.strictObject({ type: z.literal('team'), id }).readonly(),
  ],
  { error: 'A target is {type: "user" | "schedule" | "team", id}.' },
);
export type EscalationTarget = z.infer<typeof EscalationTarget>;
export type EscalationTargetType = EscalationTarget['type'];

export const EscalationLevel = z
  .strictObject(
    {
      /** In order: with round robin, the order of turns. */
      targets: z.array(EscalationTarget, { error: 'targets must be a list.' }).readonly(),
      /** Minutes to wait for an accept before the next level (or the next round) is notified. */
      timeoutMinutes: wholeNumber('The escalation timeout'),
      /** Notify one person per time the level is reached, the next one each time. */
      roundRobin: z.boolean({ error: 'roundRobin must be true or false.' }),
    },
    { error: 'A level is an object {targets, timeoutMinutes, roundRobin}.' },
  )
  .readonly();
export type EscalationLevel = z.infer<typeof EscalationLevel>;

export const EscalationPolicy = z
  .strictObject(
    {
      id,
      name,
      /** In escalation order: level 1 first. */
      levels: z.array(EscalationLevel, { error: 'levels must be a list.' }).readonly(),
      /** How many more times the whole policy runs after its last level: 0–9. */
      repeat: wholeNumber('repeat'),
      /** Bumped on every change, for optimistic concurrency. */
      version: wholeNumber('The version').min(0, 'The version must not be negative.'),
    },
    { error: 'An escalation policy is an object {id, name, levels, repeat, version}.' },
  )
  .readonly();
export type EscalationPolicy = z.infer<typeof EscalationPolicy>;

/** Minutes as milliseconds (timeouts are stored in minutes, due times in ms). */
export const minutesMs = (minutes: number) => minutes * 60_000;

/** Levels are 0-based in code and payloads, 1-based for people ("level 2"). */
export const levelLabel = (level: number) => `level ${level + 1}`;
