import { expect } from 'vitest';
import type { Client } from './http.js';

/**
 * Request bodies and calls for the schedule API tests (docs/api.md, "On-call schedules"). User
 * ids are the engine's (`"2"`); every instant is written with its offset.
 */

export interface LayerBody {
  id?: string;
  name: string;
  start: string;
  end: string | null;
  userIds: string[];
  rotation: { anchor: string; turn: { unit: 'hours' | 'days' | 'weeks'; length: number } };
  restrictions: unknown[];
}

/** A weekly rotation in Berlin handing off Mondays 09:00 local, from 4 March 2024. */
export function weeklyLayer(userIds: string[], more: Partial<LayerBody> = {}): LayerBody {
  return {
    id: 'weekly',
    name: 'Weekly rotation',
    start: '2024-03-04T00:00:00+01:00',
    end: null,
    userIds,
    rotation: { anchor: '2024-03-04T09:00:00+01:00', turn: { unit: 'weeks', length: 1 } },
    restrictions: [],
    ...more,
  };
}

/** A daily rotation handing off at 09:00 local. */
export function dailyLayer(userIds: string[], more: Partial<LayerBody> = {}): LayerBody {
  return weeklyLayer(userIds, {
    id: 'daily',
    name: 'Daily rotation',
    rotation: { anchor: '2024-03-04T09:00:00+01:00', turn: { unit: 'days', length: 1 } },
    ...more,
  });
}

export function scheduleBody(layers: LayerBody[], more: Record<string, unknown> = {}) {
  return { name: 'NOC primary', timeZone: 'Europe/Berlin', layers, ...more };
}

/** Creates a schedule as admin and returns the answer's body (201 asserted). */
export async function createSchedule(api: Client, body: unknown): Promise<any> {
  const res = await api.post('/api/v1/schedules', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** `PUT` with `If-Match`. */
export function putSchedule(api: Client, id: string, body: unknown, version?: number | string) {
  return api.request('PUT', `/api/v1/schedules/${id}`, body, {
    headers: version === undefined ? {} : { 'if-match': `"${version}"` },
  });
}

/** `POST …/overrides` with `version` in the body. */
export function takeShift(
  api: Client,
  id: string,
  version: number,
  override: { start: string; end: string; userId: string },
) {
  return api.post(`/api/v1/schedules/${id}/overrides`, { ...override, version });
}
