import type { UserRole } from '../../shared/domain/user.js';
import type { Client } from './http.js';

/**
 * Who may call each route, as docs/api.md states it: test/engine/routeRoles.test.ts calls every
 * route as nobody, a viewer, a responder and an admin and checks the answers against this
 * table, and fails for a route that is not in it.
 */
export type Access =
  /** No token needed (health, metrics, the index). */
  | 'public'
  /** Authenticated by an alert source's integration key, not by an API token (ingest). */
  | 'integration'
  /** A user token with at least this role. */
  | UserRole;

/** A caller of the table test. `userId` is the caller's own (the admin's for nobody). */
export interface Caller {
  readonly role: 'nobody' | UserRole;
  readonly token: string | null;
  readonly userId: string;
}

/** What the test has made before probing: the admin's client and things to point at. */
export interface Fixture {
  readonly admin: Client;
  readonly sourceId: string;
  readonly alertId: string;
  readonly teamId: string;
  /** A new PENDING alert, for actions that change it. */
  newAlert(): Promise<string>;
}

export interface Probe {
  readonly path: string;
  readonly body?: unknown;
}

export interface RouteRule {
  readonly access: Access;
  /**
   * A request that a caller who is let in expects to succeed, built afresh for each caller
   * (callers who are not let in send the same request). Without one, the route's ids name
   * nothing and the test checks only that the role gate opens (not 401/403) or stays shut.
   */
  readonly ok?: (fx: Fixture, caller: Caller) => Promise<Probe> | Probe;
  /** Status of a successful `ok`; default 200. */
  readonly status?: number;
  /** `:id` in the path is the caller's own user id (self-service routes). */
  readonly self?: boolean;
}

let serial = 0;
const unique = (what: string) => `${what} ${++serial}-${Date.now()}`;

async function newUser(fx: Fixture): Promise<string> {
  const res = await fx.admin.post('/api/v1/users', {
    name: unique('Probe user'),
    email: `probe-${++serial}-${Date.now()}@example.test`,
    role: 'viewer',
  });
  return res.body.id;
}
async function newSource(fx: Fixture): Promise<string> {
  return (await fx.admin.post('/api/v1/alert-sources', { name: unique('Probe source') })).body.id;
}
async function newTeam(fx: Fixture): Promise<string> {
  return (await fx.admin.post('/api/v1/teams', { name: unique('Probe team') })).body.id;
}
/** A rule of a user's (alert or on-call), with a delay no other probe uses. */
async function newRule(
  fx: Fixture,
  userId: string,
  kind: 'notification-rules' | 'on-call-notification-rules',
): Promise<string> {
  const minutes = 30 + (++serial % 1400);
  const body =
    kind === 'notification-rules'
      ? { channel: 'console', priority: 'LOW', delayMinutes: minutes }
      : { channel: 'console', minutesBefore: minutes };
  return (await fx.admin.post(`/api/v1/users/${userId}/${kind}`, body)).body.id;
}

/**
 * The notification routes of a user (docs/api.md, Notifications), under `/api/v1/users/:id`
 * (self or admin) and `/api/v1/me`: every role manages its own.
 */
function notificationRoutes(base: '/api/v1/users/:id' | '/api/v1/me'): Record<string, RouteRule> {
  const self = base === '/api/v1/users/:id';
  const at = (caller: Caller) => (self ? `/api/v1/users/${caller.userId}` : '/api/v1/me');
  // Distinct delays per base: both add a rule for the same callers.
  const delay = self ? 7 : 8;
  const routes: Record<string, RouteRule> = {};
  for (const kind of ['notification-rules', 'on-call-notification-rules'] as const) {
    const created =
      kind === 'notification-rules'
        ? { channel: 'console', priority: 'LOW', delayMinutes: delay }
        : { channel: 'console', minutesBefore: delay };
    routes[`GET ${base}/${kind}`] = {
      access: 'viewer',
      self,
      ok: (_fx, caller) => ({ path: `${at(caller)}/${kind}` }),
    };
    routes[`POST ${base}/${kind}`] = {
      access: 'viewer',
      self,
      status: 201,
      ok: (_fx, caller) => ({ path: `${at(caller)}/${kind}`, body: created }),
    };
    routes[`PATCH ${base}/${kind}/:ruleId`] = {
      access: 'viewer',
      self,
      ok: async (fx, caller) => ({
        path: `${at(caller)}/${kind}/${await newRule(fx, caller.userId, kind)}`,
        body: {},
      }),
    };
    routes[`DELETE ${base}/${kind}/:ruleId`] = {
      access: 'viewer',
      self,
      ok: async (fx, caller) => ({
        path: `${at(caller)}/${kind}/${await newRule(fx, caller.userId, kind)}`,
      }),
    };
  }
  routes[`POST ${base}/notification-rules/:ruleId/test`] = {
    access: 'viewer',
    self,
    status: 202,
    ok: async (fx, caller) => ({
      path: `${at(caller)}/notification-rules/${await newRule(fx, caller.userId, 'notification-rules')}/test`,
    }),
  };
  routes[`GET ${base}/notifications`] = {
    access: 'viewer',
    self,
    ok: (_fx, caller) => ({ path: `${at(caller)}/notifications` }),
  };
  return routes;
}

