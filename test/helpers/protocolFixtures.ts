import type { Change } from '../../shared/protocol/changes.js';
import type {
  AlertEscalation,
  AlertSource,
  AlertSummary,
  HeartbeatMonitor,
  ServerMessage,
  StoredEscalationPolicy,
  StoredMaintenanceWindow,
  StoredSchedule,
  Team,
  User,
} from '../../shared/protocol/messages.js';

/**
 * Valid stream messages as a current engine writes them (engine/wire.ts and friends): every
 * message type, every change kind, entities with their nullable and nested parts filled both
 * ways. Plain JSON data: tests mutate deep copies.
 */

const t = (minute: number) => new Date(Date.UTC(2026, 10, 28, 9, minute)).toISOString();

export const alerts: AlertSummary[] = [
  {
    id: '311',
    sourceId: '2',
    alertKey: 'disk-full/db-1',
    state: 'ACCEPTED',
    priority: 'HIGH',
    severity: 'critical',
    summary: 'Disk full on db-1 (/var/lib/postgresql)',
    origin: 'alertmanager',
    labels: { alertname: 'DiskFull', instance: 'db-1:9100', job: 'node', team: 'storage' },
    links: [{ href: 'https://grafana.example.net/d/disk', text: 'Dashboard' }],
    eventCount: 3,
    createdAt: t(2),
    updatedAt: t(15),
    lastEventAt: t(12),
    acceptedAt: t(15),
    acceptedBy: '1',
    resolvedAt: null,
    assigneeId: '1',
    maintenanceWindowId: null,
  },
  {
    id: '312',
    sourceId: '3',
    alertKey: 'heartbeat/backup',
    state: 'PENDING',
    priority: 'LOW',
    severity: null,
    summary: 'Heartbeat monitor "Nightly backup" is overdue',
    origin: 'heartbeat',
    labels: {},
    links: [{ href: 'https://runbooks.example.net/backup', text: null }],
    eventCount: 1,
    createdAt: t(20),
    updatedAt: t(20),
    lastEventAt: t(20),
    acceptedAt: null,
    acceptedBy: null,
    resolvedAt: null,
    assigneeId: null,
    maintenanceWindowId: '4',
  },
  {
    // An older engine: no maintenanceWindowId at all.
    id: '290',
    sourceId: '2',
    alertKey: 'latency/api',
    state: 'RESOLVED',
    priority: 'HIGH',
    severity: 'warning',
    summary: 'p99 latency above 800 ms on api — 😀 unicode survives',
    origin: 'pagerduty',
    labels: { service: 'api', region: 'eu-central-1' },
    links: [],
    eventCount: 12,
    createdAt: t(0),
    updatedAt: t(30),
    lastEventAt: t(25),
    acceptedAt: null,
    acceptedBy: null,
    resolvedAt: t(30),
    assigneeId: null,
  },
];

export const alertSource: AlertSource = {
  id: '2',
  name: 'Prometheus prod',
  escalationPolicyId: '5',
  ackTimeoutMinutes: 30,
  autoResolveMinutes: null,
  createdAt: t(0),
  updatedAt: t(1),
};

export const users: User[] = [
  {
    id: '1',
    name: 'Grace Hopper',
    email: 'grace@example.net',
    role: 'admin',
    timeZone: 'Europe/Berlin',
    createdAt: t(0),
  },
  {
    id: '2',
    name: 'Alan Turing',
    email: 'alan@example.net',
    role: 'viewer',
    timeZone: 'UTC',
    createdAt: t(1),
  },
];

export const team: Team = {
  id: '7',
  name: 'Storage',
  description: null,
  members: [
    { userId: '1', role: 'manager' },
    { userId: '2', role: 'member' },
  ],
  createdAt: t(0),
  updatedAt: t(3),
};

