import { describe, expect, it } from 'vitest';
import { alertRetention } from '../../renderer/state/alertsReducer.js';
import type { Change } from '../../shared/protocol/changes.js';
import { alert, alertChange, changesEvent, now, snapshotEvent, testStore } from './fixtures.js';

describe('applying the stream to the store', () => {
  it('replaces everything with a snapshot and remembers the position', () => {
    const store = testStore();
    store.getState().applySyncEvents([snapshotEvent(10, [alert('1'), alert('2')])]);
    const state = store.getState();
    expect([...state.alerts.byId.keys()]).toEqual(['1', '2']);
    expect(state.entities.alertSources.get('1')?.name).toBe('Prometheus');
    expect(state.entities.users.get('2')?.name).toBe('Grace Hopper');
    expect(state.sync.position).toEqual({ streamId: 'stream-1', seq: 10 });
    // The first data marks nothing as new.
    expect(state.alerts.arrivedAt.size).toBe(0);

    store.getState().applySyncEvents([snapshotEvent(20, [alert('3')])]);
    expect([...store.getState().alerts.byId.keys()]).toEqual(['3']);
  });

  it('applies changes in order and marks alerts that arrive live as new', () => {
    const store = testStore();
    store.getState().applySyncEvents([snapshotEvent(10, [alert('1')])]);
    store
      .getState()
      .applySyncEvents([
        changesEvent(12, [alertChange(alert('2')), alertChange(alert('1', { state: 'ACCEPTED' }))]),
        changesEvent(15, [alertChange(alert('2', { eventCount: 2 }))]),
      ]);
    const state = store.getState();
    expect(state.alerts.byId.get('1')?.state).toBe('ACCEPTED');
    expect(state.alerts.byId.get('2')?.eventCount).toBe(2);
    expect(state.alerts.arrivedAt.get('2')).toBe(now);
    expect(state.alerts.arrivedAt.has('1')).toBe(false);
    expect(state.sync.position?.seq).toBe(15);
  });

  it('drops stale, out-of-order and other streams’ changes, and changes before a snapshot', () => {
    const store = testStore();
    store.getState().applySyncEvents([changesEvent(5, [alertChange(alert('9'))])]);
    expect(store.getState().alerts.byId.size).toBe(0);
    store.getState().applySyncEvents([snapshotEvent(10, [alert('1', { summary: 'at 10' })])]);
    store
      .getState()
      .applySyncEvents([
        changesEvent(10, [alertChange(alert('1', { summary: 'replayed 10' }))]),
        changesEvent(8, [alertChange(alert('1', { summary: 'older' }))]),
        changesEvent(11, [alertChange(alert('1', { summary: 'other stream' }))], 'stream-0'),
        changesEvent(12, [alertChange(alert('1', { summary: 'at 12' }))]),
        changesEvent(12, [alertChange(alert('1', { summary: 'twice 12' }))]),
      ]);
    const state = store.getState();
    expect(state.alerts.byId.get('1')?.summary).toBe('at 12');
    expect(state.sync).toEqual({ position: { streamId: 'stream-1', seq: 12 }, dropped: 5 });
  });

  it('keeps a snapshot of a new stream (engine restarted) and marks what came meanwhile', () => {
    const store = testStore();
    store.getState().applySyncEvents([snapshotEvent(10, [alert('1')])]);
    store
      .getState()
      .applySyncEvents([snapshotEvent(3, [alert('1'), alert('2')], { streamId: 'stream-2' })]);
    const state = store.getState();
    expect(state.sync.position).toEqual({ streamId: 'stream-2', seq: 3 });
    expect([...state.alerts.arrivedAt.keys()]).toEqual(['2']);
  });

  it('applies entity changes and removals, and keeps kinds it does not know', () => {
    const store = testStore();
    store.getState().applySyncEvents([snapshotEvent(1, [])]);
    const before = store.getState().entities;
    const unknown = [
      { kind: 'heartbeatMonitor', value: { id: '7', name: 'Backups' } },
      { kind: 'heartbeatMonitor', value: { id: '8', name: 'ETL' } },
      { kind: 'heartbeatMonitor.removed', id: '8' },
      { kind: 'mystery', value: 'no id here' },
    ] as unknown as Change[];
    store
      .getState()
      .applySyncEvents([
        changesEvent(2, [
          { kind: 'alertSource.removed', id: '2' },
          { kind: 'user', value: { ...before.users.get('1')!, name: 'Ada King' } },
          ...unknown,
        ]),
      ]);
    const after = store.getState().entities;
    expect([...after.alertSources.keys()]).toEqual(['1']);
    expect(after.users.get('1')?.name).toBe('Ada King');
    expect([...(after.other.get('heartbeatMonitor')?.keys() ?? [])]).toEqual(['7']);
    expect(after.other.has('mystery')).toBe(false);
    // Maps that did not change keep their identity (selectors over them do not recompute).
    expect(after.teams).toBe(before.teams);
    expect(after.schedules).toBe(before.schedules);
  });

  it('keeps snapshot lists it does not know under their change kind', () => {
    const store = testStore();
    const more = { heartbeatMonitors: [{ id: '3', name: 'Nightly backup' }] } as object;
    store.getState().applySyncEvents([snapshotEvent(1, [], more)]);
    const other = store.getState().entities.other;
    expect([...(other.get('heartbeatMonitor')?.keys() ?? [])]).toEqual(['3']);
    store
      .getState()
      .applySyncEvents([changesEvent(2, [{ kind: 'heartbeatMonitor.removed', id: '3' } as never])]);
    expect(store.getState().entities.other.get('heartbeatMonitor')?.size).toBe(0);
  });

  it('changes nothing (not even identity) for a batch that is all stale', () => {
    const store = testStore();
    store.getState().applySyncEvents([snapshotEvent(10, [alert('1')])]);
    const alerts = store.getState().alerts;
    store.getState().applySyncEvents([changesEvent(9, [alertChange(alert('1'))])]);
    expect(store.getState().alerts).toBe(alerts);
  });

  it('keeps a bounded number of resolved alerts, dropping the oldest', () => {
    const store = testStore();
    const keep = alertRetention.resolved;
    const resolved = Array.from({ length: keep + 5 }, (_, i) =>
      alert(String(i + 1), {
        state: 'RESOLVED',
        resolvedAt: new Date(now - (keep + 5 - i) * 1000).toISOString(),
      }),
    );
    store.getState().applySyncEvents([snapshotEvent(1, [...resolved, alert('99999')])]);
    const byId = store.getState().alerts.byId;
    expect(byId.size).toBe(keep + 1);
    expect(byId.has('1')).toBe(false); // resolved longest ago
    expect(byId.has('99999')).toBe(true); // open alerts are never dropped
  });

  it('forgets arrivals after a minute', () => {
    const clock = { now };
    const store = testStore(clock);
    store.getState().applySyncEvents([snapshotEvent(1, [])]);
    store.getState().applySyncEvents([changesEvent(2, [alertChange(alert('1'))])]);
    clock.now += alertRetention.arrivalMs + 1;
    store.getState().applySyncEvents([changesEvent(3, [alertChange(alert('2'))])]);
    expect([...store.getState().alerts.arrivedAt.keys()]).toEqual(['2']);
  });
});
