import { describe, expect, it } from 'vitest';
import { diffValues, sameValue, showValue } from '../../../engine/config/valueDiff.js';

/** The plan's field-by-field comparison (engine/config/valueDiff.ts). */
describe('diffValues', () => {
  it('finds nothing between equal values, whatever the key order', () => {
    expect(diffValues({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toEqual([]);
    expect(sameValue({ a: undefined }, {})).toBe(true);
  });

  it('names each changed leaf by its path; lists of plain values as a whole', () => {
    const before = { name: 'Ops', layers: [{ rotation: { turn: { length: 1 } }, users: ['a'] }] };
    const after = {
      name: 'Ops',
      layers: [{ rotation: { turn: { length: 2 } }, users: ['a', 'b'] }],
    };
    expect(diffValues(before, after)).toEqual([
      { path: 'layers.0.rotation.turn.length', before: 1, after: 2 },
      { path: 'layers.0.users', before: ['a'], after: ['a', 'b'] },
    ]);
  });

  it('shows items of a list that went and came whole, unchanged ones not at all', () => {
    const rule = (channel: string, delay: number) => ({ channel, delay });
    expect(
      diffValues(
        [rule('console', 0), rule('email', 5)],
        [rule('console', 0), rule('email', 7), rule('webhook', 1)],
      ),
    ).toEqual([
      { path: '', before: rule('email', 5), after: undefined },
      { path: '', before: undefined, after: rule('email', 7) },
      { path: '', before: undefined, after: rule('webhook', 1) },
    ]);
    // A member added in the middle of a sorted list: one item came, nothing else changed.
    const m = (user: string) => ({ user, role: 'member' });
    expect(
      diffValues({ members: [m('a'), m('c')] }, { members: [m('a'), m('b'), m('c')] }),
    ).toEqual([{ path: 'members', before: undefined, after: m('b') }]);
  });

  it('flattens a new object into its fields, for a create', () => {
    expect(diffValues(undefined, { name: 'Ops', turn: { unit: 'weeks' } })).toEqual([
      { path: 'name', before: undefined, after: 'Ops' },
      { path: 'turn.unit', before: undefined, after: 'weeks' },
    ]);
  });
});

describe('showValue', () => {
  it('quotes text, writes lists inline, leaves empty fields of objects out', () => {
    expect(showValue(undefined)).toBe('(none)');
    expect(showValue(['a', 1, null])).toBe('["a", 1, null]');
    expect(showValue({ channel: 'email', address: null, delay: 5 })).toBe(
      '{channel: "email", delay: 5}',
    );
  });
});
