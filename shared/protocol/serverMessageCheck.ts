import { compileSchemaCheck } from '../schemaCheck/compileSchemaCheck.js';
import { ServerMessage } from './messages.js';

/**
 * ServerMessage compiled once, when this module loads, into a check that runs without eval
 * (shared/schemaCheck): the fast path of readServerMessage. See docs/protocol.md, "Validating
 * frames".
 */
export const serverMessageCheck = compileSchemaCheck(ServerMessage, 'ServerMessage');

/**
 * True when `json` (JSON.parse output) is a ServerMessage exactly as zod would return it: zod's
 * parse would succeed and give back an equal value, so the value itself can be used. False means
 * "not sure" — run zod (`ServerMessage.safeParse`) for the verdict, the error or the stripped
 * value.
 */
export function isServerMessageAsIs(json: unknown): json is ServerMessage {
  return serverMessageCheck.check(json);
}
