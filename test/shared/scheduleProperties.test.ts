import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { firstOverlap, isEmptyRestriction } from '../../shared/schedule/restrictionOverlap.js';
import { layerUserAt } from '../../shared/schedule/rotation.js';
import type {
  Layer,
  Override,
  Restriction,
  Schedule,
} from '../../shared/schedule/scheduleModel.js';
import { createScheduleResolver } from '../../shared/schedule/scheduleResolver.js';
import type { Gap, Shift } from '../../shared/schedule/shifts.js';
import { validateSchedule } from '../../shared/schedule/scheduleValidation.js';

/*
 * Properties of resolution over random schedules and ranges, in zones with a 1-hour DST shift
 * (Berlin, New York), a 30-minute one (Lord Howe), none (Kolkata, +05:30) and UTC. Every random
 * schedule starts near a change of offset, and local times are biased towards the ones that do
 * not exist or exist twice, so most runs cross at least one change.
 */

const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];
const users = ['u1', 'u2', 'u3', 'u4', 'u5'];
const day = 86_400_000;
const minute = 60_000;
/** Days just before a change of offset in one of the zones, in 2024 and 2025. */
const bases = [
  '2024-03-07',
  '2024-03-28',
  '2024-04-04',
  '2024-10-03',
  '2024-10-24',
  '2024-10-31',
  '2025-03-27',
].map((d) => Date.parse(`${d}T00:00:00Z`));

const hhmm = fc.oneof(
  fc.constantFrom('00:00', '01:30', '01:45', '02:00', '02:15', '02:30', '03:00', '09:00', '22:00'),
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
);
const weekday = fc.integer({ min: 1, max: 7 });
const restriction: fc.Arbitrary<Restriction> = fc.oneof(
  fc.record({ kind: fc.constant('daily' as const), start: hhmm, end: hhmm }),
  fc.record({
    kind: fc.constant('weekly' as const),
    startDay: weekday,
    start: hhmm,
    endDay: weekday,
    end: hhmm,
  }),
);
/** Restrictions as a valid layer has them: none empty, none overlapping another. */
const restrictions = fc.array(restriction, { maxLength: 3 }).map((list) =>
  list.reduce<Restriction[]>((kept, r) => {
    if (!isEmptyRestriction(r) && kept.every((k) => firstOverlap(k, r) === null)) kept.push(r);
    return kept;
  }, []),
);
const turn = fc.oneof(
  fc.record({ unit: fc.constant('hours' as const), length: fc.integer({ min: 1, max: 48 }) }),
  fc.record({ unit: fc.constant('days' as const), length: fc.integer({ min: 1, max: 14 }) }),
  fc.record({ unit: fc.constant('weeks' as const), length: fc.integer({ min: 1, max: 4 }) }),
);
const iso = (t: number) => new Date(t).toISOString();

function layerArb(zone: string, base: number, index: number): fc.Arbitrary<Layer> {
  return fc
    .record({
      startDays: fc.integer({ min: -40, max: 30 }),
      startMs: fc.integer({ min: 0, max: day - 1 }),
      lengthMs: fc.option(fc.integer({ min: 1, max: 80 * day }), { nil: null }),
      anchorDay: fc.integer({ min: -400, max: 400 }),
      anchorTime: hhmm,
      userIds: fc.array(fc.constantFrom(...users), { minLength: 1, maxLength: 4 }),
      turn,
      restrictions,
    })
    .map((f) => {
      const start = base + f.startDays * day + f.startMs;
      // The anchor written in the zone's own offset, as a console would send it.
      const date = DateTime.fromMillis(base + f.anchorDay * day, { zone: 'UTC' }).toISODate()!;
      const anchor = DateTime.fromISO(`${date}T${f.anchorTime}`, { zone }).toISO({
        suppressMilliseconds: true,
      })!;
      return {
        id: `L${index}`,
        name: `Layer ${index}`,
        start: iso(start),
        end: f.lengthMs === null ? null : iso(start + f.lengthMs),
        userIds: f.userIds,
        rotation: { anchor, turn: f.turn },
        restrictions: f.restrictions,
      };
    });
}

