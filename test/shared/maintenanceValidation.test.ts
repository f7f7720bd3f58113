import { describe, expect, it } from 'vitest';
import {
  InvalidMaintenanceWindowError,
  parseMaintenanceWindow,
  validateMaintenanceWindow,
} from '../../shared/maintenance/maintenanceValidation.js';

/** The check a console runs on a draft window before sending it (the engine runs the same). */
describe('validateMaintenanceWindow', () => {
  const draft = {
    name: ' Saturday upgrades ',
    alertSourceIds: ['1', '2'],
    schedule: {
      kind: 'recurring',
      timeZone: 'Europe/Berlin',
      days: [6],
      startTime: '02:00',
      durationMinutes: 120,
    },
  };

  it('finds nothing wrong with a good draft, and fills the defaults when parsing', () => {
    expect(validateMaintenanceWindow(draft, ['1', '2', '3'])).toEqual([]);
    expect(parseMaintenanceWindow(draft, ['1', '2'])).toEqual({
      ...draft,
      name: 'Saturday upgrades',
      schedule: { ...draft.schedule, seriesStart: null, seriesEnd: null },
    });
    const daily = { ...draft, schedule: { ...draft.schedule, days: undefined } };
    expect(parseMaintenanceWindow(daily, ['1', '2']).schedule).toMatchObject({
      days: [1, 2, 3, 4, 5, 6, 7],
    });
  });

  it('checks the sources against the ones the caller knows', () => {
    expect(validateMaintenanceWindow(draft, ['1'])).toEqual([
      {
        path: 'alertSourceIds.1',
        code: 'unknown_alert_source',
        message: 'There is no alert source 2 (deleted?): pick one from GET /api/v1/alert-sources.',
      },
    ]);
  });

  it('parse throws every problem, in the API issue shape too', () => {
    const bad = {
      ...draft,
      schedule: { kind: 'once', start: '2026-01-02T00:00:00Z', end: '2026-01-01T00:00:00Z' },
    };
    const error = (() => {
      try {
        parseMaintenanceWindow(bad, ['1', '2']);
      } catch (e) {
        return e as InvalidMaintenanceWindowError;
      }
      throw new Error('no error');
    })();
    expect(error).toBeInstanceOf(InvalidMaintenanceWindowError);
    expect(error.issues).toEqual([
      { path: 'schedule.end', message: 'The window must end after it starts.' },
    ]);
    expect(error.message).toBe(
      'The maintenance window is not valid: schedule.end: The window must end after it starts.',
    );
  });
});
