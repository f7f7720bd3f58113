import type { z } from 'zod';
import { ErrorIssue } from '../../shared/api/errors.js';
import type { Endpoint, HttpMethod } from '../../shared/api/endpoint.js';
import type { IpcError, IpcResult } from '../../shared/ipc/ipcViews.js';

export type { HttpMethod };

export interface EngineRestOptions {
  readonly baseUrl: string;
  readonly token: () => string;
  readonly fetch?: typeof fetch;
  /** Per request; an engine that does not answer in time counts as unreachable. */
  readonly timeoutMs?: number;
}

/** A REST answer the caller wants to look at itself (the planning pusher reads 409 bodies). */
export interface RawAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * REST calls to one engine from main, answering in the IPC result shape: the engine's own
 * `{error: {code, message}}` passed on, `engine_unreachable` when nothing answered,
 * `invalid_response` when the answer does not match its schema.
 */
export function createEngineRest(options: EngineRestOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;

  async function raw(method: HttpMethod, path: string, body?: unknown): Promise<RawAnswer> {
    const response = await doFetch(`${base}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${options.token()}`,
        Accept: 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed };
  }

  async function call<S extends z.ZodType>(
    method: HttpMethod,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<IpcResult<z.output<S>>> {
    let answer: RawAnswer;
    try {
      answer = await raw(method, path, body);
    } catch (error) {
      return unreachable(base, error);
    }
    if (answer.status < 200 || answer.status > 299) return engineError(answer);
    const parsed = schema.safeParse(answer.body);
    if (!parsed.success)
      return failure(
        'invalid_response',
        `The engine at ${base} answered ${path} in an unexpected shape.`,
      );
    return { ok: true, value: parsed.data };
  }

  /** One shared endpoint (shared/api/*Endpoints.ts), as the browser transport calls it. */
  const send = <S extends z.ZodType>(
    { method, path, answer }: Endpoint<S>,
    body?: unknown,
  ): Promise<IpcResult<z.output<S>>> => call(method, path, answer, body);

  return { baseUrl: base, raw, call, send };
}

export type EngineRest = ReturnType<typeof createEngineRest>;

export function failure(
  code: string,
  message: string,
  status?: number,
  issues?: IpcError['issues'],
): { ok: false; error: IpcError } {
  return {
    ok: false,
    error: {
      code,
      message,
      ...(status !== undefined ? { status } : {}),
      ...(issues ? { issues } : {}),
    },
  };
}

export function unreachable(base: string, error: unknown) {
  const reason =
    (error as { cause?: { code?: string } })?.cause?.code ?? (error as Error)?.name ?? 'error';
  return failure(
    'engine_unreachable',
    `The engine at ${base} could not be reached (${reason}). Check that it runs and that this computer can reach it.`,
  );
}

const Issues = ErrorIssue.array().max(50);

/**
 * The engine's error object passed on (with the fields it refused, which the manage forms show
 * next to each field), or a generic one for an answer without it.
 */
export function engineError(answer: RawAnswer) {
  const error = (
    answer.body as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | null
  )?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const issues = Issues.safeParse(error.issues);
    return failure(
      error.code,
      error.message,
      answer.status,
      issues.success ? issues.data : undefined,
    );
  }
  return failure('engine_error', `The engine answered HTTP ${answer.status}.`, answer.status);
}
