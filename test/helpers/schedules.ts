import { DateTime } from 'luxon';
import type { Layer, Override, Schedule } from '../../shared/schedule/scheduleModel.js';
import type { Gap, Shift } from '../../shared/schedule/shifts.js';

/** Builders and readers for schedule tests: every instant explicit, every zone named. */

/** Epoch ms of a local wall-clock time in `zone` (`2024-03-31T09:00`); throws if it does not exist. */
export function local(text: string, zone: string): number {
  const dt = DateTime.fromISO(text, { zone });
  if (!dt.isValid || dt.toFormat("yyyy-MM-dd'T'HH:mm") !== text.slice(0, 16)) {
    throw new Error(`${text} does not exist in ${zone}`);
  }
  return dt.toMillis();
}

/** Epoch ms of an RFC 3339 instant. */
export const ms = (iso: string): number => Date.parse(iso);

/** `ms` as local `yyyy-MM-dd HH:mm` in `zone`, with the offset: easy to read in a failure. */
export function wall(t: number, zone: string): string {
  return DateTime.fromMillis(t, { zone }).toFormat('yyyy-MM-dd HH:mm ZZ');
}

export function layer(fields: Partial<Layer> & Pick<Layer, 'id'>): Layer {
  return {
    name: fields.id,
    start: '2020-01-01T00:00:00Z',
    end: null,
    userIds: ['alice', 'bob', 'carol'],
    rotation: { anchor: '2024-01-01T09:00:00Z', turn: { unit: 'weeks', length: 1 } },
    restrictions: [],
    ...fields,
  };
}

export function override(
  id: string,
  userId: string,
  start: string,
  end: string,
  createdAt = '2024-01-01T00:00:00Z',
): Override {
  return { id, userId, start, end, createdAt };
}

export function schedule(
  timeZone: string,
  layers: readonly Layer[],
  overrides: readonly Override[] = [],
): Schedule {
  return { id: 'sched', name: 'Test schedule', timeZone, layers, overrides, version: 1 };
}

/** Pieces as `from → to user (source)` lines in `zone`, for whole-list assertions. */
export function lines(pieces: readonly (Shift | Gap)[], zone: string): string[] {
  return pieces.map((p) => {
    const span = `${wall(p.start, zone)} → ${wall(p.end, zone)}`;
    if (p.kind === 'gap') return `${span} gap`;
    const source = p.source.kind === 'layer' ? p.source.layerId : `override ${p.source.overrideId}`;
    return `${span} ${p.userId} (${source})`;
  });
}
