import type { FastifyReply } from 'fastify';
import { etagOf, scheduleNotFound } from '../../schedules/scheduleErrors.js';
import { parseId } from '../requestAuth.js';

/** What the schedule routes read from requests, and the ETag they answer with. */

/** The schedule's id from the path; anything that is not one is simply not found. */
export const scheduleId = (text: string) => parseId(text, () => scheduleNotFound(text));

/** `version` of a JSON body, for the base version of a write. */
export const bodyVersion = (body: unknown): unknown =>
  typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>).version
    : undefined;

/** Every answer that shows a schedule says its version as an ETag, for `If-Match`. */
export const withEtag = (reply: FastifyReply, version: number) =>
  reply.header('ETag', etagOf(version));
