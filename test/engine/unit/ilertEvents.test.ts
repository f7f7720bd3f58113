import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../engine/errors.js';
import { parseIlertEvent } from '../../../engine/ingest/ilertEvents.js';

const key = 'il-key';
const alert = (more: Record<string, unknown> = {}) =>
  parseIlertEvent({ integrationKey: key, eventType: 'ALERT', summary: 'Disk full', ...more });

/** The EngineError `fn` throws, as status, code and issue paths. */
function rejection(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { status: error.status, code: error.code, paths: error.issues?.map((i) => i.path) };
  }
  throw new Error('no error');
}

describe('parseIlertEvent', () => {
  it('maps an ALERT with every field', () => {
    const parsed = alert({
      alertKey: 'disk-db-1',
      details: 'at 97 %',
      priority: 'LOW',
      labels: { host: 'db-1' },
      links: [{ href: 'https://grafana.example/d/1', text: 'Dashboard' }],
      images: [{ src: 'https://grafana.example/1.png' }],
      customDetails: { usage: 0.97 },
    });
    expect(parsed).toEqual({
      integrationKey: key,
      event: {
        action: 'trigger',
        alertKey: 'disk-db-1',
        summary: 'Disk full',
        details: 'at 97 %',
        priority: 'LOW',
        severity: null,
        labels: { host: 'db-1' },
        links: [{ href: 'https://grafana.example/d/1', text: 'Dashboard' }],
        images: [{ src: 'https://grafana.example/1.png', href: null, alt: null }],
        customDetails: { usage: 0.97 },
        comment: null,
      },
    });
  });

  it('leaves the key null on an ALERT without one (the engine generates it), also when blank', () => {
    expect(alert().event.alertKey).toBeNull();
    expect(alert({ alertKey: '' }).event.alertKey).toBeNull();
  });

  it('takes the legacy apiKey and incidentKey fields', () => {
    const parsed = parseIlertEvent({
      apiKey: 'legacy',
      eventType: 'ALERT',
      summary: 's',
      incidentKey: 'old-key',
    });
    expect(parsed.integrationKey).toBe('legacy');
    expect(parsed.event.alertKey).toBe('old-key');
  });

  it('prefers integrationKey and alertKey when both old and new names are sent', () => {
    const parsed = alert({ apiKey: 'legacy', alertKey: 'new', incidentKey: 'old' });
    expect(parsed.integrationKey).toBe(key);
    expect(parsed.event.alertKey).toBe('new');
  });

  it('reads event types and priorities in any case', () => {
    expect(
      parseIlertEvent({ integrationKey: key, eventType: 'resolve', alertKey: 'k' }).event.action,
    ).toBe('resolve');
    expect(alert({ priority: 'high' }).event.priority).toBe('HIGH');
  });

  it('maps ACCEPT, RESOLVE and COMMENT to their actions, keeping the summary as the note', () => {
    const of = (eventType: string, more: Record<string, unknown> = {}) =>
      parseIlertEvent({ integrationKey: key, eventType, alertKey: 'k', ...more }).event;
    expect(of('ACCEPT', { summary: 'on it' })).toMatchObject({
      action: 'accept',
      comment: 'on it',
    });
    expect(of('RESOLVE')).toMatchObject({ action: 'resolve', comment: null });
    expect(of('COMMENT', { summary: 'checked' })).toMatchObject({
      action: 'comment',
      comment: 'checked',
    });
  });

  it('joins a comments list as "creator: content" lines', () => {
    const event = parseIlertEvent({
      integrationKey: key,
      eventType: 'COMMENT',
      alertKey: 'k',
      comments: [{ creator: 'Ada', content: 'rebooted' }, { content: 'looks fine' }],
    }).event;
    expect(event.comment).toBe('Ada: rebooted\nlooks fine');
  });

  it('turns number and boolean label values into text', () => {
    expect(alert({ labels: { port: 5432, tls: true } }).event.labels).toEqual({
      port: '5432',
      tls: 'true',
    });
  });

  it('cuts long text to its limit with an ellipsis instead of refusing it', () => {
    const event = alert({
      summary: 's'.repeat(3000),
      details: 'd'.repeat(70_000),
      labels: { big: 'v'.repeat(2000) },
      links: [{ href: 'https://x.example', text: 't'.repeat(600) }],
    }).event;
    expect(event.summary).toHaveLength(1024);
    expect(event.summary!.endsWith('…')).toBe(true);
    expect(event.details).toHaveLength(64 * 1024);
    expect(event.labels!.big).toHaveLength(1024);
    expect(event.links![0]!.text).toHaveLength(512);
  });

  it('ignores fields it does not know, as ilert does', () => {
    expect(alert({ routingKey: 'x', extra: { deep: [1] } }).event.summary).toBe('Disk full');
  });

  it.each([
    ['no integration key', { eventType: 'ALERT', summary: 's' }, 'integrationKey'],
    [
      'an empty integration key',
      { integrationKey: '', eventType: 'ALERT', summary: 's' },
      'integrationKey',
    ],
    ['an ALERT without summary', { integrationKey: key, eventType: 'ALERT' }, 'summary'],
    [
      'an ALERT with a blank summary',
      { integrationKey: key, eventType: 'ALERT', summary: '  ' },
      'summary',
    ],
    ['an ACCEPT without key', { integrationKey: key, eventType: 'ACCEPT' }, 'alertKey'],
    [
      'a RESOLVE with a blank key',
      { integrationKey: key, eventType: 'RESOLVE', alertKey: '' },
      'alertKey',
    ],
    [
      'a COMMENT without key',
      { integrationKey: key, eventType: 'COMMENT', summary: 'x' },
      'alertKey',
    ],
    ['an event type that is no string', { integrationKey: key, eventType: 1 }, 'eventType'],
    [
      'a key over 255 characters',
      { integrationKey: key, eventType: 'ALERT', summary: 's', alertKey: 'k'.repeat(256) },
      'alertKey',
    ],
    [
      'an unknown priority',
      { integrationKey: key, eventType: 'ALERT', summary: 's', priority: 'MEDIUM' },
      'priority',
    ],
    [
      'labels that are a list',
      { integrationKey: key, eventType: 'ALERT', summary: 's', labels: ['a'] },
      'labels',
    ],
    [
      'a label value that is an object',
      { integrationKey: key, eventType: 'ALERT', summary: 's', labels: { a: {} } },
      'labels.a',
    ],
    [
      'a label value that is null',
      { integrationKey: key, eventType: 'ALERT', summary: 's', labels: { a: null } },
      'labels.a',
    ],
    [
      'a label name over 128 characters',
      { integrationKey: key, eventType: 'ALERT', summary: 's', labels: { ['n'.repeat(129)]: 'v' } },
      `labels.${'n'.repeat(129)}`,
    ],
    [
      '101 labels',
      {
        integrationKey: key,
        eventType: 'ALERT',
        summary: 's',
        labels: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`l${i}`, 'v'])),
      },
      'labels',
    ],
    [
      '21 links',
      {
        integrationKey: key,
        eventType: 'ALERT',
        summary: 's',
        links: Array.from({ length: 21 }, () => ({ href: 'https://x.example' })),
      },
      'links',
    ],
    [
      'a link without href',
      { integrationKey: key, eventType: 'ALERT', summary: 's', links: [{ text: 'x' }] },
      'links.0.href',
    ],
    [
      'a URL over 2048 characters',
      {
        integrationKey: key,
        eventType: 'ALERT',
        summary: 's',
        images: [{ src: `https://x.example/${'a'.repeat(2048)}` }],
      },
      'images.0.src',
    ],
    [
      'custom details over 64 KB',
      {
        integrationKey: key,
        eventType: 'ALERT',
        summary: 's',
        customDetails: { blob: 'x'.repeat(65 * 1024) },
      },
      'customDetails',
    ],
  ])('refuses %s with 400 invalid_request naming the field', (_name, body, path) => {
    expect(rejection(() => parseIlertEvent(body))).toMatchObject({
      status: 400,
      code: 'invalid_request',
      paths: expect.arrayContaining([path]),
    });
  });

  it.each(['OPEN', 'ESCALATE', 'constructor', '__proto__', 'toString', ''])(
    'refuses the event type "%s" with 400 unknown_event_type',
    (eventType) => {
      expect(
        rejection(() => parseIlertEvent({ integrationKey: key, eventType, alertKey: 'k' })),
      ).toMatchObject({ status: 400, code: 'unknown_event_type', paths: ['eventType'] });
    },
  );

  it.each([null, [], 'ALERT', 42, true])('refuses the body %j', (body) => {
    expect(rejection(() => parseIlertEvent(body))).toMatchObject({
      status: 400,
      code: 'invalid_request',
    });
  });
});
