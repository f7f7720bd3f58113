import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OnCallResponse, ShiftsResponse } from '../../shared/api/schedules.js';
import type { Clock } from '../../engine/clock.js';
import { client, type Client } from '../helpers/http.js';
import {
  createSchedule,
  dailyLayer,
  scheduleBody,
  takeShift,
  weeklyLayer,
} from '../helpers/scheduleApi.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { addUser } from '../helpers/users.js';

/**
 * Who is on call and the rendered shifts, over REST with a controllable clock, across the
 * spring change in Europe/Berlin (31 March 2024, 02:00 → 03:00).
 */
describe('on-call and shifts over REST', () => {
  let t: TestEngine;
  let admin: Client;
  let viewer: Client;
  let ana: string;
  let ben: string;
  let chloe: string;
  let weekly: any;
  let business: any;
  const clock = { now: Date.parse('2024-03-31T12:00:00Z') };
  const engineClock: Clock = { now: () => clock.now };
  beforeAll(async () => {
    t = await startTestEngine({ clock: engineClock });
    admin = client(t.url);
    ana = String((await addUser(t, 'responder', 'Ana')).user.id);
    ben = String((await addUser(t, 'responder', 'Ben')).user.id);
    chloe = String((await addUser(t, 'responder', 'Chloe')).user.id);
    viewer = client(t.url, (await addUser(t, 'viewer', 'Wall')).token);
    weekly = await createSchedule(admin, scheduleBody([weeklyLayer([ana, ben, chloe])]));
    // Business hours: a daily rotation of Ana and Ben, 09:00–17:00 local, gaps in between.
    business = await createSchedule(
      admin,
      scheduleBody(
        [
          dailyLayer([ana, ben], {
            id: 'biz',
            name: 'Business hours',
            restrictions: [{ kind: 'daily', start: '09:00', end: '17:00' }],
          }),
        ],
        { name: 'Business hours' },
      ),
    );
  });
  afterAll(() => t.dispose());

  const onCall = async (id: string, query = '') => {
    const res = await viewer.get(`/api/v1/schedules/${id}/on-call${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return OnCallResponse.parse(res.body);
  };

  it('answers who is on call now, from which layer, until when and who is next', async () => {
    // Sunday after the change: Ana's week (25 March 09:00 +01:00) runs to Monday 09:00 +02:00.
    expect(await onCall(weekly.id)).toEqual({
      scheduleId: weekly.id,
      version: 1,
      timeZone: 'Europe/Berlin',
      at: '2024-03-31T14:00:00.000+02:00',
      onCall: { userId: ana, name: 'Ana', source: { kind: 'layer', layerId: 'weekly' } },
      until: '2024-04-01T09:00:00.000+02:00',
      next: { userId: ben, name: 'Ben' },
    });
  });

  it('hands off at 09:00 local on both sides of the change as the clock moves', async () => {
    clock.now = Date.parse('2024-04-01T06:59:59.999Z'); // 08:59:59.999 +02:00
    expect((await onCall(weekly.id)).onCall?.userId).toBe(ana);
    clock.now = Date.parse('2024-04-01T07:00:00Z'); // 09:00 +02:00
    const after = await onCall(weekly.id);
    expect(after.onCall?.userId).toBe(ben);
    expect(after.until).toBe('2024-04-08T09:00:00.000+02:00');
    expect(after.next?.userId).toBe(chloe);
    // Before the change the same hand-off was at 08:00Z.
    const before = await onCall(weekly.id, '?at=2024-03-25T07:59:59Z');
    expect(before.onCall?.userId).toBe(chloe);
    expect(before.until).toBe('2024-03-25T09:00:00.000+01:00');
    clock.now = Date.parse('2024-03-31T12:00:00Z');
  });

  it('a gap answers onCall null, and when someone comes on', async () => {
    const gap = await onCall(business.id, '?at=2024-03-31T01:00:00%2B01:00');
    expect(gap).toMatchObject({
      at: '2024-03-31T01:00:00.000+01:00',
      onCall: null,
      until: '2024-03-31T09:00:00.000+02:00',
      next: { userId: ben, name: 'Ben' },
    });
    const working = await onCall(business.id, '?at=2024-03-31T16:59:00%2B02:00');
    expect(working).toMatchObject({
      onCall: { userId: ben, source: { kind: 'layer', layerId: 'biz' } },
      until: '2024-03-31T17:00:00.000+02:00',
      next: null,
    });
  });

  it('renders the lanes with gaps, and an override wins over the layer', async () => {
    const taken = await takeShift(
      client(t.url, (await addUser(t, 'responder')).token),
      business.id,
      1,
      {
        start: '2024-03-31T12:00:00+02:00',
        end: '2024-03-31T20:00:00+02:00',
        userId: chloe,
      },
    );
    expect(taken.status).toBe(201);
    const overrideId = taken.body.override.id;
    const res = await viewer.get(
      `/api/v1/schedules/${business.id}/shifts?from=2024-03-30T00:00:00%2B01:00&to=2024-04-02T00:00:00%2B02:00`,
    );
    expect(res.status).toBe(200);
    const shifts = ShiftsResponse.parse(res.body);
    const layer = { kind: 'layer', layerId: 'biz' };
    const override = { kind: 'override', overrideId };
    const shift = (start: string, end: string, userId: string, source: object) => ({
      kind: 'shift',
      start,
      end,
      userId,
      source,
    });
    const gap = (start: string, end: string) => ({ kind: 'gap', start, end });
    expect(shifts).toMatchObject({
      scheduleId: business.id,
      version: 2,
      timeZone: 'Europe/Berlin',
      from: '2024-03-30T00:00:00.000+01:00',
      to: '2024-04-02T00:00:00.000+02:00',
    });
    expect(shifts.final).toEqual([
      gap('2024-03-30T00:00:00.000+01:00', '2024-03-30T09:00:00.000+01:00'),
      shift('2024-03-30T09:00:00.000+01:00', '2024-03-30T17:00:00.000+01:00', ana, layer),
      gap('2024-03-30T17:00:00.000+01:00', '2024-03-31T09:00:00.000+02:00'),
      shift('2024-03-31T09:00:00.000+02:00', '2024-03-31T12:00:00.000+02:00', ben, layer),
      shift('2024-03-31T12:00:00.000+02:00', '2024-03-31T20:00:00.000+02:00', chloe, override),
      gap('2024-03-31T20:00:00.000+02:00', '2024-04-01T09:00:00.000+02:00'),
      shift('2024-04-01T09:00:00.000+02:00', '2024-04-01T17:00:00.000+02:00', ana, layer),
      gap('2024-04-01T17:00:00.000+02:00', '2024-04-02T00:00:00.000+02:00'),
    ]);
    // The layer's lane shows what the override hides; the overrides lane what it wins.
    expect(shifts.layers).toEqual([
      {
        layerId: 'biz',
        shifts: [
          shift('2024-03-30T09:00:00.000+01:00', '2024-03-30T17:00:00.000+01:00', ana, layer),
          shift('2024-03-31T09:00:00.000+02:00', '2024-03-31T17:00:00.000+02:00', ben, layer),
          shift('2024-04-01T09:00:00.000+02:00', '2024-04-01T17:00:00.000+02:00', ana, layer),
        ],
      },
    ]);
    expect(shifts.overrides).toEqual([
      shift('2024-03-31T12:00:00.000+02:00', '2024-03-31T20:00:00.000+02:00', chloe, override),
    ]);
    const during = await onCall(business.id, '?at=2024-03-31T18:00:00%2B02:00');
    expect(during.onCall).toEqual({ userId: chloe, name: 'Chloe', source: override });
  });

  it('without from and to, shifts cover the week from now', async () => {
    const res = await viewer.get(`/api/v1/schedules/${weekly.id}/shifts`);
    expect(res.body.from).toBe('2024-03-31T14:00:00.000+02:00');
    expect(res.body.to).toBe('2024-04-07T14:00:00.000+02:00');
    expect(res.body.final.map((p: any) => p.userId)).toEqual([ana, ben]);
  });

  it('refuses bad times and ranges with 400 and a sentence', async () => {
    const cases: Array<[string, number, string, string, RegExp]> = [
      ['on-call?at=yesterday', 400, 'invalid_request', 'at', /RFC 3339/],
      ['on-call?at=2024-03-31T09:00:00', 400, 'invalid_request', 'at', /offset/],
      ['on-call?at=2300-01-01T00:00:00Z', 400, 'invalid_request', 'at', /must lie between 1970/],
      ['on-call?when=now', 400, 'invalid_request', 'when', /not valid/],
      ['shifts?from=2024-13-01T00:00:00Z', 400, 'invalid_request', 'from', /RFC 3339/],
      [
        'shifts?from=2024-04-02T00:00:00Z&to=2024-04-01T00:00:00Z',
        400,
        'invalid_request',
        'to',
        /^The end of the range is before its start\.$/,
      ],
      [
        'shifts?from=2024-01-01T00:00:00Z&to=2026-01-03T00:00:00Z',
        400,
        'range_too_large',
        'to',
        /^A range of at most 732 days can be rendered at once; ask for it in parts\.$/,
      ],
      [
        'shifts?from=1960-01-01T00:00:00Z&to=1960-01-02T00:00:00Z',
        400,
        'invalid_request',
        'from',
        /1970/,
      ],
    ];
    for (const [query, status, code, path, message] of cases) {
      const res = await viewer.get(`/api/v1/schedules/${weekly.id}/${query}`);
      expect(res.status, query).toBe(status);
      expect(res.body.error.code, query).toBe(code);
      expect(res.body.error.issues[0].path, query).toBe(path);
      expect(res.body.error.message, query).toMatch(message);
    }
    expect((await viewer.get('/api/v1/schedules/999999/on-call')).status).toBe(404);
  });
});
