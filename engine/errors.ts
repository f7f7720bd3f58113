import type { ErrorCode, ErrorIssue } from '../shared/api/errors.js';

/**
 * An error a client caused or should know about: an HTTP status, a stable code, and a message
 * a person can act on. Anything else that escapes is a bug and answers 500 `internal_error`.
 */
export class EngineError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: readonly ErrorIssue[],
    /** Extra response headers (Retry-After). */
    readonly headers?: Readonly<Record<string, string>>,
    /**
     * Fields answered next to `error` (a 409's current state, a schedule's problem codes), so a
     * client can act without asking again.
     */
    readonly extra?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export const notFound = (code: ErrorCode, what: string) =>
  new EngineError(404, code, `${what} does not exist (or was deleted).`);
