import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlertSummary } from '../../shared/domain/alert.js';
import { queryAlerts } from '../../renderer/state/selectors/alertQuery.js';
import {
  countAlerts,
  selectAlertCounts,
  selectLookups,
  selectOldestPending,
  selectQueueIds,
} from '../../renderer/state/selectors/alertSelectors.js';
import { alertsChangedSince } from '../../renderer/state/alertsLineage.js';
import type { QueueColumn } from '../../renderer/state/queueFilter.js';
import { alert, alertChange, changesEvent, now, snapshotEvent, testStore } from './fixtures.js';

/** An alert version from a few fields fast-check varies (ties in every column on purpose). */
const version = fc.record({
  id: fc.integer({ min: 1, max: 40 }).map(String),
  state: fc.constantFrom('PENDING', 'ACCEPTED', 'RESOLVED' as const),
  priority: fc.constantFrom('HIGH', 'LOW' as const),
  minute: fc.integer({ min: 0, max: 5 }),
  summary: fc.constantFrom('disk', 'Disk', 'api 10', 'api 9'),
  sourceId: fc.constantFrom('1', '2', '3'),
  eventCount: fc.integer({ min: 1, max: 3 }),
  assigneeId: fc.constantFrom(null, '1', '2'),
});

type Version = typeof version extends fc.Arbitrary<infer T> ? T : never;

const toAlert = (v: Version): AlertSummary =>
  alert(v.id, {
    state: v.state,
    priority: v.priority,
    createdAt: `2026-11-28T09:0${v.minute}:00.000Z`,
    resolvedAt: v.state === 'RESOLVED' ? `2026-11-28T09:1${v.minute}:00.000Z` : null,
    summary: v.summary,
    sourceId: v.sourceId,
    eventCount: v.eventCount,
    assigneeId: v.assigneeId,
  });

const columns: QueueColumn[] = ['priority', 'state', 'summary', 'source', 'assignee', 'age'];

describe('the queue’s incremental index', () => {
  it('answers as filtering and sorting everything again would, batch after batch', () => {
    fc.assert(
      fc.property(
        fc.array(version, { maxLength: 30 }),
        fc.array(fc.array(version, { minLength: 1, maxLength: 6 }), { maxLength: 8 }),
        fc.constantFrom(...columns),
        fc.boolean(),
        fc.constantFrom('', 'disk'),
        (initial, batches, column, twice, text) => {
          const store = testStore();
          const { applySyncEvents, sortBy, setFilterText } = store.getState();
          sortBy(column);
          if (twice) sortBy(column);
          setFilterText(text);
          applySyncEvents([
            snapshotEvent(1, [...new Map(initial.map((v) => [v.id, toAlert(v)])).values()]),
          ]);
          selectQueueIds(store.getState());
          selectAlertCounts(store.getState());
          selectOldestPending(store.getState());
          batches.forEach((batch, i) => {
            applySyncEvents([
              changesEvent(
                2 + i,
                batch.map((v) => alertChange(toAlert(v))),
              ),
            ]);
            const state = store.getState();
            const all = [...state.alerts.byId.values()];
            expect(selectQueueIds(state)).toEqual(
              queryAlerts(all, state.filters.queue, state.filters.sort, selectLookups(state)),
            );
            expect(selectAlertCounts(state)).toEqual(countAlerts(all));
            expect(selectOldestPending(state).map((a) => a.id)).toEqual(
              all
                .filter((a) => a.state === 'PENDING')
                .sort(
                  (a, b) => a.createdAt.localeCompare(b.createdAt) || Number(a.id) - Number(b.id),
                )
                .map((a) => a.id),
            );
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the same answer when a batch touches nothing the queue shows', () => {
    const store = testStore({ now });
    const { applySyncEvents, setQueueFilter } = store.getState();
    applySyncEvents([snapshotEvent(1, [alert('1'), alert('2', { priority: 'LOW' })])]);
    setQueueFilter({ ...store.getState().filters.queue, priorities: ['HIGH'] });
    const before = selectQueueIds(store.getState());
    applySyncEvents([
      changesEvent(2, [alertChange(alert('2', { priority: 'LOW', eventCount: 5 }))]),
    ]);
    expect(selectQueueIds(store.getState())).toBe(before);
  });

  it('knows only one batch back, and never after a snapshot', () => {
    const store = testStore({ now });
    const { applySyncEvents } = store.getState();
    applySyncEvents([snapshotEvent(1, [alert('1')])]);
    const first = store.getState().alerts.byId;
    applySyncEvents([changesEvent(2, [alertChange(alert('2'))])]);
    const second = store.getState().alerts.byId;
    expect([...alertsChangedSince(second, first)!.keys()]).toEqual(['2']);
    applySyncEvents([changesEvent(3, [alertChange(alert('3'))])]);
    expect(alertsChangedSince(store.getState().alerts.byId, first)).toBeNull();
    applySyncEvents([snapshotEvent(4, [alert('1')])]);
    expect(alertsChangedSince(store.getState().alerts.byId, second)).toBeNull();
  });
});
