import { z } from 'zod';
import type { AlertPriority, AlertSeverity } from '../../shared/domain/alert.js';
import { truncate } from '../../shared/domain/limits.js';
import { EngineError } from '../errors.js';
import { emptyEvent, type InboundAction, type InboundEvent } from '../alerts/inboundEvent.js';
import {
  alertKeyText,
  customDetailsValue,
  imagesList,
  linksList,
  lookup,
  shortText,
  summaryText,
  url,
} from './ingestFields.js';
import { toIssues } from '../validation.js';

/**
 * PagerDuty Events API v2 (`POST /v2/enqueue`):
 * https://developer.pagerduty.com/docs/events-api-v2/trigger-events/
 * Errors answer in PagerDuty's own shape: see the route's error handler in
 * ../http/routes/ingestRoutes.ts.
 */
const severities = ['critical', 'error', 'warning', 'info'] as const;

const Payload = z.object({
  summary: summaryText.refine((s) => s.trim().length > 0, 'is required'),
  source: shortText.refine((s) => s.trim().length > 0, 'is required'),
  severity: z.enum(severities, { message: `must be one of ${severities.join(', ')}` }),
  timestamp: z.string().max(64).optional(),
  component: shortText.optional(),
  group: shortText.optional(),
  class: shortText.optional(),
  custom_details: customDetailsValue.optional(),
});

const PagerDutyEvent = z.object({
  routing_key: z.string().min(1, 'is required'),
  event_action: z.string(),
  dedup_key: alertKeyText.optional(),
  payload: z.unknown().optional(),
  client: shortText.optional(),
  client_url: url.optional(),
  links: linksList.optional(),
  images: imagesList.optional(),
});

const actions: Record<string, InboundAction> = {
  trigger: 'trigger',
  acknowledge: 'accept',
  resolve: 'resolve',
};

const priorityOf: Record<AlertSeverity, AlertPriority> = {
  critical: 'HIGH',
  error: 'HIGH',
  warning: 'LOW',
  info: 'LOW',
};

export interface ParsedPagerDutyEvent {
  readonly routingKey: string;
  readonly event: InboundEvent;
}

/** Issues are prefixed with their field path, as PagerDuty's `errors` list does. */
function invalid(code: 'invalid_request' | 'unknown_event_type', errors: string[]): EngineError {
  return new EngineError(
    400,
    code,
    'Event object is invalid',
    errors.map((message) => ({ path: '', message })),
  );
}

export function parsePagerDutyEvent(body: unknown): ParsedPagerDutyEvent {
  const top = PagerDutyEvent.safeParse(body);
  if (!top.success) {
    throw invalid(
      'invalid_request',
      toIssues(top.error).map((i) => `'${i.path}' ${i.message}`),
    );
  }
  const input = top.data;
  const action = lookup(actions, input.event_action);
  if (!action) {
    throw invalid('unknown_event_type', [
      `'event_action' is invalid (must be one of trigger, acknowledge, resolve; got "${truncate(input.event_action, 40)}")`,
    ]);
  }
  if (action !== 'trigger') {
    if (!input.dedup_key)
      throw invalid('invalid_request', [`'dedup_key' is required for ${input.event_action}`]);
    return {
      routingKey: input.routing_key,
      event: { ...emptyEvent, action, alertKey: input.dedup_key },
    };
  }
  if (input.payload === undefined)
    throw invalid('invalid_request', [`'payload' is missing or blank`]);
  const payload = Payload.safeParse(input.payload);
  if (!payload.success) {
    throw invalid(
      'invalid_request',
      toIssues(payload.error).map(
        (i) => `'${i.path === '(body)' ? 'payload' : `payload.${i.path}`}' ${i.message}`,
      ),
    );
  }
  const p = payload.data;
  const labels: Record<string, string> = { source: p.source };
  if (p.component) labels.component = p.component;
  if (p.group) labels.group = p.group;
  if (p.class) labels.class = p.class;
  const links = [...(input.links ?? [])];
  if (input.client_url) links.unshift({ href: input.client_url, text: input.client ?? null });
  return {
    routingKey: input.routing_key,
    event: {
      ...emptyEvent,
      action,
      alertKey: input.dedup_key || null, // blank: generated, as PagerDuty does
      summary: p.summary,
      priority: priorityOf[p.severity],
      severity: p.severity,
      labels,
      links: links.slice(0, 20),
      images: input.images ?? null,
      customDetails:
        p.custom_details !== undefined || p.timestamp
          ? {
              ...(p.timestamp ? { timestamp: p.timestamp } : {}),
              ...(p.custom_details !== undefined ? { custom_details: p.custom_details } : {}),
            }
          : null,
    },
  };
}
