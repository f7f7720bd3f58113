import { describe, expect, it } from 'vitest';
import { alertLookups } from '../../renderer/state/selectors/alertLookups.js';
import { csvField, csvFileName, queueCsv } from '../../renderer/views/queue/queueCsv.js';
import { alert, now, source, user } from './fixtures.js';

describe('CSV export of the queue', () => {
  it('quotes what needs quoting (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes the rows shown, in their order, with names for ids', () => {
    const alerts = new Map([
      ['1', alert('1', { summary: 'Disk, full', assigneeId: '2', severity: 'critical' })],
      ['2', alert('2', { state: 'ACCEPTED', acceptedBy: '1', priority: 'LOW' })],
    ]);
    const names = alertLookups(
      new Map([['1', source('1', 'Prometheus')]]),
      new Map([
        ['1', user('1', 'Ada Lovelace')],
        ['2', user('2', 'Grace Hopper')],
      ]),
    );
    const csv = queueCsv(['2', '1', 'gone'], (id) => alerts.get(id), names);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'id,priority,severity,state,summary,source,assignee,accepted_by,owner,created_at,last_event_at,resolved_at,events,alert_key',
    );
    expect(lines[1]).toBe(
      '2,LOW,,ACCEPTED,Alert 2,Prometheus,,Ada Lovelace,Ada Lovelace,2026-11-28T09:02:00.000Z,2026-11-28T09:00:00.000Z,,1,key-2',
    );
    expect(lines[2]).toContain(
      '1,HIGH,critical,PENDING,"Disk, full",Prometheus,Grace Hopper,,Grace Hopper',
    );
    expect(lines.length).toBe(4); // header, 2 rows, and the final line end
    expect(csvFileName(now)).toBe('nocturne-alerts-2026-11-28T0914Z.csv');
  });
});
