import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AlertPriority, AlertSeverity } from '../../shared/domain/alert.js';
import { limits, truncate } from '../../shared/domain/limits.js';
import { emptyEvent, type InboundEvent } from '../alerts/inboundEvent.js';
import { parseOrThrow } from '../validation.js';
import { alertKeyText, labelsMap, lookup, url } from './ingestFields.js';

/**
 * Prometheus Alertmanager webhook, version 4:
 * https://prometheus.io/docs/alerting/latest/configuration/#webhook_config
 * One request carries a notification group; each alert maps by its fingerprint.
 */
const stringMap = z.record(z.string(), z.string());

const AmAlert = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: labelsMap,
  annotations: stringMap.optional(),
  startsAt: z.string().max(64).optional(),
  endsAt: z.string().max(64).optional(),
  generatorURL: z.string().max(limits.urlChars).optional(),
  fingerprint: alertKeyText.optional(),
});

const AmWebhook = z.object({
  version: z.literal('4', { message: 'only webhook version "4" is understood' }).optional(),
  groupKey: z.string().optional(),
  truncatedAlerts: z.number().int().nonnegative().optional(),
  status: z.enum(['firing', 'resolved']).optional(),
  receiver: z.string().optional(),
  externalURL: url.optional().or(z.literal('')),
  alerts: z.array(AmAlert).max(limits.maxArrayLength),
});

const severityOf: Record<string, AlertSeverity> = {
  critical: 'critical',
  page: 'critical',
  error: 'error',
  major: 'error',
  high: 'error',
  warning: 'warning',
  minor: 'warning',
  info: 'info',
  low: 'info',
  none: 'info',
};

function priorityOf(severity: AlertSeverity | null): AlertPriority {
  return severity === 'warning' || severity === 'info' ? 'LOW' : 'HIGH';
}

/** Alertmanager always sends fingerprints in v4; for hand-written payloads, derive one from the labels. */
function fingerprintOf(labels: Record<string, string>): string {
  const canonical = Object.keys(labels)
    .sort()
    .map((k) => `${k}\u0000${labels[k]}`)
    .join('\u0001');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

export interface ParsedAlertmanagerWebhook {
  readonly events: InboundEvent[];
  readonly fingerprints: string[];
  readonly truncatedAlerts: number;
}

export function parseAlertmanagerWebhook(body: unknown): ParsedAlertmanagerWebhook {
  const input = parseOrThrow(AmWebhook, body, 'Alertmanager webhook');
  const fingerprints: string[] = [];
  const events = input.alerts.map((alert): InboundEvent => {
    const fingerprint = alert.fingerprint || fingerprintOf(alert.labels);
    fingerprints.push(fingerprint);
    if (alert.status === 'resolved')
      return { ...emptyEvent, action: 'resolve', alertKey: fingerprint };
    const annotations = alert.annotations ?? {};
    const severity = lookup(severityOf, (alert.labels.severity ?? '').toLowerCase()) ?? null;
    const { summary, description, message, ...otherAnnotations } = annotations;
    const links = [];
    if (alert.generatorURL) links.push({ href: alert.generatorURL, text: 'Source' });
    if (input.externalURL) links.push({ href: input.externalURL, text: 'Alertmanager' });
    return {
      ...emptyEvent,
      action: 'trigger',
      alertKey: fingerprint,
      summary: truncate(
        summary ?? alert.labels.alertname ?? 'Alertmanager alert',
        limits.summaryChars,
      ),
      details:
        (description ?? message) ? truncate((description ?? message)!, limits.detailsChars) : null,
      priority: priorityOf(severity),
      severity,
      labels: alert.labels,
      links,
      customDetails: {
        ...(Object.keys(otherAnnotations).length ? { annotations: otherAnnotations } : {}),
        ...(alert.startsAt ? { startsAt: alert.startsAt } : {}),
        ...(input.receiver ? { receiver: input.receiver } : {}),
        ...(input.groupKey ? { groupKey: input.groupKey } : {}),
      },
    };
  });
  return { events, fingerprints, truncatedAlerts: input.truncatedAlerts ?? 0 };
}
