import { adminToken } from './testEngine.js';

export interface JsonResponse<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** A small JSON client over real HTTP (Node's fetch). */
export function client(baseUrl: string, token: string | null = adminToken) {
  const request = async <T = any>(
    method: string,
    path: string,
    body?: unknown,
    init: { headers?: Record<string, string>; raw?: string | Buffer } = {},
  ): Promise<JsonResponse<T>> => {
    const headers: Record<string, string> = {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    };
    let payload: string | Buffer | undefined;
    if (init.raw !== undefined) payload = init.raw;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...headers, ...init.headers },
      ...(payload !== undefined ? { body: payload } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (metrics): keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  };
  return {
    get: <T = any>(path: string, init?: { headers?: Record<string, string> }) =>
      request<T>('GET', path, undefined, init),
    post: <T = any>(
      path: string,
      body?: unknown,
      init?: { headers?: Record<string, string>; raw?: string | Buffer },
    ) => request<T>('POST', path, body, init),
    patch: <T = any>(path: string, body?: unknown) => request<T>('PATCH', path, body),
    put: <T = any>(path: string, body?: unknown) => request<T>('PUT', path, body),
    delete: <T = any>(path: string) => request<T>('DELETE', path),
    request,
  };
}

export type Client = ReturnType<typeof client>;
