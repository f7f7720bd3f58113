import { describe, expect, it } from 'vitest';
import type { AlertEscalation } from '../../shared/escalation/alertEscalation.js';
import type { StoredEscalationPolicy, StoredSchedule } from '../../shared/protocol/messages.js';
import { createUpcomingSelector } from '../../renderer/views/alertDetail/upcomingSelector.js';
import {
  alert,
  alertChange,
  changesEvent,
  now,
  snapshotEvent,
  source,
  testStore,
} from './fixtures.js';

/**
 * The detail's "if nobody acts" from the store alone (docs/console.md, "Alert detail"): the
 * engine's projection over the replica, following pushed changes, recomputed only for its own.
 */
const ops: StoredSchedule = {
  id: '3',
  name: 'Ops',
  timeZone: 'Europe/Berlin',
  layers: [
    {
      id: 'l',
      name: 'Always Grace',
      start: '2026-01-01T00:00:00Z',
      end: null,
      userIds: ['2'],
      rotation: { anchor: '2026-01-01T00:00:00Z', turn: { unit: 'weeks', length: 1 } },
      restrictions: [],
    },
  ],
  overrides: [],
  version: 1,
  createdAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-20T08:00:00.000Z',
} as StoredSchedule;

const policy = {
  id: '4',
  name: 'Database on-call',
  version: 1,
  repeat: 0,
  levels: [
    { targets: [{ type: 'user', id: '1' }], timeoutMinutes: 15, roundRobin: false },
    { targets: [{ type: 'schedule', id: '3' }], timeoutMinutes: 10, roundRobin: false },
  ],
  createdAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-20T08:00:00.000Z',
} as StoredEscalationPolicy;

const escalation = (more: Partial<AlertEscalation> = {}): AlertEscalation => ({
  alertId: '7',
  policyId: '4',
  next: { level: 1, round: 0, dueAt: '2026-11-28T09:15:00.000Z' },
  last: null,
  steps: 1,
  stopped: null,
  updatedAt: '2026-11-28T09:00:00.000Z',
  ...more,
});

describe('the projection from the store', () => {
  const setup = () => {
    const store = testStore();
    store.getState().applySyncEvents([
      snapshotEvent(1, [alert('7', { createdAt: '2026-11-28T09:00:00.000Z' })], {
        alertSources: [{ ...source('1', 'Prometheus'), escalationPolicyId: '4' }],
        schedules: [ops],
        escalationPolicies: [policy],
        alertEscalations: [escalation()],
      }),
    ]);
    return store;
  };

  it('projects level 2 to whoever is on call in Ops, live, and drops it on accept', () => {
    const store = setup();
    const select = createUpcomingSelector();
    const first = select(store.getState(), '7', now, 'Europe/Berlin');
    expect(first.items.map((i) => i.text)).toEqual([
      'Level 2 at 10:15 → whoever is on call in schedule Ops at that time: Grace Hopper',
      '10:25: escalation ends — nobody accepted after 1 run of the policy',
    ]);
    // The same inputs and clock step: the same object (no re-render).
    expect(select(store.getState(), '7', now + 1000, 'Europe/Berlin')).toBe(first);
    // Another alert's change does not recompute it.
    store.getState().applySyncEvents([changesEvent(2, [alertChange(alert('8'))])]);
    expect(select(store.getState(), '7', now, 'Europe/Berlin')).toBe(first);

    store.getState().applySyncEvents([
      changesEvent(3, [
        alertChange(
          alert('7', {
            state: 'ACCEPTED',
            acceptedAt: '2026-11-28T09:14:00.000Z',
            acceptedBy: '2',
          }),
        ),
        { kind: 'alertEscalation', value: escalation({ next: null }) },
      ]),
    ]);
    expect(select(store.getState(), '7', now, 'Europe/Berlin').items).toEqual([]);
  });

  it('answers nothing for an alert the store does not hold', () => {
    expect(createUpcomingSelector()(setup().getState(), '99', now, 'UTC').items).toEqual([]);
  });
});
