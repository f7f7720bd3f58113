import { expandAlertRows } from '../protocol/alertRows.js';
import { ServerMessage } from '../protocol/messages.js';
import { isServerMessageAsIs } from '../protocol/serverMessageCheck.js';

export type ReadResult =
  | { readonly ok: true; readonly message: ServerMessage }
  | { readonly ok: false; readonly message: string };

/**
 * One frame from the engine, checked against the protocol's schemas: the stream is a trust
 * boundary like any other, and a console must not apply half of a message it misunderstood.
 * Unknown fields are dropped (a newer engine may send more); missing or mistyped ones fail.
 *
 * A frame that zod would accept and return unchanged — every frame a current engine sends — is
 * recognised by a check compiled from the same schemas that neither copies nor needs eval
 * (7–9× cheaper than zod without its JIT, as in a browser under a strict CSP, and without
 * zod's garbage); anything else goes through zod, which strips unknown fields or names what is
 * wrong (docs/protocol.md, "Validating frames").
 */
export function readServerMessage(data: unknown): ReadResult {
  if (typeof data !== 'string') {
    return { ok: false, message: 'The engine sent a binary frame; the stream is JSON text.' };
  }
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { ok: false, message: 'The engine sent a frame that is not JSON.' };
  }
  // Protocol 2: a snapshot part's alerts as rows, read as objects and checked as such.
  if (isSnapshotObject(json)) {
    const wrong = expandAlertRows(json);
    if (wrong) return { ok: false, message: wrong };
  }
  if (isServerMessageAsIs(json)) return { ok: true, message: json };
  const parsed = ServerMessage.safeParse(json);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return {
    ok: false,
    message: `The engine sent a message this console does not understand${where}: ${issue?.message ?? 'invalid'}.`,
  };
}

function isSnapshotObject(json: unknown): json is Record<string, unknown> {
  return (
    typeof json === 'object' &&
    json !== null &&
    (json as { type?: unknown }).type === 'snapshot' &&
    !Array.isArray(json)
  );
}
