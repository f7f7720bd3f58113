import { describe, expect, it } from 'vitest';
import type { StoredSchedule } from '../../shared/api/schedules.js';
import { ipcRequests } from '../../shared/ipc/ipcContract.js';
import { describeDraft, userNameIn } from '../../renderer/views/planning/draftDescription.js';
import {
  addUser,
  checkLayerForm,
  layerFormFor,
  moveUser,
  removeUser,
  type LayerFormFields,
} from '../../renderer/views/planning/layerDraftForm.js';
import { draftRefusalSentence } from '../../renderer/views/planning/planningText.js';
import {
  checkRestriction,
  newRestriction,
} from '../../renderer/views/planning/restrictionFields.js';
import { diffScheduleEdit } from '../../renderer/views/planning/scheduleDiff.js';
import { berlin, copyOf, draft } from './planningFixtures.js';

/** Berlin's only layer: Ana, Ben, Chloe, daily turns handing off at 09:00 local, version 3. */
const start = layerFormFor(copyOf(), 'noc');
const edited = (more: Partial<LayerFormFields>): LayerFormFields => ({ ...start, ...more });
const problemsOf = (fields: LayerFormFields) => {
  const check = checkLayerForm(fields, copyOf());
  return check.ok ? [] : check.problems;
};

describe('the offline layer form', () => {
  it('starts from the copy’s layer, the hand-off on the schedule’s wall clock', () => {
    expect(start).toEqual({
      scheduleId: 'noc',
      layerId: 'daily',
      userIds: ['ana', 'ben', 'chloe'],
      turnUnit: 'days',
      turnLength: '1',
      handoff: '2026-03-01T09:00',
      restrictions: [],
    });
    expect(layerFormFor(copyOf(), 'gone')).toMatchObject({ scheduleId: 'gone', layerId: '' });
  });

  it('moves, removes and adds users; a move past either end changes nothing', () => {
    const users = ['ana', 'ben', 'chloe'];
    expect(moveUser(users, 1, -1)).toEqual(['ben', 'ana', 'chloe']);
    expect(moveUser(users, 1, 1)).toEqual(['ana', 'chloe', 'ben']);
    expect(moveUser(users, 0, -1)).toEqual(users);
    expect(moveUser(users, 2, 1)).toEqual(users);
    expect(removeUser(users, 0)).toEqual(['ben', 'chloe']);
    // A user may take more than one turn of a rotation.
    expect(addUser(users, 'ana')).toEqual(['ana', 'ben', 'chloe', 'ana']);
    expect(addUser(users, '')).toEqual(users);
  });

  it('makes draftScheduleEdit’s arguments: the whole schedule, the copy’s version', () => {
    const fields = edited({
      userIds: ['ben', 'ana', 'chloe'],
      turnLength: '2',
      // Sunday 29 March: the first day of summer time in Berlin (UTC+2).
      handoff: '2026-03-29T08:00',
      restrictions: [newRestriction],
    });
    const check = checkLayerForm(fields, copyOf());
    expect(check).toEqual({
      ok: true,
      args: {
        engineId: 'embedded',
        scheduleId: 'noc',
        baseVersion: 3,
        schedule: {
          name: 'NOC primary',
          timeZone: 'Europe/Berlin',
          layers: [
            {
              ...berlin.layers[0],
              userIds: ['ben', 'ana', 'chloe'],
              rotation: { anchor: '2026-03-29T08:00:00+02:00', turn: { unit: 'days', length: 2 } },
              restrictions: [{ kind: 'daily', start: '09:00', end: '17:00' }],
            },
          ],
        },
      },
    });
    // What main's schema accepts; overrides are left out, so the engine keeps its own.
    if (check.ok) {
      expect(ipcRequests.draftScheduleEdit.args.safeParse(check.args).success).toBe(true);
      expect(check.args.schedule).not.toHaveProperty('overrides');
    }
  });

  it('keeps the copy’s hand-off text when it names the same instant', () => {
    const check = checkLayerForm(edited({ userIds: ['chloe', 'ana', 'ben'] }), copyOf());
    expect(check.ok && check.args.schedule.layers[0]?.rotation.anchor).toBe(
      '2026-03-01T09:00:00+01:00',
    );
  });

  it('says in sentences what is missing or wrong', () => {
    expect(problemsOf(edited({ userIds: [] }))).toEqual(['A layer needs at least one user.']);
    expect(problemsOf(edited({ turnLength: '0' }))).toEqual([
      'A turn lasts a whole number of days, at least 1.',
    ]);
    expect(problemsOf(edited({ turnLength: '1.5', turnUnit: 'hours' }))).toEqual([
      'A turn lasts a whole number of hours, at least 1.',
    ]);
    expect(problemsOf(edited({ turnLength: '53', turnUnit: 'weeks' }))).toEqual([
      'A turn lasts at most 52 weeks (about a year).',
    ]);
    expect(problemsOf(edited({ handoff: '' }))).toEqual([
      'Choose a hand-off: a date and time at which a turn starts.',
    ]);
    expect(problemsOf(edited({ userIds: ['ana', 'zoe'] }))).toEqual([
      "User zoe is not among the copy's users (deleted since?): take them out of the rotation.",
    ]);
    expect(problemsOf(start)).toEqual([
      'Nothing changed yet: change the users, the turns or the restrictions first.',
    ]);
    expect(problemsOf({ ...start, scheduleId: '' })).toEqual(['Choose a schedule.']);
    expect(problemsOf({ ...start, layerId: 'gone' })).toEqual(['Choose the layer to change.']);
  });

  it('checks restrictions, then the schedule as the engine would', () => {
    expect(checkRestriction({ ...newRestriction, start: '' }, 2)).toEqual({
      problems: ['Choose when restriction 2 opens, as a time such as 09:00.'],
    });
    expect(
      checkRestriction({ ...newRestriction, kind: 'weekly', startDay: 5, endDay: 1 }, 1),
    ).toEqual({
      restriction: { kind: 'weekly', startDay: 5, start: '09:00', endDay: 1, end: '17:00' },
    });
    // The shared schedule checks' own sentences: an empty window, two that overlap.
    expect(problemsOf(edited({ restrictions: [{ ...newRestriction, end: '09:00' }] }))).toEqual([
      'Restriction 1 of layer "Daily" ends when it starts, so it is never open: for a layer on call around the clock, remove its restrictions.',
    ]);
    const overlapping = [newRestriction, { ...newRestriction, start: '16:00', end: '18:00' }];
    expect(problemsOf(edited({ restrictions: overlapping }))).toEqual([
      expect.stringMatching(/^Restrictions 1 and 2 of layer "Daily" overlap/),
    ]);
  });

  it('shows main’s refusal of the arguments as a sentence, the field after it', () => {
    expect(
      draftRefusalSentence({
        code: 'invalid_argument',
        message:
          'draftScheduleEdit: schedule.layers.0.userIds: A layer needs at least one user in its rotation.',
      }),
    ).toBe(
      'Not drafted: the desktop app refused it. A layer needs at least one user in its rotation. (schedule.layers.0.userIds)',
    );
    expect(draftRefusalSentence({ code: 'unknown_engine', message: 'No such engine' })).toBe(
      'Not drafted: No such engine.',
    );
  });
});

