import type { z } from 'zod';
import type { ErrorIssue } from '../shared/api/errors.js';
import { EngineError } from './errors.js';

/** Zod issues as the API reports them: a dotted path and a sentence. */
export function toIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
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
