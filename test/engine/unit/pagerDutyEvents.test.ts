import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../engine/errors.js';
import { parsePagerDutyEvent } from '../../../engine/ingest/pagerDutyEvents.js';

const routing_key = 'pd-key';
const payload = { summary: 'Disk full on db-1', source: 'db-1', severity: 'critical' };
const trigger = (more: Record<string, unknown> = {}) =>
  parsePagerDutyEvent({ routing_key, event_action: 'trigger', payload, ...more });

/** The EngineError `fn` throws: status, code and PagerDuty-style error lines. */
function rejection(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { status: error.status, code: error.code, errors: error.issues?.map((i) => i.message) };
  }
  throw new Error('no error');
}

describe('parsePagerDutyEvent', () => {
  it('maps a trigger with every field', () => {
    const parsed = trigger({
      dedup_key: 'disk/db-1',
      client: 'Nagios',
      client_url: 'https://nagios.example/db-1',
      links: [{ href: 'https://runbook.example/disk', text: 'Runbook' }],
      images: [{ src: 'https://graph.example/1.png', href: 'https://graph.example', alt: 'graph' }],
      payload: {
        ...payload,
        severity: 'warning',
        timestamp: '2026-11-28T09:00:00Z',
        component: 'postgres',
        group: 'prod-db',
        class: 'disk',
        custom_details: { free: '3%' },
      },
    });
    expect(parsed).toEqual({
      routingKey: routing_key,
      event: {
        action: 'trigger',
        alertKey: 'disk/db-1',
        summary: 'Disk full on db-1',
        details: null,
        priority: 'LOW',
        severity: 'warning',
        labels: { source: 'db-1', component: 'postgres', group: 'prod-db', class: 'disk' },
        links: [
          { href: 'https://nagios.example/db-1', text: 'Nagios' },
          { href: 'https://runbook.example/disk', text: 'Runbook' },
        ],
        images: [
          { src: 'https://graph.example/1.png', href: 'https://graph.example', alt: 'graph' },
        ],
        customDetails: { timestamp: '2026-11-28T09:00:00Z', custom_details: { free: '3%' } },
        comment: null,
      },
    });
  });

  it.each([
    ['critical', 'HIGH'],
    ['error', 'HIGH'],
    ['warning', 'LOW'],
    ['info', 'LOW'],
  ])('maps severity %s to priority %s and keeps the severity', (severity, priority) => {
    const { event } = trigger({ payload: { ...payload, severity } });
    expect(event).toMatchObject({ priority, severity });
  });

  it('leaves the dedup key to the engine when it is missing or blank', () => {
    expect(trigger().event.alertKey).toBeNull();
    expect(trigger({ dedup_key: '' }).event.alertKey).toBeNull();
  });

  it('maps acknowledge and resolve, which need only the routing and dedup keys', () => {
    for (const [event_action, action] of [
      ['acknowledge', 'accept'],
      ['resolve', 'resolve'],
    ] as const) {
      const parsed = parsePagerDutyEvent({ routing_key, event_action, dedup_key: 'k' });
      expect(parsed.event).toMatchObject({ action, alertKey: 'k', summary: null });
    }
  });

  it('keeps at most 20 links when client_url comes on top of 20 links', () => {
    const links = Array.from({ length: 20 }, (_, i) => ({ href: `https://l.example/${i}` }));
    const { event } = trigger({ client_url: 'https://client.example', links });
    expect(event.links).toHaveLength(20);
    expect(event.links![0]!.href).toBe('https://client.example');
  });

  it('cuts a summary over 1024 characters instead of refusing it', () => {
    const { event } = trigger({ payload: { ...payload, summary: 'x'.repeat(1500) } });
    expect(event.summary).toHaveLength(1024);
    expect(event.summary!.endsWith('…')).toBe(true);
  });

  it.each([
    ['no routing key', { event_action: 'trigger', payload }, "'routing_key'"],
    [
      'an empty routing key',
      { routing_key: '', event_action: 'trigger', payload },
      "'routing_key' is required",
    ],
    [
      'a routing key that is a number',
      { routing_key: 5, event_action: 'trigger', payload },
      "'routing_key'",
    ],
    ['no event_action', { routing_key, payload }, "'event_action'"],
    [
      'a trigger without payload',
      { routing_key, event_action: 'trigger' },
      "'payload' is missing or blank",
    ],
    [
      'a payload that is no object',
      { routing_key, event_action: 'trigger', payload: 'x' },
      "'payload' Invalid input: expected object",
    ],
    [
      'a payload without summary',
      { routing_key, event_action: 'trigger', payload: { ...payload, summary: undefined } },
      "'payload.summary'",
    ],
    [
      'a blank summary',
      { routing_key, event_action: 'trigger', payload: { ...payload, summary: ' ' } },
      "'payload.summary' is required",
    ],
    [
      'a payload without source',
      { routing_key, event_action: 'trigger', payload: { ...payload, source: undefined } },
      "'payload.source'",
    ],
    [
      'an unknown severity',
      { routing_key, event_action: 'trigger', payload: { ...payload, severity: 'fatal' } },
      "'payload.severity' must be one of critical, error, warning, info",
    ],
    [
      'an acknowledge without dedup_key',
      { routing_key, event_action: 'acknowledge' },
      "'dedup_key' is required for acknowledge",
    ],
    [
      'a resolve with a blank dedup_key',
      { routing_key, event_action: 'resolve', dedup_key: '' },
      "'dedup_key' is required for resolve",
    ],
    [
      'a dedup_key over 255 characters',
      { routing_key, event_action: 'trigger', payload, dedup_key: 'k'.repeat(256) },
      "'dedup_key'",
    ],
    [
      'a client_url that is no string',
      { routing_key, event_action: 'trigger', payload, client_url: 1 },
      "'client_url'",
    ],
    [
      'custom details over 64 KB',
      {
        routing_key,
        event_action: 'trigger',
        payload: { ...payload, custom_details: 'x'.repeat(70_000) },
      },
      "'payload.custom_details'",
    ],
  ])('refuses %s with 400 invalid_request and a PagerDuty error line', (_name, body, line) => {
    const found = rejection(() => parsePagerDutyEvent(body));
    expect(found).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(
      found.errors!.some((e) => e.startsWith(line)),
      found.errors!.join(' | '),
    ).toBe(true);
  });

  it.each(['Trigger', 'acknowledged', 'ack', 'constructor', '__proto__', 'hasOwnProperty', ''])(
    'refuses event_action "%s" with 400 unknown_event_type',
    (event_action) => {
      expect(
        rejection(() =>
          parsePagerDutyEvent({ routing_key, event_action, dedup_key: 'k', payload }),
        ),
      ).toMatchObject({
        status: 400,
        code: 'unknown_event_type',
        errors: [expect.stringContaining("'event_action' is invalid")],
      });
    },
  );

  it.each([null, [], 'trigger', 1])('refuses the body %j', (body) => {
    expect(rejection(() => parsePagerDutyEvent(body))).toMatchObject({
      status: 400,
      code: 'invalid_request',
    });
  });
});
