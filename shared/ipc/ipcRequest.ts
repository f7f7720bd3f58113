import { z } from 'zod';

/**
 * The building blocks of the IPC request tables (./ipcContract.ts and the tables it spreads in):
 * a request's argument schema with its result type, and the bounded ids every table uses.
 */

/** A request's argument schema, and its result type carried as a phantom (never set at run time). */
export interface Request<A extends z.ZodType, R> {
  readonly args: A;
  readonly __result?: R;
}
export const request =
  <R>() =>
  <A extends z.ZodType>(args: A): Request<A, R> => ({ args });

/** Which of main's engine connections (`embedded`, `remote-…`). */
export const EngineId = z.string().min(1).max(64);
/** An id of the engine's (alert, user, schedule, …): bounded, URL-encoded by main. */
export const Id = z.string().min(1).max(128);
/** The version a delete is based on (optimistic concurrency), as the engine counts them. */
export const Version = z.number().int().min(1);
