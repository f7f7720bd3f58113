import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  planEscalationStep,
  projectEscalation,
  resolveLevel,
  roundRobinPick,
  type EscalationDirectory,
  type EscalationPolicy,
} from '../../shared/escalation/index.js';

/** The rules of a step and the projection built on them (docs/escalation.md, "Rules"). */
const t0 = Date.parse('2026-11-28T09:00:00Z');
const min = 60_000;

/** Users u1…u9; schedule `s` has `onCall(t)` on call; team `team` has u7 and u8. */
function directory(onCall: (t: number) => string | null = () => 'u5'): EscalationDirectory {
  return {
    user: (id) => (/^u\d$/.test(id) ? { name: id.toUpperCase() } : null),
    team: (id) => (id === 'team' ? { name: 'SRE', memberIds: ['u7', 'u8'] } : null),
    schedule: (id) => (id === 's' ? { name: 'Ops', onCallAt: onCall } : null),
  };
}

const level = (ids: string[], timeoutMinutes = 10, roundRobin = false) => ({
  targets: ids.map((id) =>
    id === 's'
      ? { type: 'schedule' as const, id }
      : id === 'team'
        ? { type: 'team' as const, id }
        : { type: 'user' as const, id },
  ),
  timeoutMinutes,
  roundRobin,
});

const policy = (levels: ReturnType<typeof level>[], repeat = 0): EscalationPolicy => ({
  id: 'p',
  name: 'Ops',
  version: 1,
  levels,
  repeat,
});

describe('resolveLevel', () => {
  it('reaches users, the on-call of a schedule at that instant and team members, once each', () => {
    const dir = directory((t) => (t < t0 + 5 * min ? 'u5' : 'u1'));
    const l = level(['u1', 's', 'team', 'u7', 'gone']);
    expect(resolveLevel(l, t0, dir).map((r) => `${r.name} ${r.via.type}`)).toEqual([
      'U1 user',
      'U5 schedule',
      'U7 team',
      'U8 team',
    ]);
    // Five minutes later u1 is on call in Ops, and was reached already as a user.
    expect(resolveLevel(l, t0 + 5 * min, dir).map((r) => r.name)).toEqual(['U1', 'U7', 'U8']);
  });

  it('round robin takes turns through everyone the level reaches', () => {
    const all = resolveLevel(level(['team', 'u1']), t0, directory());
    expect([0, 1, 2, 3].map((turn) => roundRobinPick(all, turn)[0]!.name)).toEqual([
      'U7',
      'U8',
      'U1',
      'U7',
    ]);
    expect(roundRobinPick([], 3)).toEqual([]);
  });
});

