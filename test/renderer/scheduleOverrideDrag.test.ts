import { describe, expect, it } from 'vitest';
import type { ScheduleResponse } from '../../shared/api/schedules.js';
import type { Schedule } from '../../shared/schedule/index.js';
import type { ScheduleTransport } from '../../renderer/transport/scheduleTransport.js';
import type { TransportResult } from '../../renderer/transport/transport.js';
import {
  dragModeAt,
  draggedRange,
  overrideToDrag,
  sameRange,
} from '../../renderer/views/schedules/overrideDrag.js';
import {
  draftOverrideId,
  renderCalendar,
  withDraftOverride,
} from '../../renderer/views/schedules/overridePreview.js';
import { replaceOverride } from '../../renderer/views/schedules/overrideSaving.js';

const at = (iso: string) => Date.parse(iso);
const zone = 'Europe/Berlin';
const min = 60_000;

/** Ana all the time; Dev's override on Monday 30 March, 12:00–18:00 Berlin (after the change). */
const schedule: Schedule = {
  id: 'noc',
  name: 'NOC',
  timeZone: zone,
  version: 7,
  layers: [
    {
      id: 'all',
      name: 'All',
      start: '2026-03-01T00:00:00+01:00',
      end: null,
      userIds: ['ana'],
      rotation: { anchor: '2026-03-01T09:00:00+01:00', turn: { unit: 'weeks', length: 1 } },
      restrictions: [],
    },
  ],
  overrides: [
    {
      id: 'ovr-1',
      start: '2026-03-30T12:00:00+02:00',
      end: '2026-03-30T18:00:00+02:00',
      userId: 'dev',
      createdAt: '2026-03-20T10:00:00Z',
    },
  ],
};
const original = { start: at('2026-03-30T12:00:00+02:00'), end: at('2026-03-30T18:00:00+02:00') };

describe('dragging an override', () => {
  it('resizes from an edge and moves from the middle; narrow blocks are gripped by quarters', () => {
    expect(dragModeAt(3, 200)).toBe('start');
    expect(dragModeAt(195, 200)).toBe('end');
    expect(dragModeAt(100, 200)).toBe('move');
    expect(dragModeAt(6, 20)).toBe('move');
    expect(dragModeAt(4, 20)).toBe('start');
  });

  it('moves by the pointer’s travel snapped to the wall clock, keeping the length', () => {
    const grabbed = at('2026-03-30T14:00:00+02:00');
    const moved = draggedRange(original, 'move', grabbed, grabbed + 97 * min, 15, zone);
    expect(moved).toEqual({
      start: at('2026-03-30T13:30:00+02:00'),
      end: at('2026-03-30T19:30:00+02:00'),
    });
  });

  it('keeps the real length across the spring change (8 hours stay 8 hours)', () => {
    const shift = { start: at('2026-03-29T12:00:00+02:00'), end: at('2026-03-29T20:00:00+02:00') };
    const back = draggedRange(shift, 'move', 0, -12 * 60 * min, 30, zone);
    expect(back).toEqual({
      // 12 real hours back, over the hour the clocks skip: 23:00 CET, and 8 hours later 08:00 CEST.
      start: at('2026-03-28T23:00:00+01:00'),
      end: at('2026-03-29T08:00:00+02:00'),
    });
  });

  it('resizes one edge, never past the other: at least one step is left', () => {
    const start = draggedRange(original, 'start', 0, -44 * min, 30, zone);
    expect(start).toEqual({ start: at('2026-03-30T11:30:00+02:00'), end: original.end });
    const end = draggedRange(original, 'end', 0, 2 * 60 * min + 10 * min, 30, zone);
    expect(end).toEqual({ start: original.start, end: at('2026-03-30T20:00:00+02:00') });
    const crossed = draggedRange(original, 'start', 0, 9 * 60 * min, 30, zone);
    expect(crossed).toEqual({ start: original.end - 30 * min, end: original.end });
    const inverted = draggedRange(original, 'end', 0, -9 * 60 * min, 60, zone);
    expect(inverted).toEqual({ start: original.start, end: original.start + 60 * min });
    expect(sameRange(draggedRange(original, 'move', 0, 5 * min, 30, zone), original)).toBe(true);
  });

  it('finds the override behind a block: a saved one, or the draft', () => {
    expect(overrideToDrag('ovr-1', schedule.overrides, null, draftOverrideId)).toEqual({
      id: 'ovr-1',
      ...original,
      userId: 'dev',
    });
    const draft = { start: 1, end: 2, userId: 'eve' };
    expect(overrideToDrag(draftOverrideId, [], draft, draftOverrideId)).toEqual({
      id: draftOverrideId,
      ...draft,
    });
    expect(overrideToDrag('gone', schedule.overrides, draft, draftOverrideId)).toBeNull();
  });
});

