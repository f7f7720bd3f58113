import { describe, expect, it } from 'vitest';
import {
  InvalidEscalationPolicyError,
  parseEscalationPolicy,
  validateEscalationPolicy,
} from '../../shared/escalation/index.js';

/** The policy model's checks (docs/escalation.md, "Validation"): codes, paths, sentences. */
const known = { userIds: ['1', '2'], scheduleIds: ['7'], teamIds: ['3'] };
const policy = (more: Record<string, unknown> = {}) => ({
  id: 'p',
  name: 'Ops',
  version: 1,
  repeat: 0,
  levels: [
    { targets: [{ type: 'user', id: '1' }], timeoutMinutes: 5, roundRobin: false },
    {
      targets: [
        { type: 'schedule', id: '7' },
        { type: 'team', id: '3' },
      ],
      timeoutMinutes: 1440,
      roundRobin: true,
    },
  ],
  ...more,
});
const codes = (input: unknown) =>
  validateEscalationPolicy(input, known).map((p) => `${p.severity} ${p.path} ${p.code}`);

describe('validateEscalationPolicy', () => {
  it('accepts a valid policy', () => {
    expect(codes(policy())).toEqual([]);
    expect(parseEscalationPolicy(policy(), known).levels).toHaveLength(2);
  });

  it('refuses empty policies and levels, timeouts and repeats out of range', () => {
    expect(codes(policy({ levels: [] }))).toEqual(['error levels no_levels']);
    expect(
      codes(
        policy({
          repeat: -1,
          levels: [
            { targets: [], timeoutMinutes: 0, roundRobin: false },
            { targets: [{ type: 'user', id: '1' }], timeoutMinutes: 1441, roundRobin: false },
          ],
        }),
      ),
    ).toEqual([
      'error repeat repeat_out_of_range',
      'error levels.0.targets no_targets',
      'error levels.0.timeoutMinutes timeout_out_of_range',
      'error levels.1.timeoutMinutes timeout_out_of_range',
    ]);
    const many = Array.from({ length: 21 }, () => ({
      targets: [{ type: 'user', id: '1' }],
      timeoutMinutes: 5,
      roundRobin: false,
    }));
    expect(codes(policy({ levels: many }))).toEqual(['error levels too_many_levels']);
  });

  it('names every unknown target with its path', () => {
    const input = policy({
      levels: [
        {
          targets: [
            { type: 'user', id: '9' },
            { type: 'schedule', id: '1' },
            { type: 'team', id: '7' },
          ],
          timeoutMinutes: 5,
          roundRobin: false,
        },
      ],
    });
    expect(codes(input)).toEqual([
      'error levels.0.targets.0.id unknown_user',
      'error levels.0.targets.1.id unknown_schedule',
      'error levels.0.targets.2.id unknown_team',
    ]);
    expect(validateEscalationPolicy(input, known)[0]!.message).toBe(
      'There is no user "9": pick one that exists (GET /api/v1/users), or remove this target.',
    );
  });

  it('warns about duplicates and pointless round robin, without refusing them', () => {
    const input = policy({
      levels: [
        {
          targets: [
            { type: 'user', id: '1' },
            { type: 'user', id: '1' },
          ],
          timeoutMinutes: 5,
          roundRobin: false,
        },
        { targets: [{ type: 'user', id: '2' }], timeoutMinutes: 5, roundRobin: true },
      ],
    });
    expect(codes(input)).toEqual([
      'warning levels.0.targets.1 duplicate_target',
      'warning levels.1.roundRobin round_robin_single_target',
    ]);
    expect(() => parseEscalationPolicy(input, known)).not.toThrow();
  });

  it('reports shape problems and the checks of the levels that do parse, in one pass', () => {
    const input = policy({
      name: '',
      levels: [
        { targets: [{ type: 'person', id: '1' }], timeoutMinutes: 5, roundRobin: false },
        { targets: [{ type: 'user', id: '9' }], timeoutMinutes: 5, roundRobin: false, extra: 1 },
        { targets: [{ type: 'user', id: '1' }], timeoutMinutes: 0, roundRobin: false },
      ],
    });
    expect(codes(input)).toEqual([
      'error name invalid_field',
      'error levels.0.targets.0.type invalid_field',
      'error levels.1.extra unknown_field',
      'error levels.2.timeoutMinutes timeout_out_of_range',
    ]);
    let caught: unknown;
    try {
      parseEscalationPolicy(input, known);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidEscalationPolicyError);
    expect((caught as Error).message).toBe(
      'The escalation policy is not valid: name: A name is required. (and 3 more problems)',
    );
  });
});
