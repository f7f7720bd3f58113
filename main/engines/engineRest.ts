import type { z } from 'zod';
import type { IpcResult } from '../../shared/ipc/ipcViews.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

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

  return { baseUrl: base, raw, call };
}

export type EngineRest = ReturnType<typeof createEngineRest>;

export function failure(
  code: string,
  message: string,
  status?: number,
): { ok: false; error: { code: string; message: string; status?: number } } {
  return { ok: false, error: { code, message, ...(status !== undefined ? { status } : {}) } };
}

export function unreachable(base: string, error: unknown) {
  const reason =
    (error as { cause?: { code?: string } })?.cause?.code ?? (error as Error)?.name ?? 'error';
  return failure(
    'engine_unreachable',
    `The engine at ${base} could not be reached (${reason}). Check that it runs and that this computer can reach it.`,
  );
}

/** The engine's error object passed on, or a generic one for an answer without it. */
export function engineError(answer: RawAnswer) {
  const error = (answer.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string')
    return failure(error.code, error.message, answer.status);
  return failure('engine_error', `The engine answered HTTP ${answer.status}.`, answer.status);
}
