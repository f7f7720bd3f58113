import { describe, expect, it } from 'vitest';
import { ipcRequests } from '../../shared/ipc/ipcContract.js';
import { describeDraft } from '../../renderer/views/planning/draftDescription.js';
import {
  checkOverrideForm,
  type OverrideFormFields,
} from '../../renderer/views/planning/overrideDraftForm.js';
import { berlin, copyOf, draft } from './planningFixtures.js';

const now = Date.parse('2026-03-28T12:00:00Z');

describe('a draft as the list shows it', () => {
  it('an override: who, from–to in the schedule’s zone, with the user’s name from the copy', () => {
    expect(describeDraft(draft(), copyOf())).toEqual({
      scheduleName: 'NOC primary',
      what: 'override: Ben on call Sun 29 Mar 09:00 – 17:00 (Europe/Berlin)',
      basedOn: 'based on version 3',
      state: 'pending',
      problem: null,
    });
  });

  it('an override over days shows both dates; a user not in the copy reads by id', () => {
    const payload = { start: '2026-03-28T22:00:00Z', end: '2026-03-29T08:00:00Z', userId: 'zoe' };
    expect(describeDraft(draft({ payload }), copyOf()).what).toBe(
      'override: user zoe on call Sat 28 Mar 23:00 – Sun 29 Mar 10:00 (Europe/Berlin)',
    );
  });

  it('a schedule edit, renamed or not', () => {
    const edit = draft({ kind: 'schedule', payload: { ...berlin, name: 'NOC EU' } });
    expect(describeDraft(edit, copyOf()).what).toBe('edit of NOC primary (renamed to "NOC EU")');
    const same = draft({ kind: 'schedule', payload: { ...berlin } });
    expect(describeDraft(same, copyOf()).what).toBe('edit of NOC primary');
  });

  it('a schedule missing from the copy, and a stuck draft’s problem', () => {
    const gone = describeDraft(draft({ scheduleId: 'old', state: 'conflict' }), copyOf());
    expect(gone.scheduleName).toBe('Schedule old (not in the offline copy)');
    expect(gone.what).toBe('override: Ben on call Sun 29 Mar 07:00 – 15:00 (UTC)');
    expect(gone.problem).toMatch(/^Someone changed the schedule/);
    const refused = describeDraft(
      draft({ state: 'rejected', problem: 'Unknown user "ben"' }),
      copyOf(),
    );
    expect(refused.problem).toBe(
      'The engine refused it: Unknown user "ben". Discard it, or draft it again differently.',
    );
  });
});

describe('the offline override form', () => {
  const fields = (more: Partial<OverrideFormFields>): OverrideFormFields => ({
    scheduleId: 'noc',
    userId: 'ben',
    start: '2026-03-29T09:00',
    end: '2026-03-29T17:00',
    ...more,
  });

  it('makes draftOverride’s arguments: Berlin wall-clock times, the copy’s version', () => {
    const check = checkOverrideForm(fields({}), copyOf(), now);
    expect(check).toEqual({
      ok: true,
      args: {
        engineId: 'embedded',
        scheduleId: 'noc',
        baseVersion: 3,
        start: '2026-03-29T09:00:00+02:00',
        end: '2026-03-29T17:00:00+02:00',
        userId: 'ben',
      },
    });
    // What main's schema accepts.
    if (check.ok) expect(ipcRequests.draftOverride.args.safeParse(check.args).success).toBe(true);
  });

  it('a time the clocks skip (02:30 on 29 March in Berlin) starts at the jump', () => {
    const check = checkOverrideForm(fields({ start: '2026-03-29T02:30' }), copyOf(), now);
    expect(check.ok && check.args.start).toBe('2026-03-29T03:00:00+02:00');
  });

  it('says each problem as a sentence before anything is sent', () => {
    const problems = (f: Partial<OverrideFormFields>) => {
      const check = checkOverrideForm(fields(f), copyOf(), now);
      return check.ok ? [] : check.problems;
    };
    expect(problems({ scheduleId: '', userId: '', start: '', end: '' })).toEqual([
      'Choose a schedule.',
      'Choose who takes the shift.',
      'Choose when the override starts.',
      'Choose when the override ends.',
    ]);
    expect(problems({ end: '2026-03-29T09:00' })).toEqual([
      'The override must end after it starts.',
    ]);
    expect(problems({ start: '2026-03-27T09:00', end: '2026-03-28T12:30' })).toEqual([
      'The override ends in the past: it would change nothing.',
    ]);
    expect(problems({ userId: 'zoe', scheduleId: 'gone' })).toEqual([
      'That schedule is not in the offline copy; choose another.',
      'That user is not in the offline copy; choose another.',
    ]);
  });

  it('refuses a zone this runtime does not know instead of guessing', () => {
    const copy = copyOf({ schedules: [{ ...berlin, timeZone: 'Mars/Olympus' }] });
    const check = checkOverrideForm(fields({}), copy, now);
    expect(check.ok ? [] : check.problems).toEqual([
      "This app does not know the schedule's time zone Mars/Olympus: update the app, or take the shift on the engine.",
    ]);
  });
});
