import type { z } from 'zod';
import type { ErrorIssue } from '../shared/api/errors.js';
import { truncate } from '../shared/domain/limits.js';
import { EngineError } from './errors.js';

/** Zod issues as the API reports them: a dotted path and a sentence. */
export function toIssues(error: z.ZodError): ErrorIssue[] {
  // Paths hold field names the sender chose: cut, so a 400 KB label name is not echoed twice.
  const dotted = (path: readonly PropertyKey[]) =>
    truncate(path.map(String).join('.'), 200) || '(body)';
  return error.issues
    .flatMap((issue): ErrorIssue[] =>
      // Name the unexpected field itself (`foo`, not the object holding it), so a client sees
      // which query parameter or body field to drop.
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({
            path: dotted([...issue.path, key]),
            message: 'is not a known field',
          }))
        : [{ path: dotted(issue.path), message: issue.message }],
    )
    .slice(0, 20);
}

/** Validates `value`, or throws 400 `invalid_request` naming every problem. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = toIssues(result.error);
  const first = issues[0];
  throw new EngineError(
    400,
    'invalid_request',
    `The ${what} is not valid${first ? `: ${first.path}: ${first.message}` : ''}.`,
    issues,
  );
}