async function newMonitor(fx: Fixture): Promise<string> {
  const body = {
    name: unique('Probe heartbeat'),
    alertSourceId: fx.sourceId,
    intervalSeconds: 3600,
  };
  return (await fx.admin.post('/api/v1/heartbeat-monitors', body)).body.id;
}
/** A one-off window in the past: it marks no alert of the other probes. */
const windowBody = (fx: Fixture) => ({
  name: unique('Probe window'),
  alertSourceIds: [fx.sourceId],
  schedule: { kind: 'once', start: '2020-01-01T00:00:00Z', end: '2020-01-01T01:00:00Z' },
});
async function newWindow(fx: Fixture): Promise<string> {
  return (await fx.admin.post('/api/v1/maintenance-windows', windowBody(fx))).body.id;
}

async function newToken(fx: Fixture, userId: string): Promise<string> {
  return (await fx.admin.post(`/api/v1/users/${userId}/tokens`, { name: 'probe' })).body.id;
}

/** Every route of the engine, as `METHOD /path` with Fastify's `:param`s. */
export const routeTable: Readonly<Record<string, RouteRule>> = {
  // ── system ──
  'GET /healthz': { access: 'public', ok: () => ({ path: '/healthz' }) },
  'GET /metrics': { access: 'public', ok: () => ({ path: '/metrics' }) },
  'GET /': { access: 'public', ok: () => ({ path: '/' }) },
  // ── the operator console's files (docs/console.md) ──
  'GET /assets/*': { access: 'public' },
  // ── ingest (docs/ingest.md) ──
  'POST /api/events': { access: 'integration' },
  'POST /v2/enqueue': { access: 'integration' },
  'POST /api/v1/alertmanager/:integrationKey': { access: 'integration' },
  // ── alert sources ──
  'GET /api/v1/alert-sources': { access: 'viewer', ok: () => ({ path: '/api/v1/alert-sources' }) },
  'GET /api/v1/alert-sources/:id': {
    access: 'viewer',
    ok: (fx) => ({ path: `/api/v1/alert-sources/${fx.sourceId}` }),
  },
  'POST /api/v1/alert-sources': {
    access: 'admin',
    status: 201,
    ok: () => ({ path: '/api/v1/alert-sources', body: { name: unique('Created') } }),
  },
  'PATCH /api/v1/alert-sources/:id': {
    access: 'admin',
    ok: async (fx) => ({ path: `/api/v1/alert-sources/${await newSource(fx)}`, body: {} }),
  },
  'DELETE /api/v1/alert-sources/:id': {
    access: 'admin',
    ok: async (fx) => ({ path: `/api/v1/alert-sources/${await newSource(fx)}` }),
  },
  // ── alerts ──
  'GET /api/v1/alerts': { access: 'viewer', ok: () => ({ path: '/api/v1/alerts' }) },
  'GET /api/v1/alerts/:id': {
    access: 'viewer',
    ok: (fx) => ({ path: `/api/v1/alerts/${fx.alertId}` }),
  },
  'GET /api/v1/alerts/:id/log': {
    access: 'viewer',
    ok: (fx) => ({ path: `/api/v1/alerts/${fx.alertId}/log` }),
  },
  'POST /api/v1/alerts/:id/accept': {
    access: 'responder',
    ok: async (fx) => ({ path: `/api/v1/alerts/${await fx.newAlert()}/accept` }),
  },
  'POST /api/v1/alerts/:id/resolve': {
    access: 'responder',
    ok: async (fx) => ({ path: `/api/v1/alerts/${await fx.newAlert()}/resolve` }),
  },
  'POST /api/v1/alerts/:id/comment': {
    access: 'responder',
    status: 201,
    ok: async (fx) => ({
      path: `/api/v1/alerts/${await fx.newAlert()}/comment`,
      body: { text: 'x' },
    }),
  },
  'POST /api/v1/alerts/:id/assign': {
    access: 'responder',
    ok: async (fx) => ({
      path: `/api/v1/alerts/${await fx.newAlert()}/assign`,
      body: { userId: null },
    }),
  },
  // ── escalation (docs/escalation.md) ──
  'GET /api/v1/alerts/:id/timeline': {
    access: 'viewer',
    ok: (fx) => ({ path: `/api/v1/alerts/${fx.alertId}/timeline` }),
  },
  'GET /api/v1/escalation-policies': {
    access: 'viewer',
    ok: () => ({ path: '/api/v1/escalation-policies' }),
  },
  'POST /api/v1/escalation-policies': {
    access: 'admin',
    status: 201,
    ok: (_fx, caller) => ({
      path: '/api/v1/escalation-policies',
      body: {
        name: unique('Policy'),
        levels: [{ targets: [{ type: 'user', id: caller.userId }], timeoutMinutes: 5 }],
      },
    }),
  },
  'GET /api/v1/escalation-policies/:id': { access: 'viewer' },
  'PUT /api/v1/escalation-policies/:id': { access: 'admin' },
  'DELETE /api/v1/escalation-policies/:id': { access: 'admin' },
  // ── schedules (docs/schedules.md) ──
  'GET /api/v1/schedules': { access: 'viewer', ok: () => ({ path: '/api/v1/schedules' }) },
  'POST /api/v1/schedules': { access: 'admin' },
  'GET /api/v1/schedules/:id': { access: 'viewer' },
  'PUT /api/v1/schedules/:id': { access: 'admin' },
  'DELETE /api/v1/schedules/:id': { access: 'admin' },
  'POST /api/v1/schedules/:id/overrides': { access: 'responder' },
  'DELETE /api/v1/schedules/:id/overrides/:overrideId': { access: 'responder' },
  'GET /api/v1/schedules/:id/on-call': { access: 'viewer' },
  'GET /api/v1/schedules/:id/shifts': { access: 'viewer' },
  'POST /api/v1/schedules/:id/calendar-feed': { access: 'viewer' },
  'DELETE /api/v1/schedules/:id/calendar-feed': { access: 'viewer' },
  'GET /api/v1/schedules/:id/calendar.ics': { access: 'viewer' },
  'POST /api/v1/users/:id/calendar-feed': { access: 'viewer', self: true },
  'DELETE /api/v1/users/:id/calendar-feed': { access: 'viewer', self: true },
  'GET /api/v1/users/:id/shifts.ics': { access: 'viewer', self: true },
  // ── users ──
  'GET /api/v1/users': { access: 'viewer', ok: () => ({ path: '/api/v1/users' }) },
  'GET /api/v1/users/:id': {
    access: 'viewer',
    ok: (_fx, caller) => ({ path: `/api/v1/users/${caller.userId}` }),
  },
  'POST /api/v1/users': {
    access: 'admin',
    status: 201,
    ok: () => ({
      path: '/api/v1/users',
      body: { name: 'New', email: `new-${++serial}@example.test`, role: 'viewer' },
    }),
  },
  'PATCH /api/v1/users/:id': {
    access: 'viewer',
    self: true,
    ok: (_fx, caller) => ({ path: `/api/v1/users/${caller.userId}`, body: { timeZone: 'UTC' } }),
  },
  'DELETE /api/v1/users/:id': {
    access: 'admin',
    ok: async (fx) => ({ path: `/api/v1/users/${await newUser(fx)}` }),
  },
  'GET /api/v1/me': { access: 'viewer', ok: () => ({ path: '/api/v1/me' }) },
  'PATCH /api/v1/me': { access: 'viewer', ok: () => ({ path: '/api/v1/me', body: {} }) },
  // ── API tokens ──
  'GET /api/v1/users/:id/tokens': {
    access: 'viewer',
    self: true,
    ok: (_fx, caller) => ({ path: `/api/v1/users/${caller.userId}/tokens` }),
  },
  'POST /api/v1/users/:id/tokens': {
    access: 'viewer',
    self: true,
    status: 201,
    ok: (_fx, caller) => ({ path: `/api/v1/users/${caller.userId}/tokens`, body: { name: 'p' } }),
  },
  'DELETE /api/v1/users/:id/tokens/:tokenId': {
    access: 'viewer',
    self: true,
    ok: async (fx, caller) => ({
      path: `/api/v1/users/${caller.userId}/tokens/${await newToken(fx, caller.userId)}`,
    }),
  },
  'GET /api/v1/me/tokens': { access: 'viewer', ok: () => ({ path: '/api/v1/me/tokens' }) },
  'POST /api/v1/me/tokens': {
    access: 'viewer',
    status: 201,
    ok: () => ({ path: '/api/v1/me/tokens', body: { name: 'p' } }),
  },
  'DELETE /api/v1/me/tokens/:tokenId': {
    access: 'viewer',
    ok: async (fx, caller) => ({
      path: `/api/v1/me/tokens/${await newToken(fx, caller.userId)}`,
    }),
  },
  // ── teams ──
  'GET /api/v1/teams': { access: 'viewer', ok: () => ({ path: '/api/v1/teams' }) },
  'GET /api/v1/teams/:id': {
    access: 'viewer',
    ok: (fx) => ({ path: `/api/v1/teams/${fx.teamId}` }),
  },
  'POST /api/v1/teams': {
    access: 'admin',
    status: 201,
    ok: () => ({ path: '/api/v1/teams', body: { name: unique('Team') } }),
  },
  'PATCH /api/v1/teams/:id': {
    access: 'admin',
    ok: async (fx) => ({ path: `/api/v1/teams/${await newTeam(fx)}`, body: {} }),
  },
  'PUT /api/v1/teams/:id/members': {
    access: 'admin',
    ok: async (fx) => ({
      path: `/api/v1/teams/${await newTeam(fx)}/members`,
      body: { members: [] },
    }),
  },
  'DELETE /api/v1/teams/:id': {
    access: 'admin',
    ok: async (fx) => ({ path: `/api/v1/teams/${await newTeam(fx)}` }),
  },
  // ── heartbeat monitors (docs/heartbeats.md) ──
  'GET /api/v1/heartbeat-monitors': {
    access: 'viewer',
    ok: () => ({ path: '/api/v1/heartbeat-monitors' }),
  },
  'GET /api/v1/heartbeat-monitors/:id': {
    access: 'viewer',
    ok: async (fx) => ({ path: `/api/v1/heartbeat-monitors/${await newMonitor(fx)}` }),
  },
  'POST /api/v1/heartbeat-monitors': {
    access: 'admin',
    status: 201,
    ok: (fx) => ({
      path: '/api/v1/heartbeat-monitors',
      body: { name: unique('Heartbeat'), alertSourceId: fx.sourceId, intervalSeconds: 60 },
    }),
  },
  'PATCH /api/v1/heartbeat-monitors/:id': {
    access: 'admin',
    ok: async (fx) => ({ path: `/api/v1/heartbeat-monitors/${await newMonitor(fx)}`, body: {} }),
  },
  'DELETE /api/v1/heartbeat-monitors/:id': {
    access: 'admin',
    ok: async (fx) => ({ path: `/api/v1/heartbeat-monitors/${await newMonitor(fx)}` }),
  },
  'GET /api/v1/heartbeats/:key': { access: 'integration' },
  'POST /api/v1/heartbeats/:key': { access: 'integration' },
  // ── maintenance windows (docs/maintenance.md) ──
  'GET /api/v1/maintenance-windows': {
    access: 'viewer',
    ok: () => ({ path: '/api/v1/maintenance-windows' }),
  },
  'GET /api/v1/maintenance-windows/:id': {
    access: 'viewer',
    ok: async (fx) => ({ path: `/api/v1/maintenance-windows/${await newWindow(fx)}` }),
  },
  'POST /api/v1/maintenance-windows': {
    access: 'admin',
    status: 201,
    ok: (fx) => ({ path: '/api/v1/maintenance-windows', body: windowBody(fx) }),
  },
  'PATCH /api/v1/maintenance-windows/:id': {
    access: 'admin',
    ok: async (fx) => ({ path: `/api/v1/maintenance-windows/${await newWindow(fx)}`, body: {} }),
  },
  'DELETE /api/v1/maintenance-windows/:id': {
    access: 'admin',
    ok: async (fx) => ({ path: `/api/v1/maintenance-windows/${await newWindow(fx)}` }),
  },
  // ── notifications (docs/notifications.md) ──
  ...notificationRoutes('/api/v1/users/:id'),
  ...notificationRoutes('/api/v1/me'),
};
