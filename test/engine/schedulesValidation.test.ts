import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Client } from '../helpers/http.js';
import { scheduleBody, weeklyLayer, type LayerBody } from '../helpers/scheduleApi.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { addUser } from '../helpers/users.js';

/**
 * Every kind of problem validateSchedule finds reaches the client: 400 invalid_schedule, each
 * problem's path in `issues` and its code in `problems`; warnings come with a 201.
 */
describe('schedule validation over REST', () => {
  let t: TestEngine;
  let admin: Client;
  let ana: string;
  let ben: string;
  beforeAll(async () => {
    t = await startTestEngine();
    admin = client(t.url);
    ana = String((await addUser(t, 'responder', 'Ana')).user.id);
    ben = String((await addUser(t, 'responder', 'Ben')).user.id);
  });
  afterAll(() => t.dispose());

  const layer = (more: Partial<LayerBody> = {}) => weeklyLayer([ana, ben], more);
  const nights = (restrictions: unknown[]) => layer({ id: 'nights', name: 'Nights', restrictions });

  const cases: Array<[code: string, path: string, body: () => unknown]> = [
    ['invalid_field', 'name', () => scheduleBody([layer()], { name: 42 })],
    [
      'invalid_field',
      'layers.0.rotation',
      () => scheduleBody([layer({ rotation: undefined as never })]),
    ],
    [
      'unknown_field',
      'layers.0.restriction',
      () => scheduleBody([{ ...layer(), restriction: [] } as LayerBody]),
    ],
    ['unknown_field', 'id', () => ({ ...scheduleBody([layer()]), id: '7' })],
    [
      'too_many',
      'layers',
      () => scheduleBody(Array.from({ length: 51 }, (_, i) => layer({ id: `l${i}` }))),
    ],
    ['unknown_time_zone', 'timeZone', () => scheduleBody([layer()], { timeZone: 'Europe/Berln' })],
    [
      'malformed_instant',
      'layers.0.start',
      () => scheduleBody([layer({ start: '2024-03-04T00:00:00' })]),
    ],
    [
      'malformed_time',
      'layers.0.restrictions.0.end',
      () => scheduleBody([nights([{ kind: 'daily', start: '22:00', end: '24:00' }])]),
    ],
    [
      'instant_out_of_range',
      'layers.0.start',
      () => scheduleBody([layer({ start: '1969-12-31T23:59:59Z' })]),
    ],
    ['duplicate_id', 'layers.1.id', () => scheduleBody([layer(), layer()])],
    ['empty_rotation', 'layers.0.userIds', () => scheduleBody([layer({ userIds: [] })])],
    ['unknown_user', 'layers.0.userIds.1', () => scheduleBody([weeklyLayer([ana, '999999'])])],
    [
      'unknown_user',
      'overrides.0.userId',
      () =>
        scheduleBody([layer()], {
          overrides: [
            { start: '2024-03-05T00:00:00Z', end: '2024-03-06T00:00:00Z', userId: '999999' },
          ],
        }),
    ],
    [
      'end_not_after_start',
      'layers.0.end',
      () => scheduleBody([layer({ end: '2024-03-01T00:00:00+01:00' })]),
    ],
    [
      'end_not_after_start',
      'overrides.0.end',
      () =>
        scheduleBody([layer()], {
          overrides: [{ start: '2024-03-06T00:00:00Z', end: '2024-03-05T00:00:00Z', userId: ana }],
        }),
    ],
    [
      'turn_length_out_of_range',
      'layers.0.rotation.turn.length',
      () =>
        scheduleBody([
          layer({
            rotation: { anchor: '2024-03-04T09:00:00+01:00', turn: { unit: 'weeks', length: 53 } },
          }),
        ]),
    ],
    [
      'restriction_empty',
      'layers.0.restrictions.0',
      () => scheduleBody([nights([{ kind: 'daily', start: '22:00', end: '22:00' }])]),
    ],
    [
      'restrictions_overlap',
      'layers.0.restrictions.1',
      () =>
        scheduleBody([
          nights([
            { kind: 'daily', start: '22:00', end: '06:00' },
            { kind: 'daily', start: '05:00', end: '07:00' },
          ]),
        ]),
    ],
  ];

  it.each(cases)('%s at %s: 400 with the path and the code', async (code, path, body) => {
    const res = await admin.post('/api/v1/schedules', body());
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_schedule');
    expect(res.body.error.issues).toContainEqual({ path, message: expect.any(String) });
    expect(res.body.problems).toContainEqual(
      expect.objectContaining({ path, code, severity: 'error' }),
    );
    const problem = res.body.problems.find((p: any) => p.path === path && p.code === code);
    expect(res.body.error.issues).toContainEqual({ path, message: problem.message });
    expect(res.body.error.message).toMatch(/^The schedule is not valid: /);
  });

  it('reports every problem at once, and the same on a change (PUT)', async () => {
    const body = scheduleBody(
      [layer({ userIds: [] }), layer({ id: 'second', end: '2020-01-01T00:00:00Z' })],
      {
        timeZone: 'Mars/Olympus',
      },
    );
    const created = await admin.post('/api/v1/schedules', body);
    const codes = created.body.problems.map((p: any) => `${p.code} ${p.path}`).sort();
    expect(codes).toEqual(
      [
        'empty_rotation layers.0.userIds',
        'end_not_after_start layers.1.end',
        'unknown_time_zone timeZone',
      ].sort(),
    );
    const ok = await admin.post('/api/v1/schedules', scheduleBody([layer()]));
    const changed = await admin.request('PUT', `/api/v1/schedules/${ok.body.id}`, body, {
      headers: { 'if-match': '"1"' },
    });
    expect(changed.status).toBe(400);
    expect(changed.body.problems).toEqual(created.body.problems);
    expect((await admin.get(`/api/v1/schedules/${ok.body.id}`)).body.version).toBe(1);
  });

  it('a body that is not a schedule object is 400 invalid_schedule or invalid_json', async () => {
    const list = await admin.post('/api/v1/schedules', [1, 2]);
    expect(list.status).toBe(400);
    expect(list.body.error.code).toBe('invalid_schedule');
    expect(list.body.error.issues).toEqual([{ path: '(body)', message: expect.any(String) }]);
    const broken = await admin.post('/api/v1/schedules', undefined, {
      raw: '{"name":',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.body.error.code).toBe('invalid_json');
  });

  it('answers exactly as the example of docs/api.md shows', async () => {
    const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    const example = [...doc.matchAll(/```json\n([\s\S]*?)```/g)]
      .map((m) => m[1]!)
      .find((text) => text.includes('"invalid_schedule"'))!;
    const res = await admin.post(
      '/api/v1/schedules',
      scheduleBody([layer({ userIds: [] })], { timeZone: 'Europe/Berln' }),
    );
    expect(res.body).toEqual(JSON.parse(example));
  });

  it('warnings do not stop a schedule: they come back in `problems`', async () => {
    const res = await admin.post(
      '/api/v1/schedules',
      scheduleBody([
        layer({
          id: 'drift',
          name: 'Drift',
          rotation: { anchor: '2024-03-04T09:00:00+01:00', turn: { unit: 'hours', length: 24 } },
        }),
        layer({ id: 'all', name: 'All' }),
        layer({
          id: 'never',
          name: 'Never',
          start: '2024-03-05T00:00:00+01:00',
          end: '2024-03-05T12:00:00+01:00',
          restrictions: [{ kind: 'daily', start: '20:00', end: '22:00' }],
        }),
      ]),
    );
    expect(res.status).toBe(201);
    const codes = res.body.problems.map((p: any) => [p.code, p.severity]);
    expect(codes).toContainEqual(['fixed_turn_drifts', 'warning']);
    expect(codes).toContainEqual(['layer_hidden', 'warning']);
    expect(codes).toContainEqual(['layer_never_on_call', 'warning']);
  });
});
