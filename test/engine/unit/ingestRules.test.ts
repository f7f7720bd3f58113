import { describe, expect, it } from 'vitest';
import { normalizeAlertKey } from '../../../engine/alerts/alertKey.js';
import type { InboundAction } from '../../../engine/alerts/inboundEvent.js';
import { decideIngest, type IngestDecision } from '../../../engine/alerts/ingestRules.js';

describe('decideIngest', () => {
  // Every action against every state an open alert can be in, and against no open alert.
  const table: Array<[InboundAction, 'PENDING' | 'ACCEPTED' | null, IngestDecision]> = [
    ['trigger', null, 'create'],
    ['trigger', 'PENDING', 'update'],
    ['trigger', 'ACCEPTED', 'update'],
    ['accept', null, 'drop'],
    ['accept', 'PENDING', 'accept'],
    ['accept', 'ACCEPTED', 'unchanged'],
    ['resolve', null, 'drop'],
    ['resolve', 'PENDING', 'resolve'],
    ['resolve', 'ACCEPTED', 'resolve'],
    ['comment', null, 'drop'],
    ['comment', 'PENDING', 'comment'],
    ['comment', 'ACCEPTED', 'comment'],
  ];

  it.each(table)('%s with open alert %s → %s', (action, open, decision) => {
    expect(decideIngest(action, open)).toBe(decision);
  });

  it('refuses to be asked about a RESOLVED "open" alert: the caller looked up the wrong row', () => {
    for (const action of ['trigger', 'accept', 'resolve', 'comment'] as const) {
      expect(() => decideIngest(action, 'RESOLVED')).toThrow(/cannot be RESOLVED/);
    }
  });
});

describe('normalizeAlertKey', () => {
  it('makes keys that differ only in case equal, and leaves other differences', () => {
    expect(normalizeAlertKey('Disk-Full/DB-1')).toBe(normalizeAlertKey('disk-full/db-1'));
    expect(normalizeAlertKey('ÄRGER')).toBe(normalizeAlertKey('ärger'));
    expect(normalizeAlertKey('disk-full ')).not.toBe(normalizeAlertKey('disk-full'));
  });
});
