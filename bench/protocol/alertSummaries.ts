import type { AlertSummary, SnapshotMessage } from '../../shared/protocol/messages.js';

/**
 * Alert summaries as the engine streams them (engine/wire.ts, toAlertSummary): 4–6 labels, one
 * link, ISO times, nulls where an open alert has them. Deterministic (a seeded generator), so
 * every run validates the same bytes: about 530 bytes of JSON an alert, as in a real snapshot.
 */
export function makeAlertSummaries(count: number, seed = 1): AlertSummary[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const base = Date.parse('2026-11-28T06:00:00.000Z');
  const alerts: AlertSummary[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = String(1000 + i);
    const host = `${pick(hosts)}-${(i % 40) + 1}`;
    const check = pick(checks);
    const createdAt = base + i * 1_700;
    const state = pick(states);
    const labels: Record<string, string> = {
      alertname: check.name,
      instance: `${host}:9100`,
      job: pick(jobs),
      severity: check.severity,
    };
    const extra = Math.floor(random() * 3);
    if (extra >= 1) labels.team = pick(teams);
    if (extra >= 2) labels.region = pick(regions);
    const accepted = state !== 'PENDING';
    alerts.push({
      id,
      sourceId: String(1 + (i % 12)),
      alertKey: `${check.name}/${host}`,
      state,
      priority: random() < 0.8 ? 'HIGH' : 'LOW',
      severity: random() < 0.9 ? check.severity : null,
      summary: `${check.text} on ${host}: ${check.detail}`,
      origin: pick(origins),
      labels,
      links: [{ href: `https://grafana.example.net/d/${check.name}`, text: 'Dashboard' }],
      eventCount: 1 + Math.floor(random() * 40),
      createdAt: iso(createdAt),
      updatedAt: iso(createdAt + 60_000),
      lastEventAt: iso(createdAt + 30_000),
      acceptedAt: accepted ? iso(createdAt + 45_000) : null,
      acceptedBy: accepted ? String(1 + (i % 30)) : null,
      resolvedAt: state === 'RESOLVED' ? iso(createdAt + 60_000) : null,
      assigneeId: accepted && random() < 0.5 ? String(1 + (i % 30)) : null,
      maintenanceWindowId: random() < 0.02 ? '3' : null,
    });
  }
  return alerts;
}

/** Part `part` of a snapshot, as engine/stream/snapshotParts.ts writes it (no other entities). */
export function snapshotPart(
  alerts: readonly AlertSummary[],
  part: number,
  final: boolean,
): SnapshotMessage {
  return {
    type: 'snapshot',
    streamId: '1b0e4f7c-3d0a-4a53-9a53-5d1e7a0c2f11',
    seq: 4182,
    serverTime: '2026-11-28T09:15:30.000Z',
    part,
    final,
    alerts: [...alerts],
    alertEscalations: [],
    alertSources: [],
    users: [],
    teams: [],
    schedules: [],
    escalationPolicies: [],
    heartbeatMonitors: [],
    maintenanceWindows: [],
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A small, fast, seeded generator (Tommy Ettinger's mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hosts = ['db', 'api', 'web', 'cache', 'queue', 'search', 'auth', 'billing'] as const;
const jobs = ['node', 'postgres', 'redis', 'nginx', 'blackbox', 'kube-state'] as const;
const teams = ['platform', 'payments', 'identity', 'storage'] as const;
const regions = ['eu-central-1', 'us-east-1', 'ap-southeast-2'] as const;
const states = ['PENDING', 'PENDING', 'ACCEPTED', 'RESOLVED'] as const;
const origins = ['alertmanager', 'alertmanager', 'pagerduty', 'ilert', 'api'] as const;
const checks = [
  {
    name: 'DiskFull',
    severity: 'critical',
    text: 'Disk full',
    detail: '/var/lib/postgresql is 97% used',
  },
  {
    name: 'HighLatency',
    severity: 'warning',
    text: 'p99 latency above 800 ms',
    detail: 'upstream checkout',
  },
  {
    name: 'InstanceDown',
    severity: 'critical',
    text: 'Instance down',
    detail: 'no scrape for 5 minutes',
  },
  { name: 'CertExpiry', severity: 'info', text: 'Certificate expires soon', detail: 'in 12 days' },
  {
    name: 'ErrorRate',
    severity: 'error',
    text: 'HTTP 5xx above 2%',
    detail: 'over the last 10 minutes',
  },
] as const;
