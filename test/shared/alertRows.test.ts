import { describe, expect, it } from 'vitest';
import { AlertSummary } from '../../shared/domain/alert.js';
import { alertRow, alertRowFields, expandAlertRows } from '../../shared/protocol/alertRows.js';
import { readServerMessage } from '../../shared/sync/readServerMessage.js';
import { alert } from '../helpers/wireFixtures.js';

const part = (more: Record<string, unknown>): Record<string, unknown> => ({
  type: 'snapshot',
  streamId: 's1',
  seq: 7,
  serverTime: '2026-11-28T09:14:00.000Z',
  part: 0,
  final: true,
  alertEscalations: [],
  alertSources: [],
  users: [],
  ...more,
});

describe('protocol 2: alert rows', () => {
  it('names every field of an alert summary, in the schema order', () => {
    expect(alertRowFields).toEqual(Object.keys(AlertSummary.shape));
  });

  it('reads rows back as the alerts they were made from (an absent field as null)', () => {
    const alerts = [
      alert('1'),
      alert('2', {
        state: 'ACCEPTED',
        acceptedBy: '3',
        labels: { env: 'prod' },
        maintenanceWindowId: '4',
      }),
    ];
    const json = part({ alertFields: alertRowFields, alertRows: alerts.map(alertRow) });
    expect(expandAlertRows(json)).toBeNull();
    expect(json).not.toHaveProperty('alertRows');
    expect(json).not.toHaveProperty('alertFields');
    expect(json['alerts']).toEqual([{ ...alerts[0], maintenanceWindowId: null }, alerts[1]]);
  });

  it('puts each value of a row under its own field name', () => {
    const row = alertRowFields.map((_, j) => `v${j}`);
    const json = part({ alertFields: alertRowFields, alertRows: [row] });
    expect(expandAlertRows(json)).toBeNull();
    const [read] = json['alerts'] as Record<string, unknown>[];
    expect(Object.keys(read!)).toEqual(alertRowFields);
    alertRowFields.forEach((field, j) => expect(read![field]).toBe(`v${j}`));
  });

  it('reads fields in any order, and ones this console does not know, by their names', () => {
    const fields = [...alertRowFields].reverse().concat('newerField');
    const source = alert('5', { severity: 'critical' }) as unknown as Record<string, unknown>;
    const row = fields.map((f) => (f === 'newerField' ? 'x' : (source[f] ?? null)));
    const json = part({ alertFields: fields, alertRows: [row] });
    expect(expandAlertRows(json)).toBeNull();
    expect(json['alerts']).toEqual([{ ...source, maintenanceWindowId: null, newerField: 'x' }]);
    // The unknown field is dropped as any unknown field is (zod), the rest is taken.
    const read = readServerMessage(JSON.stringify(part({ alertFields: fields, alertRows: [row] })));
    expect(read.ok && read.message.type === 'snapshot' && read.message.alerts).toEqual([
      { ...source, maintenanceWindowId: null },
    ]);
  });

  it.each([
    ['rows without names', { alertRows: [] }, 'without a list of field names'],
    [
      'names that are not strings',
      { alertFields: [1], alertRows: [] },
      'without a list of field names',
    ],
    [
      'a __proto__ field',
      { alertFields: ['__proto__'], alertRows: [[{}]] },
      'without a list of field names',
    ],
    ['names without rows', { alertFields: ['id'] }, 'without rows'],
    [
      'a row that is too short',
      { alertFields: ['id', 'summary'], alertRows: [['1']] },
      'row 0 with 1 values for 2 fields',
    ],
    [
      'a row that is not an array',
      { alertFields: ['id'], alertRows: [{ id: '1' }] },
      'row 0 with no values',
    ],
  ])('says what is wrong with %s', (_what, rows, sentence) => {
    const read = readServerMessage(JSON.stringify(part(rows)));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toContain(sentence);
  });

  it('leaves a part of protocol 1 (alerts as objects) as it is', () => {
    const json = part({ alerts: [alert('1')] });
    expect(expandAlertRows(json)).toBeNull();
    expect(json['alerts']).toEqual([alert('1')]);
  });

  it('reads a protocol 2 part to the same message as its protocol 1 form', () => {
    const alerts = [alert('1'), alert('2', { priority: 'LOW' })].map((a) => ({
      ...a,
      maintenanceWindowId: null,
    }));
    const v1 = readServerMessage(JSON.stringify(part({ alerts })));
    const v2 = readServerMessage(
      JSON.stringify(part({ alertFields: alertRowFields, alertRows: alerts.map(alertRow) })),
    );
    expect(v1.ok && v2.ok).toBe(true);
    expect(v2).toEqual(v1);
  });
});
