import { z } from 'zod';
import { AlertPriority } from '../../shared/domain/alert.js';
import { limits, truncate } from '../../shared/domain/limits.js';
import { EngineError } from '../errors.js';
import { emptyEvent, type InboundAction, type InboundEvent } from '../alerts/inboundEvent.js';
import {
  alertKeyText,
  customDetailsValue,
  detailsText,
  imagesList,
  labelsMap,
  linksList,
  lookup,
  shortText,
  summaryText,
} from './ingestFields.js';
import { parseOrThrow } from '../validation.js';

/**
 * The ilert events API (`POST /api/events`): https://docs.ilert.com/rest-api/events-api.
 * Older clients send `apiKey` for `integrationKey` and `incidentKey` for `alertKey`.
 * Unknown fields are ignored, as ilert does.
 */
const IlertEvent = z.object({
  integrationKey: z.string().min(1).optional(),
  apiKey: z.string().min(1).optional(),
  eventType: z.string(),
  summary: summaryText.optional(),
  details: detailsText.optional(),
  alertKey: alertKeyText.optional(),
  incidentKey: alertKeyText.optional(),
  priority: z
    .string()
    .transform((p) => p.toUpperCase())
    .pipe(AlertPriority)
    .optional(),
  images: imagesList.optional(),
  links: linksList.optional(),
  labels: labelsMap.optional(),
  customDetails: customDetailsValue.optional(),
  comments: z
    .array(z.object({ creator: shortText.optional(), content: z.string() }))
    .max(limits.linkCount)
    .optional(),
});

const actions: Record<string, InboundAction> = {
  ALERT: 'trigger',
  ACCEPT: 'accept',
  RESOLVE: 'resolve',
  COMMENT: 'comment',
};

export interface ParsedIlertEvent {
  readonly integrationKey: string;
  readonly event: InboundEvent;
}

export function parseIlertEvent(body: unknown): ParsedIlertEvent {
  const input = parseOrThrow(IlertEvent, body, 'ilert event');
  const integrationKey = input.integrationKey ?? input.apiKey;
  if (!integrationKey) {
    throw new EngineError(
      400,
      'invalid_request',
      'The event has no integrationKey: copy it from the alert source.',
      [{ path: 'integrationKey', message: 'required' }],
    );
  }
  const action = lookup(actions, input.eventType.toUpperCase());
  if (!action) {
    throw new EngineError(
      400,
      'unknown_event_type',
      `eventType "${truncate(input.eventType, 40)}" is not one of ALERT, ACCEPT, RESOLVE, COMMENT.`,
      [{ path: 'eventType', message: 'unknown event type' }],
    );
  }
  // An empty key is no key: on ALERT the engine generates one (never an alert keyed "").
  const alertKey = input.alertKey || input.incidentKey || null;
  if (action === 'trigger' && !input.summary?.trim()) {
    throw new EngineError(400, 'invalid_request', 'An ALERT event needs a summary.', [
      { path: 'summary', message: 'required for ALERT' },
    ]);
  }
  if (action !== 'trigger' && !alertKey) {
    throw new EngineError(
      400,
      'invalid_request',
      `A ${input.eventType.toUpperCase()} event needs the alertKey of its alert.`,
      [{ path: 'alertKey', message: `required for ${input.eventType.toUpperCase()}` }],
    );
  }
  const commentText = input.comments
    ?.map((c) => (c.creator ? `${c.creator}: ${c.content}` : c.content))
    .join('\n');
  return {
    integrationKey,
    event: {
      ...emptyEvent,
      action,
      alertKey,
      summary: input.summary ?? null,
      details: input.details ?? null,
      priority: input.priority ?? null,
      labels: input.labels ?? null,
      links: input.links ?? null,
      images: input.images ?? null,
      customDetails: input.customDetails ?? null,
      comment: commentText
        ? truncate(commentText, limits.commentChars)
        : action === 'comment' || action === 'accept' || action === 'resolve'
          ? (input.summary ?? null)
          : null,
    },
  };
}
