import type { z } from 'zod';
import { ApiErrorBody } from '../../shared/api/errors.js';

/**
 * The REST client of `nocturne apply` and `nocturne export`. Configuration as code goes through
 * the engine's public API, never its store, so it works against a remote engine and gets the
 * same roles, validation and optimistic concurrency as every other client (docs/api.md).
 */

/** An answer the engine refused, or no answer at all (`status` 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The engine's stable error code (`version_conflict` …), or `unreachable`/`bad_answer`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface EngineApi {
  readonly url: string;
  get<T>(path: string, schema: z.ZodType<T>): Promise<T>;
  post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  patch<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  put<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  /** DELETE; the answer's body is not needed. */
  remove(path: string): Promise<void>;
}

/** The engine's sentence for a refused request, with its code and any field issues. */
function refusal(status: number, method: string, path: string, body: unknown): ApiError {
  const parsed = ApiErrorBody.safeParse(body);
  if (!parsed.success) {
    return new ApiError(status, 'bad_answer', `${method} ${path} answered HTTP ${status}.`);
  }
  const { code, message, issues } = parsed.data.error;
  const details = (issues ?? [])
    .slice(0, 5)
    .map((issue) => `\n    ${issue.path}: ${issue.message}`)
    .join('');
  return new ApiError(status, code, `${message} (${status} ${code})${details}`);
}

export function engineApi(url: string, token: string): EngineApi {
  const base = url.replace(/\/+$/, '');

  async function request(method: string, path: string, body?: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new ApiError(
        0,
        'unreachable',
        `Cannot reach the engine at ${base} (${why}). Is it running? Give its address with --url or NOCTURNE_URL.`,
      );
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      parsed = text; // not JSON (a proxy's error page): refusal() says so by the status
    }
    if (!response.ok) throw refusal(response.status, method, path, parsed);
    return parsed;
  }

  async function typed<T>(schema: z.ZodType<T>, answer: Promise<unknown>, what: string) {
    const parsed = schema.safeParse(await answer);
    if (parsed.success) return parsed.data;
    const first = parsed.error.issues[0];
    throw new ApiError(
      200,
      'bad_answer',
      `The engine's answer to ${what} is not what this nocturne understands (${first?.path.join('.')}: ${first?.message}). Are the engine and the CLI the same version?`,
    );
  }

  return {
    url: base,
    get: (path, schema) => typed(schema, request('GET', path), `GET ${path}`),
    post: (path, body, schema) => typed(schema, request('POST', path, body), `POST ${path}`),
    patch: (path, body, schema) => typed(schema, request('PATCH', path, body), `PATCH ${path}`),
    put: (path, body, schema) => typed(schema, request('PUT', path, body), `PUT ${path}`),
    remove: async (path) => void (await request('DELETE', path)),
  };
}
