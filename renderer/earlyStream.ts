import { prepareStream, type PreparedStream } from '../shared/sync/preparedStream.js';
import type { Connector } from '../shared/sync/transport.js';
import {
  webSocketConnector,
  type WebSocketConstructor,
} from '../shared/sync/webSocketConnector.js';
import { loadCredentials, tokenInUrl } from './transport/credentials.js';
import { markPhase } from './startupPhases.js';
import { streamKey } from './transport/earlyStreamHandoff.js';

/**
 * The page's first script (index.html loads it before the console's bundle): with credentials at
 * hand — a wall screen's one-time `?token=`, or the stored sign-in — it opens the stream at once
 * with its hello in the URL, so that the engine builds and sends the snapshot while the browser is still
 * loading the console (docs/protocol.md, "Opening early"). The console's sync client adopts the
 * connection when it starts for the same engine and token (renderer/transport/browserTransport.ts);
 * an unused one is closed after {@link unusedAfterMs}. Nothing here in the desktop app: its
 * window gets the stream from the main process.
 */
const unusedAfterMs = 15_000;

/** The stream for the page's credentials, opened now; null without credentials or in the app. */
export function openEarlyStream(win: Window): PreparedStream | null {
  if ('nocturne' in win) return null; // the desktop app's window
  markPhase('earlyScript');
  const fromUrl = tokenInUrl(win.location.href);
  const credentials = fromUrl
    ? { engineUrl: fromUrl.origin, token: fromUrl.token }
    : loadCredentials(safeStorage(win));
  if (!credentials) return null;
  try {
    const stream = prepareStream(
      markingFirstData(
        webSocketConnector({
          url: credentials.engineUrl,
          token: credentials.token,
          WebSocket: (win as unknown as { WebSocket: WebSocketConstructor }).WebSocket,
          helloInUrl: true,
        }),
      ),
      streamKey(credentials),
    );
    win.setTimeout(() => stream.discard(), unusedAfterMs);
    return stream;
  } catch {
    return null; // a stored URL that is not one: the console says so when it signs in
  }
}

/** `connector`, marking when its first message reaches the page (./startupPhases.ts). */
function markingFirstData(connector: Connector): Connector {
  return (handlers) =>
    connector({
      ...handlers,
      onMessage(data) {
        markPhase('firstStreamData');
        handlers.onMessage(data);
      },
    });
}

function safeStorage(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

if (typeof window !== 'undefined' && window.__nocturneEarlyStream === undefined) {
  window.__nocturneEarlyStream = openEarlyStream(window);
}