describe('a layer change in the drafts list and in a conflict', () => {
  /** The draft as main keeps it: the form's schedule (main drops nothing else from it). */
  const payloadOf = (fields: LayerFormFields) => {
    const check = checkLayerForm(fields, copyOf());
    if (!check.ok) throw new Error(check.problems.join(' '));
    return check.args.schedule;
  };

  it('says what changed, before → after, in the schedule’s zone', () => {
    const payload = payloadOf(
      edited({ userIds: ['ben', 'ana', 'chloe'], restrictions: [newRestriction] }),
    );
    expect(describeDraft(draft({ kind: 'schedule', payload }), copyOf()).what).toBe(
      'edit of NOC primary: layer "Daily" users: Ana, Ben, Chloe → Ben, Ana, Chloe; ' +
        'layer "Daily" restrictions: none (around the clock) → daily 09:00–17:00',
    );
    const turns = payloadOf(edited({ turnLength: '2', handoff: '2026-03-29T08:00' }));
    expect(describeDraft(draft({ kind: 'schedule', payload: turns }), copyOf()).what).toBe(
      'edit of NOC primary: layer "Daily" rotation: turns of 1 day from Sun 1 Mar 09:00 → turns of 2 days from Sun 29 Mar 08:00',
    );
  });

  it('counts the changes past three', () => {
    const payload = {
      ...payloadOf(edited({ userIds: ['ben'], turnLength: '2', restrictions: [newRestriction] })),
      timeZone: 'Europe/Paris',
    };
    expect(describeDraft(draft({ kind: 'schedule', payload }), copyOf()).what).toMatch(
      /^edit of NOC primary: time zone: Europe\/Berlin → Europe\/Paris; .*; 1 more change$/,
    );
  });

  it('a conflict with a rotation reordered on the engine reads side by side', () => {
    const mine = payloadOf(edited({ userIds: ['ana', 'ben', 'chloe', 'ana'] }));
    const theirs: StoredSchedule = {
      ...berlin,
      version: 4,
      layers: [{ ...berlin.layers[0]!, userIds: ['chloe', 'ana', 'ben'] }],
    };
    expect(diffScheduleEdit(mine, theirs, userNameIn(copyOf().users))).toEqual({
      ok: true,
      rows: [
        {
          label: 'Layer "Daily": users',
          mine: 'Ana, Ben, Chloe, Ana',
          theirs: 'Chloe, Ana, Ben',
        },
      ],
    });
  });
});
