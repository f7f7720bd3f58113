import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiErrorBody } from '../../shared/api/errors.js';
import {
  CalendarFeedResponse,
  CreateOverrideRequest,
  CreateScheduleRequest,
  OnCallResponse,
  ScheduleResponse,
  ShiftsResponse,
  UpdateScheduleRequest,
} from '../../shared/api/schedules.js';
import { parseSchedule } from '../../shared/schedule/scheduleValidation.js';

/** The schedule section of docs/api.md, and its JSON examples that are complete (no "…"). */
const section = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8')
  .split('\n## On-call schedules\n')[1]!
  .split('\n## Errors\n')[0]!;
const examples = [...section.matchAll(/```json\n([\s\S]*?)```/g)]
  .map((m) => m[1]!)
  .filter((text) => !text.includes('…'))
  .map((text) => JSON.parse(text) as Record<string, unknown>);

describe('schedule API schemas (shared/api/schedules.ts) and the examples of docs/api.md', () => {
  it('every complete example is what its schema reads', () => {
    const schemaOf = (e: Record<string, unknown>) =>
      'error' in e
        ? ApiErrorBody
        : 'problems' in e
          ? ScheduleResponse
          : 'onCall' in e
            ? OnCallResponse
            : 'final' in e
              ? ShiftsResponse
              : CalendarFeedResponse;
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const example of examples) {
      const parsed = schemaOf(example).safeParse(example);
      expect(parsed.error, JSON.stringify(example).slice(0, 80)).toBeUndefined();
    }
    const schedule = examples.find((e) => 'problems' in e)!;
    // The documented schedule is a valid model for the users it names.
    const { createdAt: _c, updatedAt: _u, problems: _p, ...model } = schedule;
    expect(() => parseSchedule(model, ['2', '5', '7'])).not.toThrow();
  });

  it('a request body is the model without what the engine assigns', () => {
    const layer = {
      name: 'Weekly',
      start: '2024-03-04T00:00:00+01:00',
      end: null,
      userIds: ['2'],
      rotation: { anchor: '2024-03-04T09:00:00+01:00', turn: { unit: 'weeks', length: 1 } },
      restrictions: [],
    };
    const body = { name: 'NOC', timeZone: 'Europe/Berlin', layers: [layer] };
    expect(CreateScheduleRequest.safeParse(body).success).toBe(true);
    expect(CreateScheduleRequest.safeParse({ ...body, version: 1 }).success).toBe(false);
    expect(
      CreateScheduleRequest.safeParse({ ...body, layers: [{ ...layer, restriction: [] }] }).success,
    ).toBe(false);
    expect(UpdateScheduleRequest.safeParse({ ...body, id: '3', version: 4 }).success).toBe(true);
    expect(UpdateScheduleRequest.safeParse({ ...body, version: 0 }).success).toBe(false);
    const override = { start: layer.start, end: '2024-03-05T00:00:00+01:00', userId: '2' };
    expect(CreateOverrideRequest.safeParse({ ...override, version: 2 }).success).toBe(true);
    expect(CreateOverrideRequest.safeParse({ ...override, id: 'mine' }).success).toBe(false);
  });
});