describe('previewing and saving a changed override', () => {
  const moved = {
    start: at('2026-03-30T14:00:00+02:00'),
    end: at('2026-03-30T20:00:00+02:00'),
    userId: 'dev',
    replaces: 'ovr-1',
  };

  it('previews the final lane without the old override and with the changed one', () => {
    expect(withDraftOverride(schedule, moved).overrides.map((o) => o.id)).toEqual([
      draftOverrideId,
    ]);
    const rendered = renderCalendar(schedule, original.start, moved.end, moved);
    if (rendered instanceof Error) throw rendered;
    expect(rendered.final.map((p) => [p.kind === 'shift' ? p.userId : null, p.start])).toEqual([
      ['ana', original.start],
      ['dev', moved.start],
    ]);
  });

  const stored = {
    ...schedule,
    createdAt: '2026-03-01T00:00:00Z',
    updatedAt: '2026-03-20T10:00:00Z',
  };
  const fake = (deleted: TransportResult<ScheduleResponse>, created: boolean) => {
    const calls: unknown[] = [];
    const transport: ScheduleTransport = {
      deleteOverride: async (...args) => (calls.push(['delete', ...args]), deleted),
      createOverride: async (...args) => {
        calls.push(['create', ...args]);
        return created
          ? {
              ok: true,
              value: {
                override: schedule.overrides[0]!,
                schedule: { ...stored, version: 9, problems: [] },
              },
            }
          : { ok: false, error: { code: 'version_conflict', message: 'Changed.', status: 409 } };
      },
    };
    return { transport, calls };
  };
  const afterDelete: TransportResult<ScheduleResponse> = {
    ok: true,
    value: { ...stored, version: 8, overrides: [], problems: [] },
  };

  it('deletes the old one at the version held, then creates the new one at the next', async () => {
    const { transport, calls } = fake(afterDelete, true);
    const outcome = await replaceOverride(transport, stored, 'ovr-1', moved);
    expect(outcome).toEqual({
      state: { kind: 'saved', message: 'Override changed.' },
      deleted: true,
    });
    expect(calls).toEqual([
      ['delete', 'noc', 'ovr-1', 7],
      [
        'create',
        'noc',
        {
          start: '2026-03-30T14:00:00+02:00',
          end: '2026-03-30T20:00:00+02:00',
          userId: 'dev',
          version: 8,
        },
      ],
    ]);
  });

  it('changes nothing on a 409, and says so when the old one went but the new one did not', async () => {
    const conflict = fake(
      { ok: false, error: { code: 'version_conflict', message: 'x', status: 409 } },
      true,
    );
    const refused = await replaceOverride(conflict.transport, stored, 'ovr-1', moved);
    expect(refused).toMatchObject({ state: { kind: 'conflict' }, deleted: false });
    expect(conflict.calls).toHaveLength(1);
    const halfway = await replaceOverride(
      fake(afterDelete, false).transport,
      stored,
      'ovr-1',
      moved,
    );
    expect(halfway.deleted).toBe(true);
    expect(halfway.state.kind).toBe('error');
    expect(halfway.state.kind === 'error' && halfway.state.message).toContain(
      'The old override was deleted, but the changed one was not saved',
    );
  });
});
