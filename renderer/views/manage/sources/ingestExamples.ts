/**
 * Copy-paste examples for sending events to an alert source (docs/ingest.md): curl to the ilert
 * events API and to PagerDuty's Events API v2, and an Alertmanager receiver. Plain text, filled
 * in with the engine's address and the source's integration key.
 */

export interface IngestExampleInput {
  /** The engine's base URL as the console reaches it (`http://127.0.0.1:7070`). */
  readonly engineUrl: string;
  readonly integrationKey: string;
  readonly sourceName: string;
}

export interface IngestExample {
  readonly id: 'ilert' | 'pagerduty' | 'alertmanager';
  readonly title: string;
  /** Where it is documented, for the operator who wants more. */
  readonly doc: string;
  readonly text: string;
}

/** The three ingest endpoints of one integration key. */
export function ingestUrls(engineUrl: string, integrationKey: string) {
  const base = engineUrl.replace(/\/+$/, '');
  return {
    ilert: `${base}/api/events`,
    pagerduty: `${base}/v2/enqueue`,
    alertmanager: `${base}/api/v1/alertmanager/${encodeURIComponent(integrationKey)}`,
  };
}

/** `text` as one shell word in single quotes (a `'` inside becomes `'\''`). */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

const curlJson = (url: string, body: unknown) =>
  `curl -X POST ${shellQuote(url)} -H 'Content-Type: application/json' \\\n  -d ${shellQuote(JSON.stringify(body))}`;

/** The examples for one source, in the order the page shows them. */
export function ingestExamples(input: IngestExampleInput): IngestExample[] {
  const urls = ingestUrls(input.engineUrl, input.integrationKey);
  const key = input.integrationKey;
  const summary = `Test alert from ${input.sourceName}`;
  return [
    {
      id: 'ilert',
      title: 'curl: ilert events API',
      doc: 'docs/ingest.md#ilert-events-api',
      text: [
        '# Open (or update) an alert',
        curlJson(urls.ilert, {
          integrationKey: key,
          eventType: 'ALERT',
          alertKey: 'test-1',
          summary,
          priority: 'HIGH',
        }),
        '# Resolve it',
        curlJson(urls.ilert, { integrationKey: key, eventType: 'RESOLVE', alertKey: 'test-1' }),
      ].join('\n'),
    },
    {
      id: 'pagerduty',
      title: 'curl: PagerDuty Events API v2',
      doc: 'docs/ingest.md#pagerduty-events-api-v2',
      text: [
        '# Trigger an alert (any PagerDuty-style sender: events URL and routing key)',
        curlJson(urls.pagerduty, {
          routing_key: key,
          event_action: 'trigger',
          dedup_key: 'test-2',
          payload: { summary, source: 'curl', severity: 'critical' },
        }),
        '# Resolve it',
        curlJson(urls.pagerduty, {
          routing_key: key,
          event_action: 'resolve',
          dedup_key: 'test-2',
        }),
      ].join('\n'),
    },
    {
      id: 'alertmanager',
      title: 'Prometheus Alertmanager (alertmanager.yml)',
      doc: 'docs/ingest.md#prometheus-alertmanager-webhook',
      text: [
        'route:',
        '  receiver: nocturne',
        "  group_by: ['alertname', 'instance']",
        'receivers:',
        '  - name: nocturne',
        '    webhook_configs:',
        `      - url: ${yamlQuote(urls.alertmanager)}`,
        '        send_resolved: true # without it, Nocturne never hears that an alert stopped firing',
        '        max_alerts: 1000 # the engine takes at most 1000 alerts a notification',
      ].join('\n'),
    },
  ];
}

/** A YAML single-quoted scalar (`'` doubled). */
function yamlQuote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** `30` → "30 minutes", `60` → "1 hour", `2880` → "2 days". */
export function formatMinutes(minutes: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (minutes % 1440 === 0) return unit(minutes / 1440, 'day');
  if (minutes % 60 === 0) return unit(minutes / 60, 'hour');
  return unit(minutes, 'minute');
}

/** What the source's timeouts do, as sentences; none when it has no timeouts. */
export function timeoutSentences(source: {
  readonly ackTimeoutMinutes: number | null;
  readonly autoResolveMinutes: number | null;
}): string[] {
  const sentences: string[] = [];
  if (source.ackTimeoutMinutes !== null) {
    sentences.push(
      `Acknowledgement timeout: an accepted alert not resolved within ${formatMinutes(source.ackTimeoutMinutes)} is pending again and escalates from level 1.`,
    );
  }
  if (source.autoResolveMinutes !== null) {
    sentences.push(
      `Auto-resolve: an open alert with no new event for ${formatMinutes(source.autoResolveMinutes)} is resolved.`,
    );
  }
  return sentences;
}
