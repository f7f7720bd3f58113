import { describe, expect, it } from 'vitest';
import { berlinSchedule } from '../helpers/wireFixtures.js';
import type { Schedule } from '../../shared/schedule/index.js';
import { onCallAt } from '../../shared/schedule/index.js';
import { calendarWindow } from '../../renderer/views/schedules/calendarWindow.js';
import { layoutLane } from '../../renderer/views/schedules/laneLayout.js';
import { onCallNow, upcomingShifts } from '../../renderer/views/schedules/upcomingShifts.js';
import {
  draftOverrideId,
  draftProblem,
  isDraftPiece,
  renderCalendar,
  resolverFor,
  withDraftOverride,
} from '../../renderer/views/schedules/overridePreview.js';
import {
  conflictMessage,
  deleteOverride,
  saveOverrideDraft,
} from '../../renderer/views/schedules/overrideSaving.js';
import { completeDraft } from '../../renderer/views/schedules/useOverrideEditor.js';
import type { ScheduleTransport } from '../../renderer/transport/scheduleTransport.js';

const at = (iso: string) => Date.parse(iso);

/** Berlin, a daily rotation handing off at 09:00 local: Ana, Ben, Chloe (Ana on 1 March). */
const berlin: Schedule = {
  ...berlinSchedule,
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

describe('the calendar of a schedule across the spring change', () => {
  it('hands off at 09:00 local on both sides, the Sunday turn lasting 23 hours', () => {
    const win = calendarWindow('week', at('2026-03-29T12:00:00Z'), 'Europe/Berlin');
    const rendered = renderCalendar(berlin, win.from, win.to, null);
    if (rendered instanceof Error) throw rendered;
    const final = rendered.final.filter((p) => p.kind === 'shift');
    const saturday = final.find((p) => p.start === at('2026-03-28T09:00:00+01:00'));
    expect(saturday).toMatchObject({ userId: 'ana', end: at('2026-03-29T09:00:00+02:00') });
    expect(saturday!.end - saturday!.start).toBe(23 * 3_600_000);
    const sunday = final.find((p) => p.start === at('2026-03-29T09:00:00+02:00'));
    expect(sunday).toMatchObject({ userId: 'ben' });
    // Laid out on the 167-hour week, the 23-hour turn is 23/167 of the width.
    const block = layoutLane(rendered.final, win.from, win.to).find(
      (b) => b.userId === 'ana' && b.start === saturday!.start,
    );
    expect(block!.widthPct).toBeCloseTo((23 / 167) * 100, 9);
  });
});

describe('the override preview', () => {
  const draft = {
    start: at('2026-03-29T08:00:00+02:00'),
    end: at('2026-03-29T20:00:00+02:00'),
    userId: 'dev',
  };

  it('adds the draft as the newest override, leaving the schedule itself alone', () => {
    const previewed = withDraftOverride(berlin, draft);
    expect(previewed.overrides).toHaveLength(2);
    const added = previewed.overrides[1]!;
    expect(added.id).toBe(draftOverrideId);
    expect(Date.parse(added.createdAt)).toBeGreaterThan(Date.parse('2026-03-20T10:00:00Z'));
    expect(berlin.overrides).toHaveLength(1);
  });

  it('shows the final lane as it will be once saved, computed by shared/schedule', () => {
    const win = calendarWindow('day', at('2026-03-29T12:00:00Z'), 'Europe/Berlin');
    const before = renderCalendar(berlin, win.from, win.to, null);
    const after = renderCalendar(berlin, win.from, win.to, draft);
    if (before instanceof Error || after instanceof Error) throw new Error('render failed');
    expect(before.final.some(isDraftPiece)).toBe(false);
    const preview = after.final.filter(isDraftPiece);
    expect(preview).toEqual([
      {
        kind: 'shift',
        start: draft.start,
        end: draft.end,
        userId: 'dev',
        source: { kind: 'override', overrideId: draftOverrideId },
      },
    ]);
    // Around it, the rotation as before: Ana until 08:00, Ben from 20:00.
    expect(after.final.map((p) => (p.kind === 'shift' ? p.userId : 'gap'))).toEqual([
      'ana',
      'dev',
      'ben',
    ]);
    // The preview equals what the engine's resolution says once the override is stored.
    const saved = withDraftOverride(berlin, draft);
    expect(onCallAt(saved, at('2026-03-29T12:00:00+02:00'))?.userId).toBe('dev');
    expect(after.overrides.filter(isDraftPiece)).toHaveLength(1);
  });

  it('explains what is missing from a draft', () => {
    const users = new Set(['ana', 'dev']);
    expect(draftProblem({}, users)).toBe('Choose when the override starts.');
    expect(draftProblem({ start: 10, end: 5, userId: 'dev' }, users)).toBe(
      'The override must end after it starts.',
    );
    expect(draftProblem({ start: 1, end: 5, userId: '' }, users)).toBe(
      'Choose who takes the shift.',
    );
    expect(draftProblem({ start: 1, end: 5, userId: 'zed' }, users)).toMatch(/no longer exists/);
    expect(draftProblem({ start: 1, end: 5, userId: 'dev' }, users)).toBeNull();
    expect(completeDraft({ start: 1, end: null, userId: 'dev' })).toBeNull();
    expect(completeDraft({ start: 1, end: 2, userId: 'dev' })).toEqual({
      start: 1,
      end: 2,
      userId: 'dev',
    });
  });

  it('keeps one resolver per schedule object, and reports a zone it cannot resolve', () => {
    expect(resolverFor(berlin)).toBe(resolverFor(berlin));
    const unknown = { ...berlin, timeZone: 'Mars/Olympus_Mons' };
    expect(resolverFor(unknown)).toBeInstanceOf(Error);
    expect(renderCalendar(unknown, 0, 1000, null)).toBeInstanceOf(Error);
  });
});

describe('my shifts and on call now', () => {
  const now = at('2026-03-29T12:00:00+02:00');

  it('lists a user’s shifts across schedules, the current one first, with its real start', () => {
    const other: Schedule = { ...berlin, id: 'db', name: 'Database', overrides: [] };
    const shifts = upcomingShifts([berlin, other], 'ben', now, 4 * 86_400_000);
    expect(shifts.map((s) => [s.scheduleId, new Date(s.start).toISOString(), s.current])).toEqual([
      ['db', '2026-03-29T07:00:00.000Z', true],
      ['noc', '2026-03-29T07:00:00.000Z', true],
      ['db', '2026-04-01T07:00:00.000Z', false],
      ['noc', '2026-04-01T07:00:00.000Z', false],
    ]);
    const dev = upcomingShifts([berlin], 'dev', now, 4 * 86_400_000);
    expect(dev).toHaveLength(1);
    expect(dev[0]!.source).toEqual({ kind: 'override', overrideId: 'ovr-1' });
  });

  it('says who is on call now, until when and who is next', () => {
    expect(onCallNow(berlin, now)).toEqual({
      userId: 'ben',
      until: at('2026-03-30T09:00:00+02:00'),
      next: 'chloe',
    });
  });
});

describe('saving an override', () => {
  const stored = {
    ...berlin,
    createdAt: '2026-03-01T00:00:00Z',
    updatedAt: '2026-03-20T10:00:00Z',
  };
  const draft = {
    start: at('2026-03-29T13:00:00+02:00'),
    end: at('2026-03-29T19:00:00+02:00'),
    userId: 'dev',
  };
  const fake = (answer: Awaited<ReturnType<ScheduleTransport['createOverride']>>) => {
    const calls: unknown[] = [];
    const transport: ScheduleTransport = {
      createOverride: async (...args) => {
        calls.push(args);
        return answer;
      },
      deleteOverride: async (...args) => {
        calls.push(args);
        return answer.ok ? { ok: true, value: { ...stored, problems: [] } } : answer;
      },
    };
    return { transport, calls };
  };

  it('sends the draft in the schedule’s zone with the version the console holds', async () => {
    const { transport, calls } = fake({
      ok: true,
      value: {
        override: { id: 'ovr-2', start: '', end: '', userId: 'dev', createdAt: '' },
        schedule: { ...stored, version: 4, problems: [] },
      },
    });
    expect(await saveOverrideDraft(transport, stored, draft)).toEqual({
      kind: 'saved',
      message: 'Override saved.',
    });
    expect(calls).toEqual([
      [
        'noc',
        {
          start: '2026-03-29T13:00:00+02:00',
          end: '2026-03-29T19:00:00+02:00',
          userId: 'dev',
          version: 3,
        },
      ],
    ]);
  });

  it('explains a 409: someone else changed the schedule', async () => {
    const conflict = {
      ok: false as const,
      error: { code: 'version_conflict', message: 'Someone changed this…', status: 409 },
    };
    const { transport, calls } = fake(conflict);
    expect(await saveOverrideDraft(transport, stored, draft)).toEqual({
      kind: 'conflict',
      message: conflictMessage,
    });
    expect((await deleteOverride(transport, stored, 'ovr-1')).kind).toBe('conflict');
    expect(calls[1]).toEqual(['noc', 'ovr-1', 3]);
    const other = fake({ ok: false, error: { code: 'forbidden', message: 'No.', status: 403 } });
    expect(await saveOverrideDraft(other.transport, stored, draft)).toEqual({
      kind: 'error',
      message: 'No.',
    });
  });
});
