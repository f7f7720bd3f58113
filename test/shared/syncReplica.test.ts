import { describe, expect, it } from 'vitest';
import { Replica } from '../../shared/sync/replica.js';
import {
  alertChange,
  alertSummary,
  serverTime,
  source,
  storedSchedule,
  team,
  user,
} from '../helpers/streamFakes.js';

describe('Replica', () => {
  it('replaces everything with a snapshot', () => {
    const replica = new Replica();
    replica.applyChanges(
      [alertChange('old'), { kind: 'user', value: user('9') }, { kind: 'team', value: team('9') }],
      3,
    );
    replica.applySnapshot({
      streamId: 's1',
      seq: 10,
      serverTime,
      alerts: [alertSummary('1'), alertSummary('2')],
      alertSources: [source('1')],
      users: [user('1')],
      teams: [team('4')],
      schedules: [storedSchedule('6')],
      escalationPolicies: [],
      alertEscalations: [],
      heartbeatMonitors: [],
      maintenanceWindows: [],
    });
    expect([...replica.alerts.keys()]).toEqual(['1', '2']);
    expect([...replica.alertSources.keys()]).toEqual(['1']);
    expect([...replica.users.keys()]).toEqual(['1']);
    expect([...replica.teams.keys()]).toEqual(['4']);
    expect([...replica.schedules.keys()]).toEqual(['6']);
    expect(replica.streamId).toBe('s1');
    expect(replica.seq).toBe(10);
  });

  it('applies upserts and removals in order', () => {
    const replica = new Replica();
    replica.applyChanges(
      [
        alertChange('1'),
        alertChange('1', { state: 'ACCEPTED', eventCount: 2 }),
        { kind: 'alertSource', value: source('1') },
        { kind: 'alertSource', value: source('2') },
        { kind: 'alertSource.removed', id: '1' },
        { kind: 'user', value: user('5') },
        { kind: 'user.removed', id: '5' },
        { kind: 'user.removed', id: 'never-there' },
        { kind: 'team', value: team('3') },
        { kind: 'team', value: team('3', ['1', '2']) },
        { kind: 'team', value: team('8') },
        { kind: 'team.removed', id: '8' },
        { kind: 'schedule', value: storedSchedule('2') },
        { kind: 'schedule', value: storedSchedule('2', 2) },
        { kind: 'schedule', value: storedSchedule('3') },
        { kind: 'schedule.removed', id: '3' },
      ],
      12,
    );
    expect(replica.alerts.get('1')).toMatchObject({ state: 'ACCEPTED', eventCount: 2 });
    expect([...replica.alertSources.keys()]).toEqual(['2']);
    expect(replica.users.size).toBe(0);
    expect([...replica.teams.keys()]).toEqual(['3']);
    expect(replica.teams.get('3')?.members.map((m) => m.userId)).toEqual(['1', '2']);
    expect([...replica.schedules.keys()]).toEqual(['2']);
    expect(replica.schedules.get('2')?.version).toBe(2);
    expect(replica.seq).toBe(12);
  });

  it('serves as a sync listener', () => {
    const replica = new Replica();
    const statuses: string[] = [];
    const listener = replica.listener((s) => statuses.push(s.status));
    listener.onChanges([alertChange('7')], 2);
    listener.onStatus({ status: 'live', since: 0, lastLiveAt: 0 });
    expect(replica.alerts.has('7')).toBe(true);
    expect(statuses).toEqual(['live']);
  });
});
