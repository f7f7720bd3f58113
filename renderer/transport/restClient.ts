import type { z } from 'zod';
import type { Endpoint, HttpMethod } from '../../shared/api/endpoint.js';
import { errorFromResponse, invalidResponse, unreachable } from './transportErrors.js';
import type { TransportResult } from './transport.js';

export interface RestClientOptions {
  /** The engine's base URL, without a trailing slash. */
  readonly engineUrl: string;
  readonly token: () => string;
  /** Default: the page's fetch. */
  readonly fetch?: typeof fetch;
  /** The page's own origin, to tell "unreachable" from "another origin refused". */
  readonly pageOrigin?: string | null;
  /** Give up on an answer after this long. Default 15 s. */
  readonly timeoutMs?: number;
}

export type RestCall = <T>(
  method: HttpMethod,
  path: string,
  schema: z.ZodType<T>,
  body?: unknown,
) => Promise<TransportResult<T>>;

/** One shared endpoint (shared/api/*Endpoints.ts) over the REST client. */
export const send = <S extends z.ZodType>(
  rest: RestCall,
  { method, path, answer }: Endpoint<S>,
  body?: unknown,
): Promise<TransportResult<z.output<S>>> =>
  rest(method, path, answer as z.ZodType<z.output<S>>, body);

/**
 * JSON over fetch with the bearer token: every answer is validated against its shared schema
 * (the wire is a trust boundary), every failure becomes a {@link TransportResult} error with the
 * engine's stable code and a sentence for the operator. It never throws.
 */
export function createRestClient(options: RestClientOptions): RestCall {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const crossOrigin =
    options.pageOrigin !== undefined &&
    options.pageOrigin !== null &&
    originOf(options.engineUrl) !== options.pageOrigin;
  return async (method, path, schema, body) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 15_000);
    let response: Response;
    try {
      response = await doFetch(`${options.engineUrl}${path}`, {
        method,
        headers: {
          Accept: 'application/json',
          Authorization: `Bearer ${options.token()}`,
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      clearTimeout(timer);
      return { ok: false, error: unreachable(options.engineUrl, crossOrigin) };
    }
    const json = await readJson(response);
    clearTimeout(timer);
    if (!response.ok) return { ok: false, error: errorFromResponse(response.status, json) };
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return {
        ok: false,
        error: invalidResponse(`${method} ${path}`, `${where}${issue?.message ?? 'invalid'}`),
      };
    }
    return { ok: true, value: parsed.data };
  };
}

/** The body as JSON; null when it is empty or not JSON (an error page of a proxy). */
async function readJson(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** `scheme://host[:port]` of a URL, or null when it is not one. */
export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