export const schedule: StoredSchedule = {
  id: '9',
  name: 'Ops',
  timeZone: 'Europe/Berlin',
  layers: [
    {
      id: 'l1',
      name: 'Weekdays',
      start: '2026-11-02T09:00:00+01:00',
      end: null,
      userIds: ['1', '2', '1'],
      rotation: { anchor: '2026-11-02T09:00:00+01:00', turn: { unit: 'weeks', length: 1 } },
      restrictions: [
        { kind: 'daily', start: '09:00', end: '17:30' },
        { kind: 'weekly', startDay: 1, start: '09:00', endDay: 5, end: '18:00' },
      ],
    },
    {
      id: 'l2',
      name: 'Nights',
      start: '2026-11-02T18:00:00Z',
      end: '2027-01-01T00:00:00Z',
      userIds: ['2'],
      rotation: { anchor: '2026-11-02T18:00:00Z', turn: { unit: 'days', length: 1 } },
      restrictions: [],
    },
  ],
  overrides: [
    {
      id: 'o1',
      start: '2026-11-28T10:00:00+01:00',
      end: '2026-11-28T14:00:00+01:00',
      userId: '2',
      createdAt: '2026-11-27T08:00:00.000Z',
    },
  ],
  version: 4,
  createdAt: t(0),
  updatedAt: t(5),
};

export const policy: StoredEscalationPolicy = {
  id: '5',
  name: 'Prod paging',
  levels: [
    { targets: [{ type: 'schedule', id: '9' }], timeoutMinutes: 10, roundRobin: false },
    {
      targets: [
        { type: 'user', id: '1' },
        { type: 'team', id: '7' },
      ],
      timeoutMinutes: 15,
      roundRobin: true,
    },
  ],
  repeat: 2,
  version: 3,
  createdAt: t(0),
  updatedAt: t(4),
};

export const escalations: AlertEscalation[] = [
  {
    alertId: '312',
    policyId: '5',
    next: { level: 1, round: 0, dueAt: t(35) },
    last: {
      level: 0,
      round: 0,
      dueAt: t(20),
      at: t(20),
      recipients: [
        {
          userId: '2',
          name: 'Alan Turing',
          via: { type: 'schedule', scheduleId: '9', scheduleName: 'Ops' },
        },
        {
          userId: '1',
          name: 'Grace Hopper',
          via: { type: 'team', teamId: '7', teamName: 'Storage' },
        },
        { userId: '1', name: 'Grace Hopper', via: { type: 'user' } },
      ],
      notifications: [{ userId: '2', channel: 'console', dueAt: t(20) }],
      roundRobin: false,
    },
    steps: 1,
    stopped: null,
    updatedAt: t(20),
  },
  {
    alertId: '311',
    policyId: '5',
    next: null,
    last: null,
    steps: 6,
    stopped: { at: t(14), reason: 'nobody_reachable', message: 'Every level reached nobody.' },
    updatedAt: t(14),
  },
];

export const monitor: HeartbeatMonitor = {
  id: '3',
  name: 'Nightly backup',
  alertSourceId: '3',
  intervalSeconds: 86_400,
  graceSeconds: 600,
  paused: false,
  status: 'overdue',
  lastPingAt: null,
  deadlineAt: t(50),
  alertId: '312',
  createdAt: t(0),
  updatedAt: t(20),
};

export const maintenanceWindows: StoredMaintenanceWindow[] = [
  {
    id: '4',
    name: 'Backup window',
    alertSourceIds: ['3'],
    schedule: {
      kind: 'recurring',
      timeZone: 'Europe/Berlin',
      days: [6, 7],
      startTime: '02:00',
      durationMinutes: 120,
      seriesStart: null,
      seriesEnd: '2027-06-01T00:00:00Z',
    },
    createdAt: t(0),
    updatedAt: t(0),
  },
  {
    id: '6',
    name: 'Switch upgrade',
    alertSourceIds: ['2', '3'],
    schedule: { kind: 'once', start: '2026-12-01T22:00:00Z', end: '2026-12-02T01:00:00+01:00' },
    createdAt: t(0),
    updatedAt: t(0),
  },
];

