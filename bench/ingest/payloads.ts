/**
 * Request bodies the benchmark sends, in the shapes real senders use: ilert events to Nocturne,
 * Alertmanager webhook batches to Nocturne, and Alertmanager's own v2 API for the side-by-side.
 */

/** A deterministic pseudo-random sequence (mulberry32), so runs send the same mix of keys. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Alert keys: mostly new ones (each creates an alert), and a share that repeats a recent key
 * (each updates the open alert: the de-duplication path).
 */
export class AlertKeyMix {
  private created = 0;
  private readonly random: () => number;

  constructor(
    private readonly prefix: string,
    private readonly repeatShare: number,
    seed = 1,
    private readonly recentWindow = 1000,
  ) {
    this.random = seededRandom(seed);
  }

  /** Keys created so far (distinct alerts this mix opened). */
  get distinct(): number {
    return this.created;
  }

  next(): string {
    if (this.created > 0 && this.random() < this.repeatShare) {
      const back = Math.floor(this.random() * Math.min(this.created, this.recentWindow));
      return `${this.prefix}-${this.created - 1 - back}`;
    }
    const key = `${this.prefix}-${this.created}`;
    this.created += 1;
    return key;
  }
}

/** ilert events API body (`POST /api/events`). */
export function ilertAlertEvent(integrationKey: string, alertKey: string): string {
  return JSON.stringify({
    integrationKey,
    eventType: 'ALERT',
    summary: `Disk usage above 90% on ${alertKey}`,
    alertKey,
  });
}

function amLabels(key: string): Record<string, string> {
  return { alertname: 'BenchDiskFull', instance: `${key}.bench.example:9100`, severity: 'warning' };
}

/** Alertmanager webhook v4 body with one firing alert per key (`POST /api/v1/alertmanager/<key>`). */
export function alertmanagerWebhook(keys: readonly string[]): string {
  return JSON.stringify({
    version: '4',
    status: 'firing',
    receiver: 'nocturne',
    groupKey: '{}:{alertname="BenchDiskFull"}',
    truncatedAlerts: 0,
    alerts: keys.map((key) => ({
      status: 'firing',
      labels: amLabels(key),
      annotations: { summary: `Disk usage above 90% on ${key}` },
      startsAt: new Date().toISOString(),
      fingerprint: key,
    })),
  });
}

/** Alertmanager's own API body (`POST /api/v2/alerts`): a JSON array of alerts. */
export function alertmanagerV2Alerts(keys: readonly string[]): string {
  const startsAt = new Date().toISOString();
  return JSON.stringify(
    keys.map((key) => ({
      labels: amLabels(key),
      annotations: { summary: `Disk usage above 90% on ${key}` },
      startsAt,
    })),
  );
}
