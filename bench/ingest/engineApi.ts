import { request } from 'undici';

/** Creates an alert source over REST as the admin; returns its integration key. */
export async function createAlertSource(url: string, token: string, name: string): Promise<string> {
  const { statusCode, body } = await request(`${url}/api/v1/alert-sources`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  const text = await body.text();
  if (statusCode !== 201) {
    throw new Error(`creating the alert source answered ${statusCode}: ${text.slice(0, 300)}`);
  }
  const key = (JSON.parse(text) as { integrationKey?: string }).integrationKey;
  if (!key) throw new Error('the new alert source came without an integrationKey');
  return key;
}

/** The engine's Prometheus text at /metrics. */
export async function fetchMetrics(url: string): Promise<string> {
  const { body } = await request(`${url}/metrics`);
  return body.text();
}

/**
 * The value of one sample, `name{labels}`, in Prometheus text; labels are matched as written by
 * prom-client (in the order they were declared). NaN when absent.
 */
export function metricValue(text: string, name: string, labels = ''): number {
  const series = labels ? `${name}{${labels}}` : name;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${series} `)) return Number(line.slice(series.length + 1));
  }
  return Number.NaN;
}