/** One change of every kind the stream has (changes.ts), in commit order. */
export const changes: Change[] = [
  { kind: 'alert', value: alerts[0]! },
  { kind: 'alertSource', value: alertSource },
  { kind: 'alertSource.removed', id: '8' },
  { kind: 'user', value: users[1]! },
  { kind: 'user.removed', id: '12' },
  { kind: 'team', value: team },
  { kind: 'team.removed', id: '13' },
  { kind: 'schedule', value: schedule },
  { kind: 'schedule.removed', id: '14' },
  { kind: 'escalationPolicy', value: policy },
  { kind: 'escalationPolicy.removed', id: '15' },
  { kind: 'alertEscalation', value: escalations[0]! },
  { kind: 'heartbeatMonitor', value: monitor },
  { kind: 'heartbeatMonitor.removed', id: '16' },
  { kind: 'maintenanceWindow', value: maintenanceWindows[0]! },
  { kind: 'maintenanceWindow.removed', id: '17' },
];

const streamId = '1b0e4f7c-3d0a-4a53-9a53-5d1e7a0c2f11';

/** Every message the engine sends, by name; snapshots in the two shapes of their parts. */
export const serverMessages: Record<string, ServerMessage> = {
  'snapshot part 0': {
    type: 'snapshot',
    streamId,
    seq: 4182,
    serverTime: t(40),
    part: 0,
    final: false,
    alerts,
    alertEscalations: escalations,
    alertSources: [alertSource],
    users,
    teams: [team],
    schedules: [schedule],
    escalationPolicies: [policy],
    heartbeatMonitors: [monitor],
    maintenanceWindows,
  },
  'snapshot part 1': {
    type: 'snapshot',
    streamId,
    seq: 4182,
    serverTime: t(40),
    part: 1,
    final: true,
    alerts: [alerts[1]!],
    alertEscalations: [],
    alertSources: [],
    users: [],
    teams: [],
    schedules: [],
    escalationPolicies: [],
    heartbeatMonitors: [],
    maintenanceWindows: [],
  },
  resumed: { type: 'resumed', streamId, seq: 4182 },
  delta: { type: 'delta', from: 4182, seq: 4190, changes },
  'delta, empty': { type: 'delta', from: 0, seq: 1, changes: [] },
  heartbeat: { type: 'heartbeat', seq: 4190, serverTime: t(41) },
  'error, stream code': {
    type: 'error',
    code: 'slow_consumer',
    message: 'The console fell too far behind; reconnect to resync.',
  },
  'error, API code': { type: 'error', code: 'unauthorized', message: 'The API token was revoked.' },
  'notification, alert': {
    type: 'notification',
    id: 'nocturne-page-42-2-0-0-1795856400000-7',
    userId: '2',
    kind: 'alert',
    alertId: '42',
    scheduleId: null,
    title: 'HIGH: Disk full on db-1',
    body: 'Source: Prometheus prod · Severity: critical\nAlert 42 — escalation level 1.',
    priority: 'HIGH',
    at: t(0),
  },
  'notification, shift': {
    type: 'notification',
    id: 'nocturne-shift-9-2-1795856400000',
    userId: '2',
    kind: 'shift',
    alertId: null,
    scheduleId: '9',
    title: 'Your on-call shift starts in 15 minutes',
    body: 'Ops, from 10:00 to 14:00 (Europe/Berlin).',
    priority: 'LOW',
    at: t(45),
  },
  'notification, test': {
    type: 'notification',
    id: 'nocturne-test-2-1795856400000',
    userId: '2',
    kind: 'test',
    alertId: null,
    scheduleId: null,
    title: 'Test notification',
    body: '',
    priority: 'LOW',
    at: t(46),
  },
};
