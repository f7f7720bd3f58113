import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAllows, type UserRole } from '../../shared/domain/user.js';
import { createHttpApp, registeredRoutes } from '../../engine/http/app.js';
import { client } from '../helpers/http.js';
import { createSource, ingestClients } from '../helpers/ingest.js';
import { routeTable, type Caller, type Fixture, type Probe } from '../helpers/routeTable.js';
import { RawStream, refusedUpgrade } from '../helpers/streamSocket.js';
import { adminToken, startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { addUser } from '../helpers/users.js';

const roles: readonly UserRole[] = ['viewer', 'responder', 'admin'];

/**
 * Roles on every route: each route of the engine is called as nobody, a viewer, a responder
 * and an admin, and must answer as test/helpers/routeTable.ts (and docs/api.md) say. A route
 * added without an entry there fails here, so a route cannot ship without a role check.
 */
describe('roles on every route', () => {
  let t: TestEngine;
  let fx: Fixture;
  const callers: Caller[] = [];
  beforeAll(async () => {
    t = await startTestEngine();
    const admin = client(t.url);
    const io = ingestClients(t);
    const source = await createSource(admin);
    const newAlert = async () =>
      (
        await io.ilert({
          integrationKey: source.integrationKey,
          eventType: 'ALERT',
          summary: 'Probe',
        })
      ).body.alertId as string;
    fx = {
      admin,
      sourceId: source.id,
      alertId: await newAlert(),
      teamId: (await admin.post('/api/v1/teams', { name: 'Probed' })).body.id,
      newAlert,
    };
    const adminId = (await admin.get('/api/v1/me')).body.id;
    callers.push({ role: 'nobody', token: null, userId: adminId });
    for (const role of roles) {
      const u = await addUser(t, role, `Probe ${role}`);
      callers.push({ role, token: u.token, userId: u.user.id });
    }
  });
  afterAll(() => t.dispose());

  it('every route of the engine is in the table, and every entry is a route', async () => {
    const app = createHttpApp(t.engine.context, {
      tls: null,
      logError: () => undefined,
      isClosing: () => false,
    });
    await app.ready();
    // Fastify answers HEAD with the GET route: same handler, same check.
    const routes = registeredRoutes(app)
      .filter((r) => r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`);
    await app.close();
    const missing = routes.filter((r) => !(r in routeTable));
    expect(missing, 'add these to test/helpers/routeTable.ts and docs/api.md').toEqual([]);
    expect(Object.keys(routeTable).filter((r) => !routes.includes(r))).toEqual([]);
  });

  /** The request a route gets from a caller: `ok`'s, or one whose ids name nothing. */
  async function probeFor(route: string, caller: Caller): Promise<Probe> {
    const rule = routeTable[route]!;
    if (rule.ok) return rule.ok(fx, caller);
    const [method, pattern] = route.split(' ') as [string, string];
    const path = pattern
      .replace(':id', rule.self ? caller.userId : '987654')
      .replace(/:\w+/g, '987654');
    return method === 'GET' || method === 'DELETE' ? { path } : { path, body: {} };
  }

  const guarded = Object.entries(routeTable).filter(([, rule]) => rule.access !== 'integration');
  it.each(guarded)('%s', async (route, rule) => {
    const method = route.split(' ')[0]!;
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const caller of callers) {
      const probe = await probeFor(route, caller);
      const res = await client(t.url, caller.token).request(method, probe.path, probe.body);
      const allowed =
        rule.access === 'public' ||
        (caller.role !== 'nobody' && roleAllows(caller.role, rule.access as UserRole));
      const want = allowed
        ? rule.ok
          ? String(rule.status ?? 200)
          : 'let in'
        : caller.role === 'nobody'
          ? '401 unauthorized'
          : '403 forbidden';
      const got =
        res.status === 401 || res.status === 403
          ? `${res.status} ${res.body?.error?.code}`
          : rule.ok
            ? String(res.status)
            : 'let in';
      outcomes.push(`${caller.role}: ${got}`);
      expected.push(`${caller.role}: ${want}`);
      if (got === '401 unauthorized') {
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="nocturne"/);
      }
    }
    expect(outcomes).toEqual(expected);
  });

  describe('the stream', () => {
    it('needs a token; every role may read it', async () => {
      expect((await refusedUpgrade(t.url, { headerToken: null })).status).toBe(401);
      for (const caller of callers.filter((c) => c.token)) {
        const stream = await RawStream.open(t.url, { headerToken: caller.token });
        const snapshot = await stream.helloSnapshot();
        expect(snapshot.type).toBe('snapshot');
        // No role sees integration keys on the stream: nothing on it depends on the role.
        expect(snapshot.alertSources.every((s: any) => !('integrationKey' in s))).toBe(true);
        stream.close();
      }
    });

    it('a viewer-capped token of the admin reads the stream', async () => {
      const wall = await client(t.url, adminToken).post('/api/v1/me/tokens', {
        name: 'wall',
        role: 'viewer',
      });
      const stream = await RawStream.open(t.url, { headerToken: wall.body.token });
      expect((await stream.helloSnapshot()).type).toBe('snapshot');
      stream.close();
    });
  });
});
