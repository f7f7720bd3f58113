import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../engine/clock.js';
import { renderSchedule } from '../../shared/schedule/scheduleResolver.js';
import type { Schedule } from '../../shared/schedule/scheduleModel.js';
import type { Shift } from '../../shared/schedule/shifts.js';
import { client, type Client } from '../helpers/http.js';
import {
  createSchedule,
  dailyLayer,
  putSchedule,
  scheduleBody,
  takeShift,
  weeklyLayer,
} from '../helpers/scheduleApi.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';
import { addUser, type TestUser } from '../helpers/users.js';

interface ParsedEvent {
  uid: string;
  summary: string;
  start: number;
  end: number;
  sequence: number;
}

/** Reads an .ics document with Mozilla's ical.js, as Thunderbird does. */
function readCalendar(text: string): { name: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().getTime(),
      end: event.endDate.toJSDate().getTime(),
      sequence: event.sequence,
    };
  });
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname')), events };
}

/** The model of a schedule as the API answers it (without the engine's own fields). */
const modelOf = (s: any): Schedule => ({
  id: s.id,
  name: s.name,
  timeZone: s.timeZone,
  layers: s.layers,
  overrides: s.overrides,
  version: s.version,
});

/**
 * The iCalendar feeds: a real parser reads back exactly the shifts renderSchedule gives, across
 * the spring change in Europe/Berlin; secret addresses work without a bearer token, and stop
 * working when replaced or revoked.
 */
