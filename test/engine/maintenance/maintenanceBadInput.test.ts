import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWindow } from '../../helpers/heartbeats.js';
import { client, type Client } from '../../helpers/http.js';
import { createSource } from '../../helpers/ingest.js';
import { startTestEngine, type TestEngine } from '../../helpers/testEngine.js';

/**
 * Bad input to `/api/v1/maintenance-windows` (docs/maintenance.md): a window that cannot be
 * saved answers 400 `invalid_maintenance_window`, naming each problem with its path and code,
 * and nothing changes; ids that name nothing answer 404.
 */
let t: TestEngine;
let admin: Client;
let sourceId: string;
let window: any;
beforeAll(async () => {
  t = await startTestEngine();
  admin = client(t.url);
  sourceId = (await createSource(admin)).id;
  window = await createWindow(admin, [sourceId], {
    kind: 'once',
    start: '2026-12-01T22:00:00Z',
    end: '2026-12-02T02:00:00Z',
  });
});
afterAll(() => t.dispose());

const base = '/api/v1/maintenance-windows';
const once = { kind: 'once', start: '2026-12-01T22:00:00Z', end: '2026-12-02T02:00:00Z' };
const recurring = {
  kind: 'recurring',
  timeZone: 'Europe/Berlin',
  days: [6],
  startTime: '02:00',
  durationMinutes: 120,
};
/** A request, built when the test runs (the source exists by then). */
const body =
  (schedule: unknown, more: (source: string) => Record<string, unknown> = () => ({})) =>
  () => ({ name: 'Upgrade', alertSourceIds: [sourceId], schedule, ...more(sourceId) });

describe('POST /api/v1/maintenance-windows', () => {
  it.each([
    [
      'an end before the start',
      body({ ...once, end: '2026-12-01T21:00:00Z' }),
      'schedule.end',
      'end_not_after_start',
    ],
    [
      'an end equal to the start',
      body({ ...once, end: once.start }),
      'schedule.end',
      'end_not_after_start',
    ],
    [
      'a one-off window over 31 days',
      body({ ...once, end: '2027-01-05T00:00:00Z' }),
      'schedule.end',
      'duration_out_of_range',
    ],
    [
      'a zero duration',
      body({ ...recurring, durationMinutes: 0 }),
      'schedule.durationMinutes',
      'duration_out_of_range',
    ],
    [
      'a duration over a week',
      body({ ...recurring, durationMinutes: 10_081 }),
      'schedule.durationMinutes',
      'duration_out_of_range',
    ],
    [
      'an unknown time zone',
      body({ ...recurring, timeZone: 'Mars/Olympus' }),
      'schedule.timeZone',
      'unknown_time_zone',
    ],
    [
      'an offset instead of a zone',
      body({ ...recurring, timeZone: '+02:00' }),
      'schedule.timeZone',
      'unknown_time_zone',
    ],
    [
      'a start time of 25:00',
      body({ ...recurring, startTime: '25:00' }),
      'schedule.startTime',
      'malformed_time',
    ],
    [
      'a start without an offset',
      body({ ...once, start: '2026-12-01T22:00:00' }),
      'schedule.start',
      'malformed_instant',
    ],
    ['weekday 8', body({ ...recurring, days: [8] }), 'schedule.days.0', 'invalid_field'],
    ['no days', body({ ...recurring, days: [] }), 'schedule.days', 'invalid_field'],
    ['a day twice', body({ ...recurring, days: [6, 6] }), 'schedule.days.1', 'duplicate_day'],
    [
      'a series that ends before it starts',
      body({
        ...recurring,
        seriesStart: '2026-12-01T00:00:00Z',
        seriesEnd: '2026-11-01T00:00:00Z',
      }),
      'schedule.seriesEnd',
      'end_not_after_start',
    ],
    [
      'an unknown alert source',
      body(once, () => ({ alertSourceIds: ['987654'] })),
      'alertSourceIds.0',
      'unknown_alert_source',
    ],
    [
      'no alert sources',
      body(once, () => ({ alertSourceIds: [] })),
      'alertSourceIds',
      'no_alert_sources',
    ],
    [
      'a source twice',
      body(once, (id) => ({ alertSourceIds: [id, id] })),
      'alertSourceIds.1',
      'duplicate_alert_source',
    ],
    ['a schedule of another kind', body({ kind: 'hourly' }), 'schedule.kind', 'invalid_field'],
    [
      'a misspelt field',
      body({ ...recurring, seriesEnds: null }),
      'schedule.seriesEnds',
      'unknown_field',
    ],
    [
      'an unknown top-level field',
      body(once, () => ({ enabled: true })),
      'enabled',
      'unknown_field',
    ],
    ['no name', body(once, () => ({ name: '' })), 'name', 'invalid_field'],
  ])('refuses %s', async (_what, request, path, code) => {
    const before = (await admin.get(base)).body.items.length;
    const res = await admin.post(base, request());
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('invalid_maintenance_window');
    expect(res.body.error.issues.map((i: any) => i.path)).toContain(path);
    expect(res.body.problems).toContainEqual(expect.objectContaining({ path, code }));
    expect((await admin.get(base)).body.items).toHaveLength(before);
  });

  it('names every problem in one answer, with sentences a person can act on', async () => {
    const res = await admin.post(base, {
      name: 'Upgrade',
      alertSourceIds: ['987654'],
      schedule: { ...recurring, timeZone: 'Europe/Berlni', durationMinutes: 0 },
    });
    expect(res.status).toBe(400);
    expect(res.body.problems.map((p: any) => p.code).sort()).toEqual([
      'unknown_alert_source',
      'unknown_time_zone',
    ]);
    expect(res.body.error.message).toMatch(
      /^The maintenance window is not valid: schedule\.timeZone: Unknown time zone "Europe\/Berlni"/,
    );
  });

  it('refuses a body that is not an object', async () => {
    const res = await admin.post(base, ['not', 'a', 'window']);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_maintenance_window');
  });
});

describe('reading, changing and deleting', () => {
  it.each([
    ['GET', '987654'],
    ['PATCH', '987654'],
    ['DELETE', '987654'],
    ['GET', 'x1'],
  ])('%s of window %s answers 404 maintenance_window_not_found', async (method, id) => {
    const res = await admin.request(method, `${base}/${id}`, method === 'PATCH' ? {} : undefined);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('maintenance_window_not_found');
  });

  it('PATCH with an unknown field answers 400 invalid_request', async () => {
    const res = await admin.patch(`${base}/${window.id}`, { timezone: 'UTC' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request' });
    expect(res.body.error.issues[0].path).toBe('timezone');
  });

  it('PATCH that would make the window invalid answers 400 and changes nothing', async () => {
    const res = await admin.patch(`${base}/${window.id}`, {
      schedule: { ...once, end: '2026-12-01T20:00:00Z' },
    });
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual([
      {
        path: 'schedule.end',
        code: 'end_not_after_start',
        message: 'The window must end after it starts.',
      },
    ]);
    expect((await admin.get(`${base}/${window.id}`)).body).toEqual(window);
  });

  it('PATCH replaces the fields given and keeps the others', async () => {
    const res = await admin.patch(`${base}/${window.id}`, { schedule: recurring });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: window.name,
      alertSourceIds: [sourceId],
      schedule: { ...recurring, seriesStart: null, seriesEnd: null },
    });
  });
});
