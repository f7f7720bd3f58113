import { describe, expect, it } from 'vitest';
import type { AlertState } from '../../shared/domain/alert.js';
import { checkTransition, isOpen } from '../../shared/domain/alertLifecycle.js';

describe('checkTransition', () => {
  // Every pair of states: what the state machine of DOMAIN.md allows.
  const table: Array<[AlertState, AlertState, 'change' | 'unchanged' | 'illegal']> = [
    ['PENDING', 'PENDING', 'unchanged'],
    ['PENDING', 'ACCEPTED', 'change'],
    ['PENDING', 'RESOLVED', 'change'],
    ['ACCEPTED', 'PENDING', 'change'], // the acknowledgement timeout
    ['ACCEPTED', 'ACCEPTED', 'unchanged'],
    ['ACCEPTED', 'RESOLVED', 'change'],
    ['RESOLVED', 'PENDING', 'illegal'],
    ['RESOLVED', 'ACCEPTED', 'illegal'],
    ['RESOLVED', 'RESOLVED', 'unchanged'],
  ];

  it.each(table)('%s → %s is %s', (from, to, kind) => {
    expect(checkTransition(from, to).kind).toBe(kind);
  });

  it('says why a resolved alert cannot move, in words a person reads', () => {
    const check = checkTransition('RESOLVED', 'ACCEPTED');
    expect(check).toEqual({ kind: 'illegal', reason: expect.stringMatching(/never reopens/) });
  });
});

describe('isOpen', () => {
  it('counts PENDING and ACCEPTED as open, RESOLVED as closed', () => {
    expect(isOpen('PENDING')).toBe(true);
    expect(isOpen('ACCEPTED')).toBe(true);
    expect(isOpen('RESOLVED')).toBe(false);
  });
});
