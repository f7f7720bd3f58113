import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IngestOutcome } from '../../alerts/alertService.js';
import type { InboundEvent, InboundFormat } from '../../alerts/inboundEvent.js';
import type { EngineContext } from '../../engineContext.js';
import { EngineError } from '../../errors.js';
import { parseAlertmanagerWebhook } from '../../ingest/alertmanagerWebhook.js';
import { parseIlertEvent } from '../../ingest/ilertEvents.js';
import { parsePagerDutyEvent } from '../../ingest/pagerDutyEvents.js';
import { toErrorReply } from '../errorReply.js';

const outcomeNames = {
  create: 'created',
  update: 'updated',
  accept: 'accepted',
  resolve: 'resolved',
  comment: 'commented',
  unchanged: 'unchanged',
  drop: 'dropped',
} as const;

const outcomeOf = (o: IngestOutcome) => outcomeNames[o.decision];
const alertIdOf = (o: IngestOutcome) => ('alert' in o ? String(o.alert.id) : null);

type LogError = (message: string, error: unknown) => void;

/** Route config read by the app's hooks: which format a route speaks (metrics). */
export interface IngestRouteConfig {
  readonly format?: InboundFormat;
}

/**
 * Inbound integrations: the formats monitoring tools already speak (docs/ingest.md). Each
 * answers 202 only once what it changed is durable. Rejections and rate limiting are counted
 * by the app's onResponse hook from the route's `format`.
 */
export function registerIngestRoutes(
  app: FastifyInstance,
  ctx: EngineContext,
  logError: LogError,
): void {
  const ingest = async (format: InboundFormat, key: string, events: readonly InboundEvent[]) => {
    const wait = ctx.rateLimiter.take(key);
    if (wait > 0) {
      throw new EngineError(
        429,
        'rate_limited',
        `Too many requests with this integration key; retry in ${wait} s.`,
        undefined,
        {
          'Retry-After': String(wait),
        },
      );
    }
    const { outcomes } = await ctx.alerts.ingest(key, format, events);
    for (const o of outcomes) ctx.metrics.eventsReceived.inc({ format, outcome: outcomeOf(o) });
    return outcomes;
  };

  // ── ilert events API ──
  app.post(
    '/api/events',
    { config: { format: 'ilert' } satisfies IngestRouteConfig },
    async (request, reply) => {
      const { integrationKey, event } = parseIlertEvent(request.body);
      const [outcome] = await ingest('ilert', integrationKey, [event]);
      return reply.code(202).send({
        status: 'accepted',
        outcome: outcomeOf(outcome!),
        alertId: alertIdOf(outcome!),
        alertKey: 'alert' in outcome! ? outcome.alert.alertKey : event.alertKey,
      });
    },
  );

  // ── PagerDuty Events API v2: PagerDuty's own answer shapes, plus our stable code ──
  app.post(
    '/v2/enqueue',
    {
      config: { format: 'pagerduty' } satisfies IngestRouteConfig,
      errorHandler: pagerDutyErrorHandler(logError),
    },
    async (request, reply) => {
      const { routingKey, event } = parsePagerDutyEvent(request.body);
      const [outcome] = await ingest('pagerduty', routingKey, [event]);
      return reply.code(202).send({
        status: 'success',
        message: 'Event processed',
        dedup_key: 'alert' in outcome! ? outcome.alert.alertKey : event.alertKey,
      });
    },
  );

  // ── Prometheus Alertmanager webhook v4 ──
  app.post<{ Params: { integrationKey: string } }>(
    '/api/v1/alertmanager/:integrationKey',
    { config: { format: 'alertmanager' } satisfies IngestRouteConfig },
    async (request, reply) => {
      const parsed = parseAlertmanagerWebhook(request.body);
      const outcomes = await ingest('alertmanager', request.params.integrationKey, parsed.events);
      return reply.code(202).send({
        status: 'success',
        truncatedAlerts: parsed.truncatedAlerts,
        alerts: outcomes.map((o, i) => ({
          fingerprint: parsed.fingerprints[i],
          outcome: outcomeOf(o),
          alertId: alertIdOf(o),
        })),
      });
    },
  );
}

/**
 * PagerDuty answers 400 `{status: "invalid event", message, errors: [...]}` and 429 `throttle
 * event`. It answers an unknown routing key with 400 too (senders treat 404 as a wrong URL), so
 * that 404 becomes 400 here; `code` still says `unknown_integration_key`.
 */
const pagerDutyErrorHandler =
  (logError: LogError) =>
  (error: unknown, request: FastifyRequest, reply: FastifyReply): void => {
    const { status: ours, body, headers, unexpected } = toErrorReply(error);
    // Fastify's own logger is off: log through the engine's, as the app's error handler does.
    if (unexpected) logError(`${request.method} ${request.url} failed`, error);
    const status = body.error.code === 'unknown_integration_key' ? 400 : ours;
    const errors = body.error.issues?.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    void reply
      .code(status)
      .headers(headers)
      .send(
        status === 429
          ? {
              status: 'throttle event',
              message: 'Requests for this service are arriving too quickly. Please retry later.',
              code: body.error.code,
            }
          : {
              status: 'invalid event',
              message: body.error.message,
              errors: errors ?? [body.error.message],
              code: body.error.code,
            },
      );
  };