function overrideArb(base: number, index: number): fc.Arbitrary<Override> {
  return fc
    .record({
      startMinutes: fc.integer({ min: -10 * 24 * 60, max: 40 * 24 * 60 }),
      minutes: fc.integer({ min: 1, max: 3 * 24 * 60 }),
      userId: fc.constantFrom(...users),
      // Few distinct creation times, so that ties (broken by id) happen.
      createdDay: fc.integer({ min: 0, max: 2 }),
    })
    .map((f) => ({
      id: `o${index}`,
      userId: f.userId,
      start: iso(base + f.startMinutes * minute),
      end: iso(base + (f.startMinutes + f.minutes) * minute),
      createdAt: iso(Date.UTC(2024, 0, 1 + f.createdDay)),
    }));
}

interface Case {
  readonly schedule: Schedule;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly seed: number;
}

const caseArb: fc.Arbitrary<Case> = fc
  .tuple(
    fc.constantFrom(...zones),
    fc.constantFrom(...bases),
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 0, max: 4 }),
  )
  .chain(([zone, base, layerCount, overrideCount]) =>
    fc.record({
      schedule: fc
        .tuple(
          fc.tuple(...Array.from({ length: layerCount }, (_, i) => layerArb(zone, base, i))),
          fc.tuple(...Array.from({ length: overrideCount }, (_, i) => overrideArb(base, i))),
        )
        .map(([layers, overrides]): Schedule => ({
          id: 's',
          name: 'Random',
          timeZone: zone,
          layers,
          overrides,
          version: 0,
        })),
      a: fc.integer({ min: base - 5 * day, max: base + 35 * day }),
      lengths: fc.tuple(
        fc.integer({ min: 0, max: 20 * day }),
        fc.integer({ min: 0, max: 20 * day }),
      ),
      seed: fc.integer(),
    }),
  )
  .map(({ schedule, a, lengths: [ab, bc], seed }) => ({
    schedule,
    a,
    b: a + ab,
    c: a + ab + bc,
    seed,
  }));

/** Deterministic instants inside [start, end), from the case's seed (mulberry32). */
function pointsIn(start: number, end: number, count: number, seed: number): number[] {
  if (end <= start) return [];
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => start + Math.floor(next() * (end - start)));
}

/** The test's own statement of "newest override wins, then the last layer", from layerUserAt. */
function expectedAt(s: Schedule, t: number): string | null {
  const covering = s.overrides.filter((o) => Date.parse(o.start) <= t && t < Date.parse(o.end));
  covering.sort(
    (x, y) => Date.parse(x.createdAt) - Date.parse(y.createdAt) || (x.id < y.id ? -1 : 1),
  );
  const newest = covering[covering.length - 1];
  if (newest) return `${newest.userId} override ${newest.id}`;
  for (let i = s.layers.length - 1; i >= 0; i--) {
    const user = layerUserAt(s.layers[i]!, s.timeZone, t);
    if (user !== null) return `${user} layer ${s.layers[i]!.id}`;
  }
  return null;
}

const describePiece = (p: Shift | Gap) =>
  p.kind === 'gap'
    ? null
    : `${p.userId} ${p.source.kind} ${p.source.kind === 'layer' ? p.source.layerId : p.source.overrideId}`;

/** [a, b) then [b, c), joined with the merge rule stated here rather than the library's. */
function joined<T extends Shift | Gap>(left: readonly T[], right: readonly T[]): T[] {
  const out = [...left];
  for (const piece of right) {
    const last = out[out.length - 1];
    if (
      last &&
      last.end === piece.start &&
      describePiece(last) === describePiece(piece) &&
      last.kind === piece.kind
    ) {
      out[out.length - 1] = { ...last, end: piece.end };
    } else out.push(piece);
  }
  return out;
}

const runs = { seed: 20240331, numRuns: 300 };
/** Each property gathers what is wrong and asserts once: thousands of expect() calls are slow. */
const at = (t: number) => new Date(t).toISOString();

