import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../shared/escalation/timelineModel.js';
import { zoneLabel, timeWithAge } from '../../renderer/views/alertDetail/detailFormat.js';
import { detailKey, isTypingTarget } from '../../renderer/views/alertDetail/detailKeys.js';
import {
  buildTimelineRows,
  escalationHistory,
  notificationTone,
  quietReason,
  untilText,
} from '../../renderer/views/alertDetail/timelineRows.js';
import { now } from './fixtures.js';

/** The detail's timeline rows, keys and formats (docs/console.md, "Alert detail"). */

const system = { type: 'system' as const };
const grace = { type: 'user' as const, id: '2', name: 'Grace Hopper' };

const happened: TimelineEntry[] = [
  {
    at: '2026-11-28T09:00:00.000Z',
    kind: 'created',
    actor: { type: 'integration', sourceId: '1', format: 'ilert' },
    text: 'Created by an ilert event',
  },
  {
    at: '2026-11-28T09:00:00.000Z',
    kind: 'escalated',
    actor: system,
    text: 'Escalated to level 1: Ada Lovelace via console now',
    step: {
      level: 0,
      round: 0,
      dueAt: '2026-11-28T09:00:00.000Z',
      at: '2026-11-28T09:00:00.000Z',
      recipients: [{ userId: '1', name: 'Ada Lovelace', via: { type: 'user' } }],
      notifications: [{ userId: '1', channel: 'console', dueAt: '2026-11-28T09:00:00.000Z' }],
      roundRobin: false,
    },
  },
  {
    at: '2026-11-28T09:00:01.000Z',
    kind: 'notification',
    actor: system,
    text: 'Console notification to Ada Lovelace delivered to 1 console',
  },
  { at: '2026-11-28T09:05:00.000Z', kind: 'comment', actor: grace, text: 'Looking' },
  {
    at: '2026-11-28T09:06:00.000Z',
    kind: 'accepted',
    actor: grace,
    text: 'Accepted by Grace Hopper',
  },
];

describe('timeline rows', () => {
  it('reads the history as time, title and who, in the viewer’s zone, without comments', () => {
    const rows = buildTimelineRows(escalationHistory(happened), [], now, 'Europe/Berlin');
    expect(
      rows.past.map((r) => `${r.time} ${r.icon} ${r.title} · ${r.who ?? '-'} (${r.tone})`),
    ).toEqual([
      '10:00 ✚ Created · an ilert event (neutral)',
      '10:00 ⇧ Level 1 · Ada Lovelace (neutral)',
      '10:00 ✉ Notification · - (good)',
      '10:06 ◆ Accepted · Grace Hopper (good)',
    ]);
    // The same instants in UTC; a day that is not today's carries its date.
    const utc = buildTimelineRows(
      happened.slice(0, 1),
      [],
      Date.parse('2026-11-29T12:00:00Z'),
      'UTC',
    );
    expect(utc.past[0]!.time).toBe('2026-11-28 09:00');
  });

  it('says what became of a notification', () => {
    expect(notificationTone('Notifying Ada Lovelace by email in 5 min')).toBe('neutral');
    expect(notificationTone('Email to ada@x.test delivered: 250 OK')).toBe('good');
    expect(
      notificationTone('Webhook to h.example failed (attempt 1 of 8): HTTP 503 — retrying in 7 s'),
    ).toBe('warn');
    expect(notificationTone('Webhook to h.example failed: HTTP 404 — not retried')).toBe('bad');
    expect(notificationTone('Email to Ada Lovelace not sent: no address')).toBe('warn');
  });

  it('marks upcoming levels with whom they reach, and warns when nobody is reachable', () => {
    const rows = buildTimelineRows(
      [],
      [
        {
          at: '2026-11-28T09:15:00.000Z',
          kind: 'level',
          level: 1,
          round: 0,
          roundRobin: false,
          text: 'Level 2 at 10:15 → …',
          recipients: [
            {
              userId: '2',
              name: 'Grace Hopper',
              via: { type: 'schedule', scheduleId: '3', scheduleName: 'Ops' },
            },
          ],
        },
        {
          at: '2026-11-28T09:25:00.000Z',
          kind: 'level',
          level: 0,
          round: 1,
          roundRobin: false,
          text: 'Level 1 (repeat 1) at 10:25 reaches nobody',
          recipients: [],
        },
        {
          at: '2026-11-28T09:25:00.000Z',
          kind: 'nobody_reachable',
          text: '10:25: escalation ends — no level reaches anyone',
        },
      ],
      now,
      'Europe/Berlin',
    );
    expect(rows.upcoming.map((r) => `${r.time} ${r.title} · ${r.who ?? '-'} (${r.tone})`)).toEqual([
      '10:15 Level 2 · Grace Hopper (next)',
      '10:25 Level 1 (repeat 1): nobody reachable · - (bad)',
      '10:25 Nobody reachable · - (bad)',
    ]);
    expect(untilText(Date.parse('2026-11-28T09:15:00Z'), now)).toBe('in 1 min');
    expect(untilText(now + 125 * 60_000, now)).toBe('in 2 h 05 min');
    expect(untilText(now - 1, now)).toBe('now');
  });

  it('says why nothing is projected', () => {
    expect(quietReason({ state: 'ACCEPTED', priority: 'HIGH' }, true, null)).toMatch(/^Accepted/);
    expect(quietReason({ state: 'PENDING', priority: 'LOW' }, true, null)).toMatch(/LOW/);
    expect(quietReason({ state: 'PENDING', priority: 'HIGH' }, false, null)).toMatch(
      /no escalation policy/,
    );
  });
});

describe('the detail’s keys and formats', () => {
  it('maps a, r, c and Escape, leaving modified keys and typing alone', () => {
    expect(['a', 'r', 'c', 'Escape', 'x'].map((key) => detailKey({ key }))).toEqual([
      'accept',
      'resolve',
      'comment',
      'back',
      null,
    ]);
    expect(detailKey({ key: 'a', ctrlKey: true })).toBeNull();
    expect(isTypingTarget({ tagName: 'TEXTAREA' }, 'a')).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' }, 'a')).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' }, 'Enter')).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV' }, 'a')).toBe(false);
  });

  it('names the zone and gives times with ages', () => {
    expect(zoneLabel('UTC', now)).toBe('UTC');
    expect(zoneLabel('Europe/Berlin', now)).toBe('Europe/Berlin (CET)');
    expect(zoneLabel('Europe/Berlin', Date.parse('2026-07-01T00:00:00Z'))).toBe(
      'Europe/Berlin (CEST)',
    );
    expect(timeWithAge('2026-11-28T09:00:00.000Z', now, 'Europe/Berlin')).toBe(
      '2026-11-28 10:00 · 14m ago',
    );
    expect(timeWithAge(null, now, 'UTC')).toBe('—');
  });
});
