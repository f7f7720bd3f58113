import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rotationTurnAt } from '../../shared/schedule/rotation.js';
import type { Schedule } from '../../shared/schedule/scheduleModel.js';
import {
  InvalidScheduleError,
  type ScheduleProblem,
} from '../../shared/schedule/scheduleProblems.js';
import { parseSchedule, validateSchedule } from '../../shared/schedule/scheduleValidation.js';
import { layer, override, schedule } from '../helpers/schedules.js';

const known = ['alice', 'bob', 'carol'];
const valid = () =>
  schedule(
    'Europe/Berlin',
    [layer({ id: 'primary', name: 'Primary' })],
    [override('o1', 'bob', '2024-06-03T10:00:00+02:00', '2024-06-03T12:00:00+02:00')],
  );
/** `path code severity` of each problem, for compact assertions. */
const summary = (problems: readonly ScheduleProblem[]) =>
  problems.map((p) => `${p.path} ${p.code}${p.severity === 'warning' ? ' (warning)' : ''}`);
const withLayer = (fields: Parameters<typeof layer>[0]) =>
  schedule('Europe/Berlin', [layer({ name: 'Primary', ...fields })]);

describe('validateSchedule', () => {
  it('accepts a valid schedule', () => {
    expect(validateSchedule(valid(), known)).toEqual([]);
    expect(parseSchedule(valid(), known)).toEqual(valid());
  });

  it('refuses what is not a schedule, and names fields that are missing, misspelt or unknown', () => {
    expect(summary(validateSchedule(null, known))).toEqual([' invalid_field']);
    const { version: _version, ...noVersion } = valid();
    const problems = validateSchedule({ ...noVersion, layer: [] }, known);
    expect(summary(problems)).toEqual(['version invalid_field', 'layer unknown_field']);
    expect(problems[0]!.message).toMatch(/^This field is required\./);
    expect(problems[1]!.message).toBe('Unknown field "layer": remove it or correct its spelling.');
  });

  it('a time zone must be an IANA name the runtime knows', () => {
    for (const zone of ['Europe/Berln', '+02:00', 'CEST ', '']) {
      const problems = validateSchedule({ ...valid(), timeZone: zone }, known);
      expect(summary(problems), zone).toEqual(['timeZone unknown_time_zone']);
    }
    expect(validateSchedule({ ...valid(), timeZone: 'Europe/Berln' }, known)[0]!.message).toBe(
      'Unknown time zone "Europe/Berln": use an IANA name such as Europe/Berlin or America/New_York.',
    );
    for (const zone of ['UTC', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/New_York']) {
      expect(validateSchedule({ ...valid(), timeZone: zone }, known), zone).toEqual([]);
    }
  });

  it('instants need an offset and a real date; local times need HH:mm', () => {
    const l = layer({ id: 'l', start: '2024-06-03T09:00:00', end: '2024-02-30T00:00:00Z' });
    const bad = withLayer({
      ...l,
      restrictions: [{ kind: 'daily', start: '9:00', end: '24:00' }],
    });
    expect(summary(validateSchedule(bad, known))).toEqual([
      'layers.0.start malformed_instant',
      'layers.0.end malformed_instant',
      'layers.0.restrictions.0.start malformed_time',
      'layers.0.restrictions.0.end malformed_time',
    ]);
  });

  it('instants must lie in 1970–2199', () => {
    const problems = validateSchedule(withLayer({ id: 'l', start: '1969-12-31T23:59:59Z' }), known);
    expect(summary(problems)).toEqual(['layers.0.start instant_out_of_range']);
    expect(problems[0]!.message).toBe(
      '1969-12-31T23:59:59Z is outside the supported years 1970–2199.',
    );
  });

  it('a rotation needs users, all of them known (a user may appear twice)', () => {
    expect(summary(validateSchedule(withLayer({ id: 'l', userIds: [] }), known))).toEqual([
      'layers.0.userIds empty_rotation',
    ]);
    const problems = validateSchedule(
      withLayer({ id: 'l', userIds: ['alice', 'dave', 'alice'] }),
      known,
    );
    expect(summary(problems)).toEqual(['layers.0.userIds.1 unknown_user']);
    expect(problems[0]!.message).toBe(
      'Unknown user "dave" in the rotation of layer "Primary": add the user first, or take them out of the rotation.',
    );
  });

  it('a turn lasts 1 hour to about a year', () => {
    const turn = (unit: 'hours' | 'days' | 'weeks', length: number) =>
      summary(
        validateSchedule(
          withLayer({
            id: 'l',
            rotation: { anchor: '2024-01-01T09:00:00Z', turn: { unit, length } },
          }),
          known,
        ),
      );
    expect(turn('hours', 0)).toEqual(['layers.0.rotation.turn.length turn_length_out_of_range']);
    expect(turn('days', -1)).toEqual(['layers.0.rotation.turn.length turn_length_out_of_range']);
    expect(turn('weeks', 53)).toEqual(['layers.0.rotation.turn.length turn_length_out_of_range']);
    expect(turn('days', 1.5)).toEqual(['layers.0.rotation.turn.length invalid_field']);
    expect(turn('hours', 8783)).toEqual([]);
    expect(turn('hours', 8785)).toEqual(['layers.0.rotation.turn.length turn_length_out_of_range']);
    expect(turn('days', 367)).toEqual(['layers.0.rotation.turn.length turn_length_out_of_range']);
  });

  it('ends must come after starts, for layers and overrides', () => {
    const s = schedule(
      'UTC',
      [layer({ id: 'l', start: '2024-06-03T00:00:00Z', end: '2024-06-03T00:00:00Z' })],
      [override('o', 'bob', '2024-06-03T12:00:00Z', '2024-06-03T11:00:00Z')],
    );
    const problems = validateSchedule(s, known);
    expect(summary(problems)).toEqual([
      'layers.0.end end_not_after_start',
      'overrides.0.end end_not_after_start',
    ]);
    expect(problems[1]!.message).toBe(
      'Override "o" ends (2024-06-03T11:00:00Z) before or when it starts (2024-06-03T12:00:00Z): set an end after the start.',
    );
  });

  it('overrides name known users; ids are unique among layers and among overrides', () => {
    const s = schedule(
      'UTC',
      [layer({ id: 'l' }), layer({ id: 'l', name: 'Second' })],
      [
        override('o', 'zoe', '2024-06-03T10:00:00Z', '2024-06-03T11:00:00Z'),
        override('o', 'bob', '2024-06-03T10:00:00Z', '2024-06-03T11:00:00Z'),
      ],
    );
    expect(summary(validateSchedule(s, known))).toEqual([
      'layers.1.id duplicate_id',
      'overrides.1.id duplicate_id',
      'overrides.0.userId unknown_user',
    ]);
  });

  it('restrictions must not be empty or overlap each other, also across daily and weekly ones', () => {
    const problems = validateSchedule(
      withLayer({
        id: 'l',
        restrictions: [
          { kind: 'daily', start: '22:00', end: '06:00' },
          { kind: 'weekly', startDay: 7, start: '12:00', endDay: 7, end: '12:00' },
          { kind: 'weekly', startDay: 5, start: '18:00', endDay: 1, end: '08:00' },
          { kind: 'daily', start: '06:00', end: '22:00' },
        ],
      }),
      known,
    );
    expect(summary(problems)).toEqual([
      'layers.0.restrictions.1 restriction_empty',
      'layers.0.restrictions.2 restrictions_overlap',
      'layers.0.restrictions.3 restrictions_overlap',
    ]);
    expect(problems[1]!.message).toBe(
      'Restrictions 1 and 3 of layer "Primary" overlap (both open at Monday 00:00): merge them or shorten one.',
    );
    // Touching is not overlapping: 22:00–06:00 and 06:00–22:00 cover the day between them.
    const touching = withLayer({
      id: 'l',
      restrictions: [
        { kind: 'daily', start: '22:00', end: '06:00' },
        { kind: 'daily', start: '06:00', end: '22:00' },
      ],
    });
    expect(validateSchedule(touching, known)).toEqual([]);
  });

  it('finds the problems of the parts that parse even when others do not', () => {
    const s = { ...schedule('Mars/Base', [layer({ id: 'l', userIds: ['dave'] })]), version: 'one' };
    expect(summary(validateSchedule(s, known))).toEqual([
      'timeZone unknown_time_zone',
      'version invalid_field',
      'layers.0.userIds.0 unknown_user',
    ]);
  });

  it('warns about layers that work but probably not as meant', () => {
    const s = schedule('Europe/Berlin', [
      layer({
        id: 'a',
        name: 'A',
        rotation: { anchor: '2024-01-01T09:00:00Z', turn: { unit: 'hours', length: 24 } },
      }),
      layer({
        id: 'nights',
        name: 'Nights',
        start: '2024-06-03T08:00:00Z',
        end: '2024-06-03T12:00:00Z',
        restrictions: [{ kind: 'daily', start: '22:00', end: '06:00' }],
      }),
      layer({ id: 'all', name: 'All', start: '2024-06-01T00:00:00Z', end: null }),
    ]);
    const problems = validateSchedule(s, known);
    expect(summary(problems)).toEqual([
      'layers.0.rotation.turn fixed_turn_drifts (warning)',
      'layers.1 layer_hidden (warning)',
    ]);
    expect(problems[1]!.message).toBe(
      'Layer "Nights" is never on call: layer "All", added after it, covers all of its time. Reorder the layers or restrict "All".',
    );
    const alone = schedule('Europe/Berlin', [s.layers[1]!]);
    expect(summary(validateSchedule(alone, known))).toEqual([
      'layers.0 layer_never_on_call (warning)',
    ]);
    // In a zone without daylight-saving time, fixed 24-hour turns do not drift.
    expect(
      validateSchedule({ ...s, timeZone: 'Asia/Kolkata', layers: [s.layers[0]!] }, known),
    ).toEqual([]);
    // Warnings do not stop parseSchedule.
    expect(parseSchedule(s, known)).toEqual(s);
  });
});

describe('parseSchedule', () => {
  it('throws InvalidScheduleError with every error, in the API issue shape', () => {
    const s = withLayer({ id: 'l', userIds: ['dave'], end: '2019-01-01T00:00:00Z' });
    let thrown: unknown;
    try {
      parseSchedule(s, known);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InvalidScheduleError);
    const error = thrown as InvalidScheduleError;
    expect(error.code).toBe('invalid_schedule');
    expect(error.message).toMatch(
      /^The schedule is not valid: layers\.0\.end: Layer "Primary" ends .* \(and 1 more problems\)$/,
    );
    expect(error.issues.map((i) => i.path)).toEqual(['layers.0.end', 'layers.0.userIds.0']);
  });
});

describe('docs/schedules.md', () => {
  const doc = readFileSync(new URL('../../docs/schedules.md', import.meta.url), 'utf8');
  const example = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(doc)![1]!) as Schedule;

  it('its example schedule is valid', () => {
    expect(validateSchedule(example, ['ana', 'ben', 'chloe', 'dev', 'eve'])).toEqual([]);
  });

  it('its worked DST example holds: turn 3 is Ana’s, 167 hours, then Ben’s', () => {
    const weekly = example.layers[0]!;
    const turn = rotationTurnAt(weekly, example.timeZone, Date.parse('2024-03-31T12:00:00+02:00'));
    expect(turn).toEqual({
      index: 3,
      userId: 'ana',
      start: Date.parse('2024-03-25T08:00:00Z'),
      end: Date.parse('2024-04-01T07:00:00Z'),
    });
    expect(rotationTurnAt(weekly, example.timeZone, turn.end).userId).toBe('ben');
    const rows = doc.split('\n').map((line) => line.split('|').map((cell) => cell.trim()));
    expect(rows).toContainEqual([
      '',
      '3',
      'Ana',
      'Mon 25 March 09:00 +01:00 (08:00Z)',
      'Mon 1 April 09:00 +02:00 (07:00Z)',
      '167 h',
      '',
    ]);
  });
});
