import type { StoredSchedule } from '../../shared/api/schedules.js';
import type { AlertSummary } from '../../shared/domain/alert.js';
import type { AlertSource, User } from '../../shared/protocol/messages.js';

/**
 * Plain wire objects for tests (no DOM, no renderer code): the renderer's unit tests and the
 * browser end-to-end tests build their alerts, sources and users here.
 */

/** A fixed clock for the renderer's unit tests: 2026-11-28 09:14:00 UTC. */
export const now = Date.parse('2026-11-28T09:14:00.000Z');

export function alert(id: string, more: Partial<AlertSummary> = {}): AlertSummary {
  return {
    id,
    sourceId: '1',
    alertKey: `key-${id}`,
    state: 'PENDING',
    priority: 'HIGH',
    severity: null,
    summary: `Alert ${id}`,
    origin: 'ilert',
    labels: {},
    links: [],
    eventCount: 1,
    createdAt: `2026-11-28T09:${String(Number(id) % 60).padStart(2, '0')}:00.000Z`,
    updatedAt: '2026-11-28T09:00:00.000Z',
    lastEventAt: '2026-11-28T09:00:00.000Z',
    acceptedAt: null,
    acceptedBy: null,
    resolvedAt: null,
    assigneeId: null,
    ...more,
  };
}

export function source(id: string, name: string): AlertSource {
  return {
    id,
    name,
    escalationPolicyId: null,
    ackTimeoutMinutes: null,
    autoResolveMinutes: null,
    createdAt: '2026-11-20T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
  };
}

export function user(id: string, name: string): User {
  return {
    id,
    name,
    email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
    role: 'responder',
    timeZone: 'UTC',
    createdAt: '2026-11-20T08:00:00.000Z',
  };
}

/** Berlin, a daily rotation handing off at 09:00 local (ana, ben, chloe from 1 March), version 3. */
export const berlinSchedule: StoredSchedule = {
  id: 'noc',
  name: 'NOC primary',
  timeZone: 'Europe/Berlin',
  version: 3,
  layers: [
    {
      id: 'daily',
      name: 'Daily',
      start: '2026-03-01T00:00:00+01:00',
      end: null,
      userIds: ['ana', 'ben', 'chloe'],
      rotation: { anchor: '2026-03-01T09:00:00+01:00', turn: { unit: 'days', length: 1 } },
      restrictions: [],
    },
  ],
  overrides: [],
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
};
