import type { EventName, RequestName } from './ipcContract.js';

/**
 * The channel of each message of ./ipcContract.ts, derived from its name. Kept apart from the
 * contract's schemas so that the preload bundle (which only needs the names; main validates)
 * does not carry zod and the schedule model into every window.
 */
export const requestChannel = <N extends RequestName>(name: N) => `nocturne:${name}` as const;
export const eventChannel = <E extends EventName>(name: E) => `nocturne-event:${name}` as const;