describe('planEscalationStep', () => {
  it('notifies the level and sets the next step after its timeout', () => {
    const plan = planEscalationStep(
      policy([level(['u1'], 5), level(['u2'])]),
      { level: 0, round: 0 },
      t0,
      directory(),
    );
    expect(plan.visited.map((v) => v.level)).toEqual([0]);
    expect(plan.next).toEqual({ level: 1, round: 0, dueAt: t0 + 5 * min });
    expect(plan.stopped).toBeNull();
  });

  it('passes levels that reach nobody at once, into the next round if need be', () => {
    const gap = directory(() => null);
    const p = policy([level(['u1'], 5), level(['s']), level(['s'])], 1);
    const plan = planEscalationStep(p, { level: 1, round: 0 }, t0, gap);
    expect(plan.visited.map((v) => `${v.round}/${v.level} ${v.recipients.length}`)).toEqual([
      '0/1 0',
      '0/2 0',
      '1/0 1',
    ]);
    expect(plan.next).toEqual({ level: 1, round: 1, dueAt: t0 + 5 * min });
  });

  it('ends when the rounds are used up, or when no level reaches anyone', () => {
    const p = policy([level(['u1'])], 2);
    expect(planEscalationStep(p, { level: 1, round: 2 }, t0, directory())).toMatchObject({
      visited: [],
      next: null,
      stopped: 'exhausted',
    });
    const nobody = policy([level(['s']), level(['gone'])], 9);
    const plan = planEscalationStep(
      nobody,
      { level: 0, round: 0 },
      t0,
      directory(() => null),
    );
    expect(plan.visited).toHaveLength(2);
    expect(plan.stopped).toBe('nobody_reachable');
  });

  it('visits every level of every round once, in order, when followed step by step', () => {
    const arbitraryLevel = fc.record({
      reachable: fc.boolean(),
      timeoutMinutes: fc.integer({ min: 1, max: 1440 }),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryLevel, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 9 }),
        (levels, repeat) => {
          const p = policy(
            levels.map((l) => level([l.reachable ? 'u1' : 'gone'], l.timeoutMinutes)),
            repeat,
          );
          const visited: string[] = [];
          let at = t0;
          let position = { level: 0, round: 0 };
          let stopped: string | null = null;
          for (let guard = 0; guard < 1000 && stopped === null; guard += 1) {
            const plan = planEscalationStep(p, position, at, directory());
            visited.push(...plan.visited.map((v) => `${v.round}/${v.level}`));
            stopped = plan.stopped;
            if (plan.next) {
              expect(plan.visited.at(-1)!.recipients.length).toBeGreaterThan(0);
              expect(plan.next.dueAt).toBe(
                at + levels[plan.visited.at(-1)!.level]!.timeoutMinutes * min,
              );
              ({ dueAt: at, ...position } = plan.next);
            }
          }
          if (levels.some((l) => l.reachable)) {
            expect(stopped).toBe('exhausted');
            const expected = Array.from({ length: repeat + 1 }, (_, r) =>
              levels.map((_l, i) => `${r}/${i}`),
            ).flat();
            expect(visited).toEqual(expected);
          } else {
            expect(stopped).toBe('nobody_reachable');
            expect(visited).toHaveLength(levels.length);
          }
        },
      ),
    );
  });
});

describe('projectEscalation', () => {
  const alert = {
    state: 'PENDING' as const,
    priority: 'HIGH' as const,
    acceptedAt: null,
    lastEventAt: t0,
  };

  it('projects the levels to come with whoever is on call at each instant, then the end', () => {
    const dir = directory((t) => (t < t0 + 20 * min ? 'u5' : 'u6'));
    const projection = projectEscalation({
      alert,
      source: null,
      next: { level: 1, round: 0, dueAt: t0 + 10 * min },
      policy: policy([level(['u1']), level(['s']), level(['s'], 30)]),
      directory: dir,
      now: t0 + min,
    });
    expect(
      projection.items.map((i) =>
        i.kind === 'level'
          ? `${(i.at - t0) / min} L${i.level + 1} ${i.recipients.map((r) => r.name).join()}`
          : `${(i.at - t0) / min} ${i.kind}`,
      ),
    ).toEqual(['10 L2 U5', '20 L3 U6', '50 exhausted']);
  });

  it('shows an overdue step at now, an accepted alert returning to PENDING, and stops at the auto-resolve', () => {
    const p = policy([level(['u1'], 30)], 5);
    const overdue = projectEscalation({
      alert,
      source: null,
      next: { level: 0, round: 1, dueAt: t0 },
      policy: p,
      directory: directory(),
      now: t0 + 7 * min,
    });
    expect(overdue.items[0]).toMatchObject({ kind: 'level', at: t0 + 7 * min, round: 1 });

    const accepted = projectEscalation({
      alert: { ...alert, state: 'ACCEPTED', acceptedAt: t0 },
      source: { ackTimeoutMinutes: 15, autoResolveMinutes: 60 },
      next: null,
      policy: p,
      directory: directory(),
      now: t0,
    });
    expect(accepted.items.map((i) => `${(i.at - t0) / min} ${i.kind}`)).toEqual([
      '15 ack-timeout',
      '15 level',
      '45 level',
      '60 auto-resolve',
    ]);
  });

  it('stops after `limit` items and says so', () => {
    const projection = projectEscalation({
      alert,
      source: null,
      next: { level: 0, round: 0, dueAt: t0 },
      policy: policy([level(['u1'], 1), level(['u2'], 1)], 9),
      directory: directory(),
      now: t0,
      limit: 5,
    });
    expect(projection.items).toHaveLength(5);
    expect(projection.truncated).toBe(true);
  });
});
