import type { AlertSourceRecord } from '../store/records.js';
import { issueToken } from '../auth/apiTokens.js';
import { emptyEvent, type InboundEvent } from '../alerts/inboundEvent.js';
import type { EngineContext } from '../engineContext.js';
import { toUser } from '../wire.js';
import { addDefaultNotificationRules } from '../notifications/defaultRules.js';

export interface DemoSeed {
  readonly sources: readonly AlertSourceRecord[];
  /** The on-call schedule and the escalation policy the sources follow. */
  readonly scheduleName: string;
  readonly policyName: string;
  /** A viewer token for a wall screen, shown once. */
  readonly viewerToken: string;
}

const trigger = (e: Partial<InboundEvent>): InboundEvent => ({
  ...emptyEvent,
  action: 'trigger',
  ...e,
});

/** Monday 9:00 in Berlin: the weekly hand-off of the demo schedule (winter time). */
const handoff = '2024-01-01T09:00:00+01:00';

/**
 * `--demo`: a small, realistic data set so a newcomer sees something at once: people, a team,
 * an on-call schedule and an escalation policy, one alert source per inbound format following
 * it, alerts in every state, a heartbeat monitor and a weekly maintenance window, made through the same services as real traffic. Does nothing
 * when the engine already has alert sources.
 */
export async function seedDemo(ctx: EngineContext): Promise<DemoSeed | null> {
  if ((await ctx.alertSources.list()).length > 0) return null;
  const now = ctx.clock.now();
  const { ada, grace, viewerToken } = await ctx.store.write(async (tx) => {
    const person = (name: string, email: string, role: 'responder' | 'viewer', timeZone: string) =>
      tx.users.insert({ name, email, role, timeZone, createdAt: now, updatedAt: now });
    const ada = await person('Ada Lovelace', 'ada@example.com', 'responder', 'Europe/Berlin');
    const grace = await person(
      'Grace Hopper',
      'grace@example.com',
      'responder',
      'America/New_York',
    );
    const wall = await person('NOC wall screen', 'wall@example.com', 'viewer', 'UTC');
    for (const u of [ada, grace, wall]) {
      tx.publish({ kind: 'user', value: toUser(u) });
      await addDefaultNotificationRules(tx, u.id, now);
    }
    const { token } = await issueToken(tx, wall.id, 'demo wall screen', now);
    return { ada, grace, viewerToken: token };
  });
  const team = await ctx.teams.create({
    name: 'Database Ops',
    description: 'Owns PostgreSQL and its replicas',
    members: [
      { userId: String(ada.id), role: 'manager' },
      { userId: String(grace.id), role: 'member' },
    ],
  });

  // Ada and Grace take turns a week each, handing over on Mondays at 9:00 Berlin time (DST
  // included); who is on call is paged first, the whole team if nobody accepts in 10 minutes.
  const schedule = await ctx.schedules.schedules.create({
    name: 'Ops primary',
    timeZone: 'Europe/Berlin',
    layers: [
      {
        id: 'weekly',
        name: 'Weekly rotation',
        start: handoff,
        end: null,
        userIds: [String(ada.id), String(grace.id)],
        rotation: { anchor: handoff, turn: { unit: 'weeks', length: 1 } },
        restrictions: [],
      },
    ],
  });
  const policy = await ctx.escalationPolicies.create({
    name: 'Ops on-call',
    levels: [
      { targets: [{ type: 'schedule', id: schedule.id }], timeoutMinutes: 10 },
      { targets: [{ type: 'team', id: String(team.id) }], timeoutMinutes: 10 },
    ],
  });
  const source = (name: string) =>
    ctx.alertSources.create({ name, escalationPolicyId: policy.id, ackTimeoutMinutes: 60 });
  const prometheus = await source('Prometheus (Alertmanager)');
  const datadog = await source('Datadog (PagerDuty Events v2)');
  const uptime = await source('Uptime checks (ilert events)');

  await ctx.alerts.ingest(prometheus.integrationKey, 'alertmanager', [
    trigger({
      alertKey: 'a1f3c9e2d4b60718',
      summary: 'Disk /var on db-1 is 95% full',
      details:
        'Filesystem /var on db-1 has less than 5% space left; PostgreSQL stops writing at 100%.',
      priority: 'HIGH',
      severity: 'critical',
      labels: {
        alertname: 'DiskAlmostFull',
        instance: 'db-1:9100',
        severity: 'critical',
        team: 'storage',
      },
      links: [
        {
          href: 'http://prometheus.example.com/graph?g0.expr=node_filesystem_avail_bytes',
          text: 'Source',
        },
      ],
    }),
    trigger({
      alertKey: '7c0e5b1a9f2d3e44',
      summary: 'Replication lag on db-2 above 30 s',
      priority: 'HIGH',
      severity: 'error',
      labels: {
        alertname: 'ReplicationLag',
        instance: 'db-2:9187',
        severity: 'error',
        team: 'storage',
      },
    }),
  ]);
  // The same alert again: de-duplicated into the first one.
  await ctx.alerts.ingest(prometheus.integrationKey, 'alertmanager', [
    trigger({
      alertKey: 'a1f3c9e2d4b60718',
      summary: 'Disk /var on db-1 is 96% full',
      priority: 'HIGH',
      severity: 'critical',
      labels: {
        alertname: 'DiskAlmostFull',
        instance: 'db-1:9100',
        severity: 'critical',
        team: 'storage',
      },
    }),
  ]);
  const [latency] = (
    await ctx.alerts.ingest(datadog.integrationKey, 'pagerduty', [
      trigger({
        alertKey: 'checkout-latency',
        summary: 'Checkout API p99 latency above 2 s',
        priority: 'HIGH',
        severity: 'error',
        labels: { source: 'checkout-api', component: 'payments' },
      }),
      trigger({
        alertKey: 'cert-expiry-shop',
        summary: 'TLS certificate of shop.example.com expires in 10 days',
        priority: 'LOW',
        severity: 'warning',
        labels: { source: 'cert-monitor' },
      }),
    ])
  ).outcomes;
  await ctx.alerts.ingest(uptime.integrationKey, 'ilert', [
    trigger({
      alertKey: 'https://status.example.com',
      summary: 'status.example.com does not answer (timeout after 10 s)',
      priority: 'HIGH',
      links: [{ href: 'https://status.example.com', text: 'status.example.com' }],
    }),
    trigger({ alertKey: 'dns-eu', summary: 'DNS resolution slow in eu-west-1', priority: 'LOW' }),
  ]);
  await ctx.alerts.ingest(uptime.integrationKey, 'ilert', [
    { ...emptyEvent, action: 'resolve', alertKey: 'dns-eu', comment: 'Recovered after 4 minutes' },
  ]);
  if (latency && 'alert' in latency) {
    await ctx.alerts.accept(latency.alert.id, ada, 'Looking at the payment provider');
  }
  // Last, so that no seeded alert falls inside the window whatever the day the demo starts.
  await ctx.heartbeats.create({
    name: 'Nightly backup',
    alertSourceId: String(uptime.id),
    intervalSeconds: 86_400,
    graceSeconds: 1_800,
    paused: false,
  });
  await ctx.maintenance.create({
    name: 'Sunday database maintenance',
    alertSourceIds: [String(prometheus.id)],
    schedule: {
      kind: 'recurring',
      timeZone: 'Europe/Berlin',
      days: [7],
      startTime: '03:00',
      durationMinutes: 120,
    },
  });
  return {
    sources: [prometheus, datadog, uptime],
    scheduleName: schedule.name,
    policyName: policy.name,
    viewerToken,
  };
}
