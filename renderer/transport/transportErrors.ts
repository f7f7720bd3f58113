import { ApiErrorBody } from '../../shared/api/errors.js';
import type { TransportError } from './transport.js';

/**
 * Sentences for the errors an operator meets while working the console. The engine's own
 * `message` is already written for a person; these replace it where the console knows more
 * about what to do next (sign in again, ask an admin).
 */
const better: Partial<Record<string, string>> = {
  unauthorized:
    'The engine does not accept this API token: it is wrong, was revoked, or its user was deleted. Sign in again with a valid token.',
  forbidden:
    'This token may not do that: its role (or its cap) is too low. Ask an admin for a responder token.',
  origin_not_allowed:
    'The engine refused this page’s origin. Open the console from the engine’s own address, or start the engine with --allow-origin.',
  shutting_down: 'The engine is restarting; try again in a moment.',
  store_unavailable:
    'The engine cannot write to its data directory right now (see its /healthz); try again later.',
  rate_limited: 'Too many requests; wait a moment and try again.',
  version_conflict:
    'Someone changed this since you opened it, so nothing was saved. Look at the current version and make your change again.',
};

/** The transport's error for an HTTP answer that was not 2xx. */
export function errorFromResponse(status: number, body: unknown): TransportError {
  const parsed = ApiErrorBody.safeParse(body);
  if (!parsed.success) {
    return {
      code: status === 401 ? 'unauthorized' : status >= 500 ? 'internal_error' : 'invalid_response',
      message:
        better[status === 401 ? 'unauthorized' : ''] ??
        `The engine answered ${status} without saying why; check that the address is a Nocturne engine.`,
      status,
    };
  }
  const { code, message, issues } = parsed.data.error;
  return { code, message: better[code] ?? message, status, ...(issues ? { issues } : {}) };
}

/** The transport's error for a request that got no answer at all. */
export function unreachable(engineUrl: string, crossOrigin: boolean): TransportError {
  return {
    code: 'engine_unreachable',
    message: crossOrigin
      ? `No answer from the engine at ${engineUrl}. A console served by an engine talks to that engine only (its security policy allows nothing else): to watch the engine at ${engineUrl}, open the console at that address.`
      : `No answer from the engine at ${engineUrl}. Check that it is running, then try again.`,
  };
}

/** The engine answered 2xx with something this console does not understand. */
export function invalidResponse(what: string, detail: string): TransportError {
  return {
    code: 'invalid_response',
    message: `The engine's answer to ${what} is not what this console expects (${detail}). Is the console older or newer than the engine?`,
  };
}
