/**
 * The stream's versions and WebSocket subprotocols (docs/protocol.md, "Versions"), apart from the
 * message schemas so that a page can open the stream before it has loaded them
 * (renderer/app/earlyStream.ts).
 */

/** The newest version of the stream protocol. */
export const PROTOCOL_VERSION = 2;

/**
 * The protocol versions, each a WebSocket subprotocol. A console offers every version it speaks,
 * newest first; the engine selects the newest it speaks too, and the console's hello names that
 * version. Version 2 is version 1 with snapshot alerts as rows (shared/protocol/alertRows.ts).
 */
export const STREAM_SUBPROTOCOLS = { 2: 'nocturne.v2', 1: 'nocturne.v1' } as const;
export type ProtocolVersion = keyof typeof STREAM_SUBPROTOCOLS;

/** The version a selected subprotocol names; 1 when none is known (an engine before version 2). */
export function protocolOf(subprotocol: string | undefined): ProtocolVersion {
  return subprotocol === STREAM_SUBPROTOCOLS[2] ? 2 : 1;
}

/**
 * Protocol 2: a console with nothing to resume may say its hello in the stream's URL instead of
 * as a first message (`/api/v1/stream?hello=snapshot`): an engine that selects `nocturne.v2`
 * answers at once as to `{"type":"hello","protocol":2}`, a round trip sooner, and takes no hello
 * message after it. An engine that selects `nocturne.v1` ignores it and waits for the message.
 */
export const HELLO_IN_URL = 'hello=snapshot';

/**
 * Browsers cannot set an Authorization header on a WebSocket, so they offer the token as a
 * further subprotocol `nocturne.bearer.<token>`; the engine never selects (echoes) it.
 */
export const TOKEN_SUBPROTOCOL_PREFIX = 'nocturne.bearer.';
