import { ZodError } from 'zod';
import type { ApiErrorBody, ErrorCode } from '../../shared/api/errors.js';
import { limits } from '../../shared/domain/limits.js';
import { EngineError } from '../errors.js';
import { JournalWriteError } from '../store/sqljs/journalWriter.js';
import { StoreClosedError } from '../store/sqljs/sqlJsStore.js';
import { toIssues } from '../validation.js';

export interface ErrorReply {
  readonly status: number;
  readonly body: ApiErrorBody;
  readonly headers: Readonly<Record<string, string>>;
  /** True when this is a bug or an outage worth logging. */
  readonly unexpected: boolean;
}

const reply = (
  status: number,
  code: ErrorCode,
  message: string,
  unexpected = false,
): ErrorReply => ({
  status,
  body: { error: { code, message } },
  headers: {},
  unexpected,
});

/** Fastify's own errors (body parsing, routing) by their code. */
function fromFastify(error: {
  code?: string;
  statusCode?: number;
  message: string;
}): ErrorReply | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply(
        413,
        'payload_too_large',
        `The body is larger than ${limits.maxBodyBytes / 1024} KB.`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return reply(
        415,
        'unsupported_media_type',
        'Send the body as JSON with "Content-Type: application/json".',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply(400, 'invalid_json', 'The body is empty; send a JSON object.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return reply(400, 'invalid_json', 'The body is not valid JSON.');
    case 'FST_ERR_BAD_URL':
      return reply(
        400,
        'invalid_request',
        'The URL is not valid: a "%" must be followed by two hex digits of UTF-8.',
      );
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return reply(414, 'invalid_request', 'A part of the URL path is too long for any id or key.');
    default:
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return reply(error.statusCode, 'invalid_request', error.message);
      }
      return null;
  }
}

/** Any error as the answer a client gets: status, stable code, a sentence. */
export function toErrorReply(error: unknown): ErrorReply {
  if (error instanceof EngineError) {
    return {
      status: error.status,
      body: {
        error: {
          code: error.code,
          message: error.message,
          ...(error.issues ? { issues: [...error.issues] } : {}),
        },
        ...error.extra,
      },
      headers: error.headers ?? {},
      unexpected: false,
    };
  }
  if (error instanceof ZodError) {
    return {
      status: 400,
      body: {
        error: {
          code: 'invalid_request',
          message: 'The request is not valid.',
          issues: toIssues(error),
        },
      },
      headers: {},
      unexpected: false,
    };
  }
  if (error instanceof StoreClosedError)
    return { ...reply(503, 'shutting_down', error.message), headers: { 'Retry-After': '5' } };
  if (error instanceof JournalWriteError)
    return reply(503, 'store_unavailable', error.message, true);
  // Anything may be thrown, null included: only objects can be Fastify's errors.
  const fastify =
    typeof error === 'object' && error !== null
      ? fromFastify(error as { code?: string; statusCode?: number; message: string })
      : null;
  if (fastify) return fastify;
  return reply(
    500,
    'internal_error',
    'Something went wrong inside the engine; the error is in its log.',
    true,
  );
}