describe('resolution properties over random schedules (seeded)', () => {
  it('random schedules are valid, and the final lane covers [from, to) exactly, one person at a time', () => {
    fc.assert(
      fc.property(caseArb, ({ schedule, a, c }) => {
        const errors = validateSchedule(schedule, users).filter((p) => p.severity === 'error');
        expect(errors).toEqual([]);
        const { final, layers, overrides } = createScheduleResolver(schedule).render(a, c);
        const wrong: string[] = [];
        if (a === c && final.length > 0) wrong.push('an empty range has pieces');
        if (a < c && (final[0]?.start !== a || final[final.length - 1]?.end !== c)) {
          wrong.push('the final lane does not span the range');
        }
        final.forEach((piece, i) => {
          if (piece.start >= piece.end) wrong.push(`empty piece at ${at(piece.start)}`);
          const next = final[i + 1];
          if (next && next.start !== piece.end) wrong.push(`overlap or hole at ${at(piece.end)}`);
          if (next && describePiece(next) === describePiece(piece)) {
            wrong.push(`unmerged pieces at ${at(piece.end)}`);
          }
        });
        for (const lane of [...layers.map((l) => l.shifts), overrides]) {
          lane.forEach((shift, i) => {
            const previousEnd = i > 0 ? lane[i - 1]!.end : a;
            if (shift.start < previousEnd || shift.end > c || shift.start >= shift.end) {
              wrong.push(`lane piece out of order or range at ${at(shift.start)}`);
            }
          });
        }
        expect(wrong).toEqual([]);
      }),
      runs,
    );
  });

  it('the final lane agrees with onCallAt at every boundary and inside every piece; overrides win', () => {
    fc.assert(
      fc.property(caseArb, ({ schedule, a, c, seed }) => {
        const resolver = createScheduleResolver(schedule);
        const wrong: string[] = [];
        resolver.render(a, c).final.forEach((piece, i) => {
          const [inside, other] = pointsIn(piece.start, piece.end, 2, seed + i);
          const expected = describePiece(piece);
          for (const t of [piece.start, piece.end - 1, inside!, other!]) {
            const who = resolver.onCallAt(t);
            const said = who && describePiece({ kind: 'shift', start: t, end: t + 1, ...who });
            if (said !== expected) wrong.push(`${at(t)}: onCallAt ${said}, rendered ${expected}`);
          }
          // The rule restated by the test from each layer alone (slower: one instant a piece).
          const restated = expectedAt(schedule, inside!);
          if (restated !== expected)
            wrong.push(`${at(inside!)}: rule ${restated}, rendered ${expected}`);
        });
        expect(wrong).toEqual([]);
      }),
      runs,
    );
  });

  it('each layer lane agrees with layerUserAt, at its edges and inside and between its shifts', () => {
    fc.assert(
      fc.property(caseArb, ({ schedule, a, c, seed }) => {
        const wrong: string[] = [];
        const check = (l: number, t: number, expected: string | null) => {
          const said = layerUserAt(schedule.layers[l]!, schedule.timeZone, t);
          if (said !== expected)
            wrong.push(`layer ${l} at ${at(t)}: ${said}, rendered ${expected}`);
        };
        createScheduleResolver(schedule)
          .render(a, c)
          .layers.forEach((lane, l) => {
            let previousEnd = a;
            for (const shift of [...lane.shifts, { start: c, end: c, userId: null }]) {
              for (const t of pointsIn(previousEnd, shift.start, 2, seed + l)) check(l, t, null);
              if (shift.end > shift.start) {
                const inside = pointsIn(shift.start, shift.end, 2, seed);
                for (const t of [shift.start, shift.end - 1, ...inside]) check(l, t, shift.userId);
              }
              previousEnd = shift.end;
            }
          });
        expect(wrong).toEqual([]);
      }),
      { ...runs, numRuns: 200 },
    );
  });

  it('rendering [a, c) equals rendering [a, b) and [b, c) joined, merging touching equal pieces', () => {
    fc.assert(
      fc.property(caseArb, ({ schedule, a, b, c }) => {
        const resolver = createScheduleResolver(schedule);
        const whole = resolver.render(a, c);
        const left = resolver.render(a, b);
        const right = createScheduleResolver(schedule).render(b, c); // a fresh one, too
        expect(whole.final).toEqual(joined(left.final, right.final));
        expect(whole.overrides).toEqual(joined(left.overrides, right.overrides));
        whole.layers.forEach((lane, l) => {
          expect(lane.shifts).toEqual(joined(left.layers[l]!.shifts, right.layers[l]!.shifts));
        });
      }),
      runs,
    );
  });
});
