import { describe, expect, it } from 'vitest';
import type { StoredEscalationPolicy } from '../../shared/api/escalationPolicies.js';
import { errorAt, formErrorsFromServer, sentence } from '../../renderer/views/manage/formErrors.js';
import * as edit from '../../renderer/views/manage/policies/policyDraft.js';
import { checkPolicyDraft } from '../../renderer/views/manage/policies/policyForm.js';
import {
  createUserBody,
  emptyUserDraft,
  searchTimeZones,
  timeZoneNames,
  updateUserBody,
} from '../../renderer/views/manage/users/userForm.js';
import { user } from './fixtures.js';

const known = { userIds: ['7'], scheduleIds: ['3'], teamIds: ['2'] };

const stored: StoredEscalationPolicy = {
  id: '4',
  name: 'Database on-call',
  levels: [
    { targets: [{ type: 'schedule', id: '3' }], timeoutMinutes: 15, roundRobin: false },
    { targets: [{ type: 'user', id: '7' }], timeoutMinutes: 30, roundRobin: true },
  ],
  repeat: 1,
  version: 2,
  createdAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-22T11:00:00.000Z',
};

describe('the escalation policy draft', () => {
  it('edits levels and targets without mutating', () => {
    let draft = edit.draftOfPolicy(stored);
    const before = draft;
    draft = edit.addLevel(draft);
    expect(draft.levels).toHaveLength(3);
    expect(before.levels).toHaveLength(2);
    draft = edit.addTarget(draft, 2, { type: 'team', id: '2' });
    draft = edit.addTarget(draft, 2, { type: 'team', id: '2' }); // twice: once
    expect(draft.levels[2]!.targets).toEqual([{ type: 'team', id: '2' }]);
    draft = edit.moveLevel(draft, 2, -1);
    expect(draft.levels[1]!.targets).toEqual([{ type: 'team', id: '2' }]);
    expect(edit.moveLevel(draft, 0, -1)).toBe(draft);
    draft = edit.removeTarget(draft, 1, 0);
    expect(draft.levels[1]!.targets).toEqual([]);
    draft = edit.removeLevel(draft, 1);
    expect(draft.levels.map((l) => l.timeoutMinutes)).toEqual(['15', '30']);
  });

  it('checks a new policy as the engine does and builds the body', () => {
    const draft = edit.addTarget({ ...edit.emptyPolicyDraft, name: ' Ops ' }, 0, {
      type: 'user',
      id: '7',
    });
    expect(checkPolicyDraft(draft, known, null)).toEqual({
      ok: true,
      body: {
        name: 'Ops',
        levels: [{ targets: [{ type: 'user', id: '7' }], timeoutMinutes: 15, roundRobin: false }],
        repeat: 0,
      },
      warnings: {},
    });
  });

  it('names the empty level, the bad timeout, the repeat and an unknown target by path', () => {
    let draft = edit.draftOfPolicy(stored);
    draft = edit.changeLevel(draft, 0, { timeoutMinutes: '0' });
    draft = edit.addLevel(draft);
    draft = edit.addTarget(draft, 1, { type: 'user', id: '99' });
    draft = { ...draft, repeat: '12', name: '' };
    const result = checkPolicyDraft(draft, known, { id: '4', version: 2 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.fields).toMatchObject({
      name: expect.stringMatching(/name is required/i),
      'levels.0.timeoutMinutes': 'The escalation timeout must be 1 to 1440 minutes (0 given).',
      'levels.2.targets': 'A level needs at least one target: a user, a schedule or a team.',
      'levels.1.targets.1.id': expect.stringContaining('There is no user "99"'),
      repeat: expect.stringContaining('Repeat must be 0 to 9'),
    });
    expect(result.errors.form).toMatch(/5 fields need attention/);
  });

  it('refuses a timeout that is not a whole number, and sends the version it was based on', () => {
    const draft = edit.changeLevel(edit.draftOfPolicy(stored), 1, { timeoutMinutes: '1.5' });
    const bad = checkPolicyDraft(draft, known, { id: '4', version: 2 });
    expect(bad.ok || bad.errors.fields['levels.1.timeoutMinutes']).toMatch(/whole number/);
    const good = checkPolicyDraft(edit.draftOfPolicy(stored), known, { id: '4', version: 2 });
    expect(good.ok && good.body).toMatchObject({ version: 2, repeat: 1 });
  });

  it('passes warnings along without blocking', () => {
    const draft = edit.changeLevel(
      edit.addTarget({ ...edit.emptyPolicyDraft, name: 'x' }, 0, { type: 'user', id: '7' }),
      0,
      { roundRobin: true },
    );
    const result = checkPolicyDraft(draft, known, null);
    expect(result.ok && result.warnings['levels.0.roundRobin']).toMatch(/single user/);
  });
});

describe('server errors on forms', () => {
  it('puts issues next to the fields the form has, and keeps the sentence', () => {
    const errors = formErrorsFromServer(
      {
        code: 'invalid_escalation_policy',
        message: 'The escalation policy is not valid: levels.0.targets: …',
        status: 400,
        issues: [
          { path: 'levels.0.targets', message: 'A level needs at least one target.' },
          { path: 'colour', message: 'unknown' },
        ],
      },
      ['name', 'levels', 'repeat'],
    );
    expect(errors.fields).toEqual({ 'levels.0.targets': 'A level needs at least one target.' });
    expect(errors.form).toBe('The escalation policy is not valid: levels.0.targets: ….');
    expect(errorAt(errors, 'levels.0')).toBe('A level needs at least one target.');
  });

  it('maps a taken email to the email field', () => {
    const errors = formErrorsFromServer(
      { code: 'email_taken', message: 'Another user has this email address.', status: 409 },
      ['name', 'email'],
    );
    expect(errors.fields).toEqual({ email: 'Another user has this email address.' });
    expect(sentence('a name is required')).toBe('A name is required.');
  });
});

describe('the user form', () => {
  it('builds a new user, and refuses a bad email and an unknown zone', () => {
    const draft = { ...emptyUserDraft, name: 'Ada', email: 'ada@example.com' };
    expect(createUserBody({ ...draft, timeZone: ' Europe/Berlin ' })).toEqual({
      ok: true,
      body: { name: 'Ada', email: 'ada@example.com', role: 'responder', timeZone: 'Europe/Berlin' },
    });
    const bad = createUserBody({ ...draft, email: 'ada', timeZone: 'Mars/Olympus' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.fields.email).toMatch(/^An email address such as/);
    expect(bad.errors.fields.timeZone).toMatch(/Unknown time zone "Mars\/Olympus"/);
  });

  it('sends only what changed (a role left alone is not sent)', () => {
    const ada = { ...user('2', 'Ada'), role: 'admin' as const };
    const result = updateUserBody(
      { name: 'Ada L.', email: ada.email, role: 'admin', timeZone: 'UTC' },
      ada,
    );
    expect(result).toEqual({ ok: true, body: { name: 'Ada L.' } });
  });

  it('searches the IANA zones, city prefixes first', () => {
    const names = timeZoneNames();
    expect(names).toContain('UTC');
    expect(names).toContain('Europe/Berlin');
    expect(searchTimeZones(names, 'new york')).toEqual(['America/New_York']);
    const list = ['America/Argentina/Buenos_Aires', 'Europe/Berlin', 'Asia/Bangkok'];
    expect(searchTimeZones(list, 'b')).toEqual([
      'America/Argentina/Buenos_Aires',
      'Europe/Berlin',
      'Asia/Bangkok',
    ]);
    expect(searchTimeZones(list, 'ber')).toEqual(['Europe/Berlin']);
    expect(searchTimeZones(list, '', 2)).toHaveLength(2);
  });
});
