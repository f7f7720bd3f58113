import { z } from 'zod';
import { AlertPriority, AlertState } from '../domain/alert.js';
import { limits } from '../domain/limits.js';

/** A query parameter that may be repeated (`state=PENDING&state=ACCEPTED`) or comma-separated. */
const listOf = <T extends z.ZodType>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter(Boolean))
    .pipe(z.array(item) as unknown as z.ZodType<Array<z.output<T>>, string[]>);

/**
 * RFC 3339 with an explicit offset: `Date.parse` alone also takes "1" or "March 7" and reads a
 * time without an offset as the engine's local time, which a client cannot know.
 */
const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;
const time = z
  .string()
  .refine(
    (s) => rfc3339.test(s) && !Number.isNaN(Date.parse(s)),
    'an RFC 3339 time, e.g. 2026-11-28T09:00:00Z',
  );

/** Ids are decimal integers; more than 15 digits would lose precision as a number. */
const id = (what: string) => z.string().regex(/^\d{1,15}$/, what);

/** Query of `GET /api/v1/alerts`. Newest first; `cursor` comes from the previous page. */
export const ListAlertsQuery = z.strictObject({
  state: listOf(AlertState).optional(),
  priority: listOf(AlertPriority).optional(),
  source: listOf(id('an alert source id')).optional(),
  /** Case-insensitive text search over summary, alert key and details. */
  q: z
    .string()
    .max(200)
    // SQLite's LIKE stops at a NUL: "%\0%" would match every alert.
    .refine((s) => !s.includes('\u0000'), 'a search text cannot contain NUL characters')
    .optional(),
  /** Alerts created at or after this time. */
  from: time.optional(),
  /** Alerts created before this time. */
  to: time.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
export type ListAlertsQuery = z.infer<typeof ListAlertsQuery>;

/** Body of `/accept` and `/resolve`: an optional comment logged with the change. */
export const AlertActionRequest = z
  .strictObject({ comment: z.string().trim().min(1).max(limits.commentChars).optional() })
  .default({});
export type AlertActionRequest = z.infer<typeof AlertActionRequest>;

export const CommentRequest = z.strictObject({
  text: z.string().trim().min(1, 'a comment needs text').max(limits.commentChars),
});
export type CommentRequest = z.infer<typeof CommentRequest>;

/** `userId: null` removes the assignee. */
export const AssignRequest = z.strictObject({ userId: id('a user id').nullable() });
export type AssignRequest = z.infer<typeof AssignRequest>;

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass as `cursor` for the next page; `null` on the last page. */
  readonly nextCursor: string | null;
}