describe('calendar feeds (.ics)', () => {
  let t: TestEngine;
  let admin: Client;
  let ana: TestUser;
  let ben: TestUser;
  let chloe: TestUser;
  let noc: any;
  let nights: any;
  // The feed window is the previous month to six months ahead: 1 February to 1 October 2024.
  const clock = { now: Date.parse('2024-03-20T10:00:00Z') };
  const engineClock: Clock = { now: () => clock.now };
  const window = { from: Date.UTC(2024, 1, 1), to: Date.UTC(2024, 9, 1) };
  const fetchText = async (url: string, headers: Record<string, string> = {}) => {
    const res = await fetch(url, { headers });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };

  beforeAll(async () => {
    t = await startTestEngine({ clock: engineClock });
    admin = client(t.url);
    ana = await addUser(t, 'responder', 'Ana Lopez');
    ben = await addUser(t, 'responder', 'Ben, the "night" owl');
    chloe = await addUser(t, 'viewer', 'Chloe');
    const ids = [ana, ben, chloe].map((u) => String(u.user.id));
    noc = await createSchedule(admin, scheduleBody([weeklyLayer(ids)]));
    // Chloe takes Ana's Sunday, the day the clocks change.
    noc = (
      await takeShift(admin, noc.id, 1, {
        start: '2024-03-31T00:00:00+01:00',
        end: '2024-04-01T00:00:00+02:00',
        userId: ids[2]!,
      })
    ).body.schedule;
    nights = await createSchedule(
      admin,
      scheduleBody(
        [
          dailyLayer([ids[0]!, ids[1]!], {
            restrictions: [{ kind: 'daily', start: '22:00', end: '02:30' }],
          }),
        ],
        { name: 'Nights' },
      ),
    );
  });
  afterAll(() => t.dispose());

  async function feedUrl(api: Client, path: string): Promise<string> {
    const res = await api.post(path);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.webcalUrl).toBe(res.body.url.replace(/^http:/, 'webcal:'));
    return res.body.url;
  }

  it('a schedule feed reads back exactly the rendered shifts, DST included', async () => {
    const url = await feedUrl(admin, `/api/v1/schedules/${noc.id}/calendar-feed`);
    expect(url).toMatch(
      new RegExp(`^${t.url}/api/v1/schedules/${noc.id}/calendar\\.ics\\?token=ncal_[\\w-]{43}$`),
    );
    const res = await fetchText(url);
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/calendar; charset=utf-8');
    expect(res.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    // UTC instants only: no VTIMEZONE for Outlook to miss, no local times to misread.
    expect(res.text).not.toMatch(/TZID|VTIMEZONE|RRULE/);
    expect(res.text).toMatch(/\r\nDTSTART:20240325T080000Z\r\n/);
    const { name, events } = readCalendar(res.text);
    expect(name).toBe('On call: NOC primary');
    const names = new Map([ana, ben, chloe].map((u) => [String(u.user.id), u.user.name]));
    const expected = renderSchedule(modelOf(noc), window.from, window.to).final.filter(
      (p): p is Shift => p.kind === 'shift',
    );
    expect(expected.length).toBeGreaterThan(20);
    expect(events.map(({ summary, start, end }) => ({ summary, start, end }))).toEqual(
      expected.map((s) => ({
        summary: `On call: ${names.get(s.userId)}`,
        start: s.start,
        end: s.end,
      })),
    );
    // Ana's week before the change lasts 167 hours; Chloe's override covers the 23-hour Sunday.
    const hours = (e: ParsedEvent) => (e.end - e.start) / 3_600_000;
    const anaWeek = events.find((e) => e.start === Date.parse('2024-03-25T08:00:00Z'))!;
    expect([anaWeek.summary, new Date(anaWeek.end).toISOString()]).toEqual([
      'On call: Ana Lopez',
      '2024-03-30T23:00:00.000Z',
    ]);
    const sunday = events.find((e) => e.start === Date.parse('2024-03-30T23:00:00Z'))!;
    expect([sunday.summary, hours(sunday)]).toEqual(['On call: Chloe', 23]);
    const rest = events.find((e) => e.start === Date.parse('2024-03-31T22:00:00Z'))!;
    expect([rest.summary, new Date(rest.end).toISOString()]).toEqual([
      'On call: Ana Lopez',
      '2024-04-01T07:00:00.000Z',
    ]);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it('keeps UIDs across refreshes and changes, so calendar apps update instead of duplicating', async () => {
    const url = await feedUrl(admin, `/api/v1/schedules/${nights.id}/calendar-feed`);
    const before = readCalendar((await fetchText(url)).text).events;
    clock.now = Date.parse('2024-03-28T10:00:00Z'); // same month: same window
    expect(readCalendar((await fetchText(url)).text).events).toEqual(before);
    const renamed = await putSchedule(admin, nights.id, { ...nights, name: 'Night shift' }, 1);
    expect(renamed.status).toBe(200);
    const after = readCalendar((await fetchText(url)).text);
    expect(after.name).toBe('On call: Night shift');
    expect(after.events.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(after.events.every((e) => e.sequence === 2)).toBe(true);
    // The 22:00–02:30 window ends at 03:00 on the night the clock skips 02:30.
    const night = after.events.find((e) => e.start === Date.parse('2024-03-30T21:00:00Z'))!;
    expect(new Date(night.end).toISOString()).toBe('2024-03-31T01:00:00.000Z');
    clock.now = Date.parse('2024-03-20T10:00:00Z');
  });

  it('a user feed has that user’s shifts in every schedule', async () => {
    const url = await feedUrl(
      client(t.url, ana.token),
      `/api/v1/users/${ana.user.id}/calendar-feed`,
    );
    expect(url).toContain(`/api/v1/users/${ana.user.id}/shifts.ics?token=`);
    const { name, events } = readCalendar((await fetchText(url)).text);
    expect(name).toBe('On call: Ana Lopez');
    const current = [
      (await admin.get(`/api/v1/schedules/${noc.id}`)).body,
      (await admin.get(`/api/v1/schedules/${nights.id}`)).body,
    ];
    const expected = current
      .flatMap((s) =>
        renderSchedule(modelOf(s), window.from, window.to)
          .final.filter((p): p is Shift => p.kind === 'shift' && p.userId === String(ana.user.id))
          .map((p) => ({
            summary: `On call: ${s.name}`,
            start: p.start,
            end: p.end,
            id: Number(s.id),
          })),
      )
      .sort((a, b) => a.start - b.start || a.id - b.id)
      .map(({ id: _id, ...rest }) => rest);
    expect(events.map(({ summary, start, end }) => ({ summary, start, end }))).toEqual(expected);
    expect(events.some((e) => e.summary === 'On call: NOC primary')).toBe(true);
    expect(events.some((e) => e.summary === 'On call: Night shift')).toBe(true);
  });

  it('a secret opens only its feed; a new secret or a revoked one locks the old address', async () => {
    const first = await feedUrl(admin, `/api/v1/schedules/${noc.id}/calendar-feed`);
    expect((await fetchText(first)).status).toBe(200);
    const second = await feedUrl(admin, `/api/v1/schedules/${noc.id}/calendar-feed`);
    const old = await fetchText(first);
    expect(old.status).toBe(401);
    expect(JSON.parse(old.text).error.code).toBe('unauthorized');
    expect(JSON.parse(old.text).error.message).toMatch(/calendar address is not valid/);
    expect((await fetchText(second)).status).toBe(200);
    // Another person's address for the same schedule is theirs: unaffected.
    const chloes = await feedUrl(
      client(t.url, chloe.token),
      `/api/v1/schedules/${noc.id}/calendar-feed`,
    );
    const secret = new URL(second).searchParams.get('token')!;
    const elsewhere = `${t.url}/api/v1/schedules/${nights.id}/calendar.ics?token=${secret}`;
    expect((await fetchText(elsewhere)).status).toBe(401);
    expect(
      (await fetchText(`${t.url}/api/v1/schedules/${noc.id}/calendar.ics?token=ncal_nope`)).status,
    ).toBe(401);
    const revoked = await admin.delete(`/api/v1/schedules/${noc.id}/calendar-feed`);
    expect(revoked.body).toEqual({ revoked: true });
    expect((await admin.delete(`/api/v1/schedules/${noc.id}/calendar-feed`)).body).toEqual({
      revoked: false,
    });
    expect((await fetchText(second)).status).toBe(401);
    expect((await fetchText(chloes)).status).toBe(200);
  });

  it('without a secret the feed needs a bearer token', async () => {
    const path = `${t.url}/api/v1/schedules/${noc.id}/calendar.ics`;
    expect((await fetchText(path)).status).toBe(401);
    const withBearer = await fetchText(path, { authorization: `Bearer ${chloe.token}` });
    expect(withBearer.status).toBe(200);
    expect(readCalendar(withBearer.text).events.length).toBeGreaterThan(20);
    const missing = await fetchText(`${t.url}/api/v1/schedules/999999/calendar.ics`, {
      authorization: `Bearer ${chloe.token}`,
    });
    expect(missing.status).toBe(404);
    const extra = await fetchText(`${path}?token=x&foo=1`);
    expect(extra.status).toBe(400);
  });

  it('a user feed is managed by that user or an admin; it dies with its owner', async () => {
    const asBen = client(t.url, ben.token);
    expect((await asBen.post(`/api/v1/users/${ana.user.id}/calendar-feed`)).status).toBe(403);
    expect((await admin.post('/api/v1/users/999999/calendar-feed')).status).toBe(404);
    const byAdmin = await feedUrl(admin, `/api/v1/users/${ana.user.id}/calendar-feed`);
    expect((await fetchText(byAdmin)).status).toBe(200);
    const leaving = await addUser(t, 'viewer', 'Leaving');
    const theirs = await feedUrl(
      client(t.url, leaving.token),
      `/api/v1/users/${leaving.user.id}/calendar-feed`,
    );
    expect(readCalendar((await fetchText(theirs)).text).events).toEqual([]);
    expect((await admin.delete(`/api/v1/users/${leaving.user.id}`)).status).toBe(200);
    expect((await fetchText(theirs)).status).toBe(401);
  });

  it('deleting a schedule revokes its feeds', async () => {
    const s = await createSchedule(
      admin,
      scheduleBody([weeklyLayer([String(ana.user.id)])], { name: 'Temp' }),
    );
    const url = await feedUrl(admin, `/api/v1/schedules/${s.id}/calendar-feed`);
    expect((await fetchText(url)).status).toBe(200);
    expect((await admin.delete(`/api/v1/schedules/${s.id}?version=1`)).status).toBe(200);
    expect((await fetchText(url)).status).toBe(401);
    expect((await admin.post(`/api/v1/schedules/${s.id}/calendar-feed`)).status).toBe(404);
  });
});
