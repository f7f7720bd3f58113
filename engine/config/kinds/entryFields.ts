import { z } from 'zod';
import { emailChars } from '../../../shared/api/users.js';
import { limits } from '../../../shared/domain/limits.js';
import { normalKey } from '../configKind.js';

/** Fields several kinds' entries share: references by natural key, canonical list orders. */

/**
 * A user, named by email. Looser than the users API's check on purpose: the admin every engine
 * creates at its first start is `admin@localhost`, which a file must be able to name; the
 * engine still checks the address of every user it creates or changes.
 */
export const userRef = z
  .string({ error: 'an email address (text)' })
  .trim()
  .max(emailChars, `an email address has at most ${emailChars} characters`)
  .regex(/^[^\s@]+@[^\s@]+$/, 'an email address such as ada@example.com');

/** A team, schedule or escalation policy, named by its name. */
export const nameRef = z
  .string({ error: 'a name (text)' })
  .trim()
  .min(1, 'a name is required')
  .max(limits.nameChars, `a name has at most ${limits.nameChars} characters`);

/** Sorts by `key`, so that the order a list is written in does not count as a change. */
export const sortedBy =
  <T>(key: (item: T) => string) =>
  (list: readonly T[]): T[] =>
    [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** Refuses a list that names the same thing twice (by `key`), at the second one. */
export const unique =
  <T>(key: (item: T) => string, what: string) =>
  (list: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      const k = normalKey(key(item));
      if (seen.has(k)) {
        ctx.addIssue({ code: 'custom', path: [index], message: `${what} is listed twice` });
      }
      seen.add(k);
    });
  };

/** `value` unless it equals `none`: export leaves out what a file need not say. */
export const unless = <T>(value: T, none: T): T | undefined => (value === none ? undefined : value);

/** Leaves out undefined fields (export writes no `key: null` for what was left out). */
export const defined = <T extends Record<string, unknown>>(object: T): Partial<T> =>
  Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as Partial<T>;

/** A reference to an object that no longer exists, as export writes it (apply refuses it). */
export const missing = (noun: string, id: string) => `(deleted ${noun} ${id})`;
