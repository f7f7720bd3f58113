import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../engine/errors.js';
import { parseAlertmanagerWebhook } from '../../../engine/ingest/alertmanagerWebhook.js';
import { amAlert, amWebhook } from '../../helpers/ingest.js';

const parse = (alerts: unknown[], more: Record<string, unknown> = {}) =>
  parseAlertmanagerWebhook(amWebhook(alerts, more));

function rejection(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { status: error.status, code: error.code, paths: error.issues?.map((i) => i.path) };
  }
  throw new Error('no error');
}

describe('parseAlertmanagerWebhook', () => {
  it('maps a firing alert by its fingerprint, with summary, details, links and severity', () => {
    const parsed = parse([
      amAlert(
        'firing',
        { alertname: 'DiskFull', instance: 'db-1', severity: 'critical' },
        {
          fingerprint: 'a1b2c3d4e5f60718',
          annotations: { summary: 'Disk full on db-1', description: '97 % used', runbook: 'r' },
        },
      ),
    ]);
    expect(parsed.fingerprints).toEqual(['a1b2c3d4e5f60718']);
    expect(parsed.truncatedAlerts).toBe(0);
    expect(parsed.events).toEqual([
      {
        action: 'trigger',
        alertKey: 'a1b2c3d4e5f60718',
        summary: 'Disk full on db-1',
        details: '97 % used',
        priority: 'HIGH',
        severity: 'critical',
        labels: { alertname: 'DiskFull', instance: 'db-1', severity: 'critical' },
        links: [
          { href: 'http://prometheus.example:9090/graph?g0.expr=up', text: 'Source' },
          { href: 'http://alertmanager.example:9093', text: 'Alertmanager' },
        ],
        images: null,
        customDetails: {
          annotations: { runbook: 'r' },
          startsAt: '2026-11-28T09:00:00Z',
          receiver: 'nocturne',
          groupKey: '{}:{alertname="HostDown"}',
        },
        comment: null,
      },
    ]);
  });

  it('takes the summary from labels.alertname when there is no summary annotation', () => {
    const [event] = parse([amAlert('firing', { alertname: 'HostDown' })]).events;
    expect(event!.summary).toBe('HostDown');
    const [bare] = parse([amAlert('firing', { job: 'node' })]).events;
    expect(bare!.summary).toBe('Alertmanager alert');
  });

  it('takes details from the description, else the message annotation', () => {
    const [event] = parse([
      amAlert('firing', { a: '1' }, { annotations: { message: 'm' } }),
    ]).events;
    expect(event!.details).toBe('m');
  });

  it.each([
    ['critical', 'critical', 'HIGH'],
    ['page', 'critical', 'HIGH'],
    ['Error', 'error', 'HIGH'],
    ['major', 'error', 'HIGH'],
    ['warning', 'warning', 'LOW'],
    ['minor', 'warning', 'LOW'],
    ['info', 'info', 'LOW'],
    ['none', 'info', 'LOW'],
    ['sev1', null, 'HIGH'],
    ['constructor', null, 'HIGH'],
    ['__proto__', null, 'HIGH'],
  ])('maps the severity label %s to severity %s and priority %s', (label, severity, priority) => {
    const [event] = parse([amAlert('firing', { alertname: 'x', severity: label })]).events;
    expect(event).toMatchObject({ severity, priority });
  });

  it('maps a resolved alert to a resolve of its fingerprint', () => {
    const parsed = parse([amAlert('resolved', { alertname: 'x' }, { fingerprint: 'ff00' })]);
    expect(parsed.events).toEqual([
      expect.objectContaining({ action: 'resolve', alertKey: 'ff00' }),
    ]);
  });

  it('keeps the order of a batch', () => {
    const parsed = parse([
      amAlert('firing', { alertname: 'a' }, { fingerprint: '1' }),
      amAlert('resolved', { alertname: 'a' }, { fingerprint: '1' }),
      amAlert('firing', { alertname: 'b' }, { fingerprint: '2' }),
    ]);
    expect(parsed.events.map((e) => `${e.action} ${e.alertKey}`)).toEqual([
      'trigger 1',
      'resolve 1',
      'trigger 2',
    ]);
  });

  describe('without a fingerprint (hand-written payloads)', () => {
    const keyOf = (status: 'firing' | 'resolved', labels: Record<string, string>) =>
      parse([amAlert(status, labels)]).fingerprints[0]!;

    it('derives a stable one from the labels, whatever their order', () => {
      const a = keyOf('firing', { alertname: 'HostDown', instance: 'web-1' });
      expect(a).toMatch(/^[0-9a-f]{16}$/);
      expect(keyOf('firing', { instance: 'web-1', alertname: 'HostDown' })).toBe(a);
    });

    it('derives the same one for the resolved alert, so it resolves the firing one', () => {
      const labels = { alertname: 'HostDown', instance: 'web-1' };
      expect(keyOf('resolved', labels)).toBe(keyOf('firing', labels));
    });

    it('derives different ones for different label sets', () => {
      const base = keyOf('firing', { alertname: 'HostDown', instance: 'web-1' });
      expect(keyOf('firing', { alertname: 'HostDown', instance: 'web-2' })).not.toBe(base);
      expect(keyOf('firing', { alertname: 'HostDown' })).not.toBe(base);
      // Names and values must not run together: {a: "bc"} is not {ab: "c"}.
      expect(keyOf('firing', { a: 'bc' })).not.toBe(keyOf('firing', { ab: 'c' }));
    });

    it('also derives one for an empty fingerprint', () => {
      expect(parse([amAlert('firing', { a: '1' }, { fingerprint: '' })]).fingerprints[0]).toMatch(
        /^[0-9a-f]{16}$/,
      );
    });
  });

  it('returns truncatedAlerts, and takes a webhook without version', () => {
    expect(parse([], { truncatedAlerts: 7 }).truncatedAlerts).toBe(7);
    const { version: _v, ...unversioned } = amWebhook([]);
    expect(parseAlertmanagerWebhook(unversioned).events).toEqual([]);
  });

  it('turns numeric label values into text', () => {
    const [event] = parse([amAlert('firing', { alertname: 'x', port: 9100 })]).events;
    expect(event!.labels).toEqual({ alertname: 'x', port: '9100' });
  });

  it.each([
    ['version 3', amWebhook([], { version: '3' }), 'version'],
    ['no alerts list', { version: '4' }, 'alerts'],
    ['alerts that is an object', amWebhook([], { alerts: {} }), 'alerts'],
    ['an alert without status', amWebhook([{ labels: {} }]), 'alerts.0.status'],
    [
      'an alert status "pending"',
      amWebhook([amAlert('firing', {}, { status: 'pending' })]),
      'alerts.0.status',
    ],
    ['an alert without labels', amWebhook([{ status: 'firing' }]), 'alerts.0.labels'],
    [
      'an annotation that is a number',
      amWebhook([amAlert('firing', {}, { annotations: { summary: 5 } })]),
      'alerts.0.annotations.summary',
    ],
    [
      'a fingerprint over 255 characters',
      amWebhook([amAlert('firing', {}, { fingerprint: 'f'.repeat(256) })]),
      'alerts.0.fingerprint',
    ],
    ['a negative truncatedAlerts', amWebhook([], { truncatedAlerts: -1 }), 'truncatedAlerts'],
  ])('refuses %s with 400 invalid_request naming the field', (_name, body, path) => {
    expect(rejection(() => parseAlertmanagerWebhook(body))).toMatchObject({
      status: 400,
      code: 'invalid_request',
      paths: expect.arrayContaining([path]),
    });
  });
});
