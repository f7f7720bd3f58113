import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from '../../renderer/app/routes.js';
import { manageAccess } from '../../renderer/views/manage/manageAccess.js';
import { byName, sourcesUsingPolicy } from '../../renderer/views/manage/manageLists.js';
import {
  alertSourceBody,
  draftOfAlertSource,
  emptyAlertSourceDraft,
} from '../../renderer/views/manage/sources/alertSourceForm.js';
import {
  formatMinutes,
  ingestExamples,
  ingestUrls,
  shellQuote,
  timeoutSentences,
} from '../../renderer/views/manage/sources/ingestExamples.js';
import { source } from './fixtures.js';

const key = 'c072e5cc9052fa1eea53e05b4311aa34';

describe('the manage routes', () => {
  it('parses and prints each section; /manage alone is the first', () => {
    expect(parseRoute('/manage')).toEqual({ name: 'manage' });
    for (const section of ['alert-sources', 'escalation-policies', 'users', 'teams'] as const) {
      expect(parseRoute(`/manage/${section}`)).toEqual({ name: 'manage', section });
      expect(routePath({ name: 'manage', section })).toBe(`/manage/${section}`);
    }
    expect(parseRoute('/manage/nonsense')).toEqual({ name: 'notFound', path: '/manage/nonsense' });
    expect(routePath({ name: 'manage' })).toBe('/manage');
  });
});

describe('who may manage', () => {
  it('lets admins edit, responders see keys, viewers only look, each with a reason', () => {
    expect(manageAccess('admin')).toEqual({
      canEdit: true,
      canSeeKeys: true,
      readOnlyReason: null,
    });
    const responder = manageAccess('responder');
    expect(responder).toMatchObject({ canEdit: false, canSeeKeys: true });
    expect(responder.readOnlyReason).toMatch(/only admins .* responder/);
    const viewer = manageAccess('viewer');
    expect(viewer).toMatchObject({ canEdit: false, canSeeKeys: false });
    expect(viewer.readOnlyReason).toMatch(/viewer token/);
    expect(manageAccess(null).canEdit).toBe(false);
  });
});

describe('ingest examples', () => {
  const examples = ingestExamples({
    engineUrl: 'http://127.0.0.1:7070/',
    integrationKey: key,
    sourceName: "Bob's Prometheus",
  });
  const text = (id: string) => examples.find((e) => e.id === id)!.text;

  it('builds the three endpoints of a key', () => {
    expect(ingestUrls('http://e:1/', key)).toEqual({
      ilert: 'http://e:1/api/events',
      pagerduty: 'http://e:1/v2/enqueue',
      alertmanager: `http://e:1/api/v1/alertmanager/${key}`,
    });
  });

  it('quotes for the shell, a single quote included', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(text('ilert')).toContain(`Bob'\\''s Prometheus`);
  });

  it('posts valid ilert and PagerDuty events with the key, as curl', () => {
    const ilert =
      /curl -X POST '([^']+)' -H 'Content-Type: application\/json' \\\n {2}-d '(.+)'/.exec(
        text('ilert').replace(`'\\''`, '’'),
      );
    expect(ilert?.[1]).toBe('http://127.0.0.1:7070/api/events');
    expect(JSON.parse(ilert![2]!)).toEqual({
      integrationKey: key,
      eventType: 'ALERT',
      alertKey: 'test-1',
      summary: 'Test alert from Bob’s Prometheus',
      priority: 'HIGH',
    });
    const pd = text('pagerduty');
    expect(pd).toContain("curl -X POST 'http://127.0.0.1:7070/v2/enqueue'");
    expect(pd).toContain(`"routing_key":"${key}","event_action":"trigger"`);
    expect(pd).toContain('"severity":"critical"');
    expect(pd).toContain('"event_action":"resolve"');
  });

  it('gives Alertmanager a receiver with the webhook URL and send_resolved', () => {
    const yaml = text('alertmanager');
    expect(yaml).toContain('receivers:\n  - name: nocturne\n    webhook_configs:');
    expect(yaml).toContain(`      - url: 'http://127.0.0.1:7070/api/v1/alertmanager/${key}'`);
    expect(yaml).toContain('send_resolved: true');
  });

  it('says what the timeouts do, in words', () => {
    expect(formatMinutes(30)).toBe('30 minutes');
    expect(formatMinutes(60)).toBe('1 hour');
    expect(formatMinutes(2880)).toBe('2 days');
    expect(timeoutSentences({ ackTimeoutMinutes: null, autoResolveMinutes: null })).toEqual([]);
    const sentences = timeoutSentences({ ackTimeoutMinutes: 30, autoResolveMinutes: 1440 });
    expect(sentences[0]).toContain('not resolved within 30 minutes is pending again');
    expect(sentences[1]).toContain('no new event for 1 day is resolved');
  });
});

describe('the alert source form', () => {
  it('turns the form into the request body', () => {
    const result = alertSourceBody({
      name: '  Prometheus prod ',
      escalationPolicyId: '4',
      ackTimeoutMinutes: '30',
      autoResolveMinutes: '',
    });
    expect(result).toEqual({
      ok: true,
      body: {
        name: 'Prometheus prod',
        escalationPolicyId: '4',
        ackTimeoutMinutes: 30,
        autoResolveMinutes: null,
      },
    });
  });

  it('names each field to fix, in sentences', () => {
    const result = alertSourceBody({
      ...emptyAlertSourceDraft,
      ackTimeoutMinutes: '2 hours',
      autoResolveMinutes: '0',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.fields).toEqual({
      name: 'A name is required.',
      ackTimeoutMinutes: 'The acknowledgement timeout is 1 to 10,080 minutes, or empty for none.',
      autoResolveMinutes: 'The auto-resolve timeout is 1 to 43,200 minutes, or empty for none.',
    });
  });

  it('round-trips a stored source', () => {
    const stored = { ...source('2', 'Edge'), escalationPolicyId: '3', ackTimeoutMinutes: 15 };
    expect(draftOfAlertSource(stored)).toEqual({
      name: 'Edge',
      escalationPolicyId: '3',
      ackTimeoutMinutes: '15',
      autoResolveMinutes: '',
    });
  });
});

describe('manage lists', () => {
  it('sorts by name ignoring case, and finds the sources of a policy', () => {
    const list = [source('1', 'beta'), source('2', 'Alpha'), source('3', 'alpha')];
    expect(byName(list).map((s) => s.id)).toEqual(['2', '3', '1']);
    const used = [{ ...source('1', 'a'), escalationPolicyId: '4' }, source('2', 'b')];
    expect(sourcesUsingPolicy(used, '4').map((s) => s.id)).toEqual(['1']);
  });
});
