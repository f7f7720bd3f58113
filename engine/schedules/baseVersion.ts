import { BaseVersion } from '../../shared/api/schedules.js';
import { EngineError } from '../errors.js';

/**
 * The version a write is based on: a number, `'any'` (`If-Match: *`, an explicit overwrite), or
 * null when the client did not say (answered 428 once the schedule is known to exist).
 */
export type BaseVersionSpec = number | 'any' | null;

// `"3"`, `W/"3"` (a proxy may weaken an ETag), or a bare 3.
const ifMatchPattern = /^(?:W\/)?"?(\d{1,15})"?$/;

/**
 * Reads the base version from `If-Match` and from the body's or the query's `version`. Either
 * will do; both must agree.
 */
export function baseVersionOf(
  ifMatch: string | undefined,
  version: unknown,
  /** What is versioned, for the messages: `schedule`, `escalation policy`. */
  what = 'schedule',
): BaseVersionSpec {
  let fromHeader: number | 'any' | null = null;
  if (ifMatch !== undefined) {
    const text = ifMatch.trim();
    const match = ifMatchPattern.exec(text);
    if (text === '*') fromHeader = 'any';
    else if (match) fromHeader = Number(match[1]);
    else {
      throw new EngineError(
        400,
        'invalid_request',
        `If-Match must be one ${what} version in quotes, e.g. If-Match: "3" (the ETag of the ${what} you read), or * to overwrite whatever is there.`,
        [{ path: 'If-Match', message: 'must be a version in quotes, e.g. "3"' }],
      );
    }
  }
  let fromBody: number | null = null;
  if (version !== undefined) {
    const parsed = BaseVersion.safeParse(version);
    const message = (parsed.error?.issues[0]?.message ?? '').replace('schedule', what);
    if (!parsed.success) {
      throw new EngineError(400, 'invalid_request', `"version" is not valid: ${message}`, [
        { path: 'version', message },
      ]);
    }
    fromBody = parsed.data;
  }
  if (fromHeader !== null && fromBody !== null && fromHeader !== fromBody) {
    throw new EngineError(
      400,
      'invalid_request',
      fromHeader === 'any'
        ? `If-Match: * overwrites any version, but "version" says ${fromBody}: send one of them.`
        : `If-Match says version ${fromHeader} and "version" says ${fromBody}: send one, or the same in both.`,
      [{ path: 'version', message: 'differs from If-Match' }],
    );
  }
  return fromBody ?? fromHeader;
}
