import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * One REST call of the engine's API as a client makes it: the method, the path (ids already
 * URL-encoded) and the schema its 2xx answer must match. The browser transport and the desktop
 * app's main process build their calls from the same endpoints, so neither can drift from the
 * other (renderer/ and main/ may not import each other).
 */
export interface Endpoint<S extends z.ZodType> {
  readonly method: HttpMethod;
  readonly path: string;
  readonly answer: S;
}

export const endpoint = <S extends z.ZodType>(
  method: HttpMethod,
  path: string,
  answer: S,
): Endpoint<S> => ({ method, path, answer });

/** `base/{id}`, the id URL-encoded. */
export const pathTo = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;
