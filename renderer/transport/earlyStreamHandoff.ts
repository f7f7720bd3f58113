import type { PreparedStream } from '../../shared/sync/preparedStream.js';
import type { Credentials } from './credentials.js';

/**
 * How the stream opened by renderer/earlyStream.ts (the page's first script) reaches the
 * console's transport: a property of the window, taken once.
 */
declare global {
  interface Window {
    /** The stream opened as the page started, for the console to adopt (once); null: none. */
    __nocturneEarlyStream?: PreparedStream | null;
  }
}

/** What identifies a stream connection: engine and token. */
export function streamKey(credentials: Credentials): string {
  return `${credentials.engineUrl.replace(/\/+$/, '')}\n${credentials.token}`;
}

/** The stream opened as the page started, if any: handed out once. */
export function takeEarlyStream(win: Pick<Window, '__nocturneEarlyStream'>): PreparedStream | null {
  const stream = win.__nocturneEarlyStream ?? null;
  win.__nocturneEarlyStream = null;
  return stream;
}
