import { request } from 'undici';
import { alertmanagerWebhook } from '../ingest/payloads.js';

/** The alert key of the i-th alert the benchmark loads. */
export const benchKey = (i: number) => `console-${i}`;

async function postWebhook(url: string, integrationKey: string, keys: readonly string[]) {
  const { statusCode, body } = await request(`${url}/api/v1/alertmanager/${integrationKey}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: alertmanagerWebhook(keys),
  });
  const text = await body.text();
  if (statusCode !== 202) throw new Error(`ingest answered ${statusCode}: ${text.slice(0, 300)}`);
}

/** Loads `count` firing alerts as Alertmanager webhook batches, 4 requests in flight. */
export async function loadAlerts(
  url: string,
  integrationKey: string,
  count: number,
  batch: number,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const from = next;
      next = Math.min(count, next + batch);
      const keys: string[] = [];
      for (let i = from; i < next; i++) keys.push(benchKey(i));
      await postWebhook(url, integrationKey, keys);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

export interface UpdateRun {
  /** Updates sent and answered 202. */
  readonly sent: number;
  /** Ticks that started late because the previous batch had not been answered. */
  readonly lateTicks: number;
}

/**
 * Re-fires existing alerts (each one a new event on an open alert: a delta to every console) at
 * `perSecond`, in one webhook every 20 ms, spread over all `count` alerts, for `seconds`.
 */
export async function applyUpdates(
  url: string,
  integrationKey: string,
  count: number,
  perSecond: number,
  seconds: number,
): Promise<UpdateRun> {
  const tickMs = 20;
  const perTick = Math.max(1, Math.round((perSecond * tickMs) / 1000));
  const ticks = Math.round((seconds * 1000) / tickMs);
  const started = performance.now();
  let cursor = 0;
  let sent = 0;
  let lateTicks = 0;
  const inFlight: Promise<void>[] = [];
  for (let tick = 0; tick < ticks; tick++) {
    const due = started + tick * tickMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    else if (tick > 0) lateTicks += 1;
    const keys: string[] = [];
    for (let i = 0; i < perTick; i++) {
      keys.push(benchKey(cursor));
      cursor = (cursor + 7919) % count; // a prime stride: updates land all over the sort order
    }
    inFlight.push(postWebhook(url, integrationKey, keys).then(() => void (sent += keys.length)));
    if (inFlight.length > 16) await inFlight.shift();
  }
  await Promise.all(inFlight);
  return { sent, lateTicks };
}
