import { describe, expect, it } from 'vitest';
import type { StoredSchedule } from '../../shared/api/schedules.js';
import { userNameIn } from '../../renderer/views/planning/draftDescription.js';
import { restrictionText } from '../../renderer/views/planning/layerText.js';
import { overridesAround } from '../../renderer/views/planning/overrideConflict.js';
import { diffScheduleEdit } from '../../renderer/views/planning/scheduleDiff.js';
import { berlin, users } from './planningFixtures.js';

const names = userNameIn(users);

/** A schedule-edit draft as main keeps it: the PUT body, without version and times. */
const { version: _v, createdAt: _c, updatedAt: _u, ...body } = berlin;
const daily = berlin.layers[0]!;

describe('a schedule edit against the engine’s schedule now', () => {
  it('lists only what reads differently: name, zone, layers, each layer’s parts', () => {
    const mine = {
      ...body,
      name: 'NOC EU',
      layers: [
        {
          ...daily,
          userIds: ['ben', 'ana'],
          restrictions: [{ kind: 'daily', start: '09:00', end: '17:00' }],
        },
        { ...daily, id: undefined, name: 'Nights', userIds: ['chloe'] },
      ],
    };
    const theirs: StoredSchedule = {
      ...berlin,
      version: 4,
      timeZone: 'Europe/Berlin',
      layers: [{ ...daily, rotation: { ...daily.rotation, turn: { unit: 'weeks', length: 1 } } }],
    };
    const diff = diffScheduleEdit(mine, theirs, names);
    expect(diff).toEqual({
      ok: true,
      rows: [
        { label: 'Name', mine: 'NOC EU', theirs: 'NOC primary' },
        { label: 'Layers', mine: '2 layers', theirs: '1 layer' },
        { label: 'Layer "Daily": users', mine: 'Ben, Ana', theirs: 'Ana, Ben, Chloe' },
        {
          label: 'Layer "Daily": rotation',
          mine: 'turns of 1 day from Sun 1 Mar 09:00',
          theirs: 'turns of 1 week from Sun 1 Mar 09:00',
        },
        {
          label: 'Layer "Daily": restrictions',
          mine: 'daily 09:00–17:00',
          theirs: 'none (around the clock)',
        },
        { label: 'Layer "Nights"', mine: 'only in your draft', theirs: '—' },
      ],
    });
  });

  it('a zone change shows times in each side’s zone; a layer only the engine has', () => {
    const mine = { ...body, timeZone: 'America/New_York', layers: [] };
    const diff = diffScheduleEdit(mine, berlin, names);
    expect(diff.ok && diff.rows).toEqual([
      { label: 'Time zone', mine: 'America/New_York', theirs: 'Europe/Berlin' },
      { label: 'Layers', mine: '0 layers', theirs: '1 layer' },
      { label: 'Layer "Daily"', mine: '—', theirs: 'only on the engine' },
    ]);
  });

  it('a layer without an id takes the engine’s layer at its place', () => {
    const mine = {
      ...body,
      layers: [{ ...daily, id: undefined, end: '2026-06-01T00:00:00+02:00' }],
    };
    const diff = diffScheduleEdit(mine, berlin, names);
    expect(diff.ok && diff.rows).toEqual([
      {
        label: 'Layer "Daily": active',
        mine: 'from Sun 1 Mar 00:00 until Mon 1 Jun 00:00',
        theirs: 'from Sun 1 Mar 00:00, no end',
      },
    ]);
  });

  it('overrides compared by count only when the draft carries them', () => {
    const theirs = {
      ...berlin,
      overrides: [
        {
          id: 'o1',
          start: '2026-03-29T09:00:00+02:00',
          end: '2026-03-29T17:00:00+02:00',
          userId: 'ana',
          createdAt: '2026-03-28T09:00:00Z',
        },
      ],
    };
    const { overrides: _o, ...withoutOverrides } = body;
    expect(diffScheduleEdit(withoutOverrides, theirs, names)).toEqual({ ok: true, rows: [] });
    const diff = diffScheduleEdit(body, theirs, names);
    expect(diff.ok && diff.rows).toEqual([
      { label: 'Overrides', mine: '0 overrides', theirs: '1 override' },
    ]);
  });

  it('a draft that is not a schedule is said so (the raw data stays)', () => {
    expect(diffScheduleEdit({ start: 'x' }, berlin, names)).toEqual({
      ok: false,
      problem: 'Your draft cannot be read as a schedule; compare the raw data.',
    });
  });

  it('weekly restrictions in words', () => {
    expect(
      restrictionText({ kind: 'weekly', startDay: 1, start: '09:00', endDay: 5, end: '17:00' }),
    ).toBe('Mon 09:00 – Fri 17:00');
  });
});

describe('an override draft against the engine’s overrides around it', () => {
  const override = (id: string, start: string, end: string, userId: string) => ({
    id,
    start,
    end,
    userId,
    createdAt: '2026-03-28T09:00:00Z',
  });
  const theirs: StoredSchedule = {
    ...berlin,
    version: 4,
    overrides: [
      override('late', '2026-03-30T09:00:00+02:00', '2026-03-30T17:00:00+02:00', 'chloe'),
      override('same', '2026-03-29T12:00:00+02:00', '2026-03-29T20:00:00+02:00', 'ana'),
      override('night', '2026-03-29T01:00:00+01:00', '2026-03-29T07:00:00+02:00', 'chloe'),
    ],
  };
  const mine = {
    start: '2026-03-29T09:00:00+02:00',
    end: '2026-03-29T17:00:00+02:00',
    userId: 'ben',
  };

  it('lists those within 12 hours, in time order, marking the ones that overlap', () => {
    expect(overridesAround(mine, theirs, 'Europe/Berlin', names)).toEqual([
      {
        id: 'night',
        text: 'Chloe on call Sun 29 Mar 01:00 – 07:00 (Europe/Berlin)',
        overlaps: false,
      },
      { id: 'same', text: 'Ana on call Sun 29 Mar 12:00 – 20:00 (Europe/Berlin)', overlaps: true },
    ]);
  });
});
