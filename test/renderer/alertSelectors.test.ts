import { describe, expect, it } from 'vitest';
import {
  countAlerts,
  selectAlertCounts,
  selectOldestPending,
  selectQueueIds,
} from '../../renderer/state/selectors/alertSelectors.js';
import { alertLookups } from '../../renderer/state/selectors/alertLookups.js';
import {
  alertComparator,
  alertFilter,
  queryAlerts,
} from '../../renderer/state/selectors/alertQuery.js';
import {
  defaultQueueFilter,
  defaultQueueSort,
  nextSort,
  queueColumns,
  unassigned,
  type QueueFilter,
  type QueueSort,
} from '../../renderer/state/queueFilter.js';
import { alert, snapshotEvent, source, testStore, user } from './fixtures.js';

const names = alertLookups(
  new Map([
    ['1', source('1', 'Prometheus')],
    ['2', source('2', 'Blackbox')],
  ]),
  new Map([
    ['1', user('1', 'Ada Lovelace')],
    ['2', user('2', 'Grace Hopper')],
  ]),
);

const alerts = [
  alert('1', { priority: 'LOW', summary: 'Disk full on db-1', createdAt: '2026-11-28T09:01:00Z' }),
  alert('2', {
    priority: 'HIGH',
    summary: 'API down',
    createdAt: '2026-11-28T09:02:00Z',
    sourceId: '2',
    eventCount: 7,
  }),
  alert('3', {
    state: 'ACCEPTED',
    priority: 'HIGH',
    summary: 'CPU hot',
    createdAt: '2026-11-28T09:03:00Z',
    acceptedBy: '2',
    labels: { host: 'web-9' },
  }),
  alert('4', { state: 'RESOLVED', summary: 'Old one', createdAt: '2026-11-28T08:00:00Z' }),
  alert('5', {
    priority: 'HIGH',
    summary: 'Queue stuck',
    createdAt: '2026-11-28T09:02:00Z',
    assigneeId: '1',
  }),
];

const query = (filter: Partial<QueueFilter> = {}, sort: QueueSort = defaultQueueSort) =>
  queryAlerts(alerts, { ...defaultQueueFilter, ...filter }, sort, names);

describe('the queue’s filter', () => {
  it('shows open alerts by default, HIGH first, PENDING before ACCEPTED, then newest', () => {
    expect(query()).toEqual(['5', '2', '3', '1']);
  });

  it('combines values of one field with OR and fields with AND', () => {
    expect(query({ states: [], priorities: ['LOW'] })).toEqual(['1']);
    expect(query({ states: ['RESOLVED', 'ACCEPTED'] })).toEqual(['3', '4']);
    expect(query({ states: ['PENDING'], priorities: ['HIGH'] })).toEqual(['5', '2']);
    expect(query({ sourceIds: ['2'] })).toEqual(['2']);
    expect(query({ assigneeIds: ['1'] })).toEqual(['5']);
    expect(query({ assigneeIds: [unassigned] })).toEqual(['2', '3', '1']);
  });

  it('finds text in the summary, key, labels, id and source name, in any case', () => {
    expect(query({ text: 'DISK' })).toEqual(['1']);
    expect(query({ text: 'web-9' })).toEqual(['3']);
    expect(query({ text: 'blackbox' })).toEqual(['2']);
    expect(query({ text: 'key-5' })).toEqual(['5']);
    expect(query({ text: '   ' })).toEqual(['5', '2', '3', '1']);
  });
});

describe('the queue’s sort', () => {
  const sorted = (column: QueueSort['column'], direction: QueueSort['direction']) =>
    query({ states: [] }, { column, direction });

  it('sorts by each column, both ways, newest first on ties', () => {
    expect(sorted('summary', 'asc')).toEqual(['2', '3', '1', '4', '5']);
    expect(sorted('summary', 'desc')).toEqual(['5', '4', '1', '3', '2']);
    expect(sorted('age', 'desc')).toEqual(['4', '1', '5', '2', '3']); // oldest first
    expect(sorted('age', 'asc')).toEqual(['3', '5', '2', '1', '4']);
    expect(sorted('events', 'desc')[0]).toBe('2');
    expect(sorted('source', 'asc')[0]).toBe('2'); // Blackbox
    expect(sorted('state', 'desc')).toEqual(['5', '2', '1', '3', '4']);
  });

  it('orders any alerts as the comparator does, whatever order they come in', () => {
    // Small pools of values, so that every column ties often; ids and times in any relation.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const many = Array.from({ length: 400 }, (_, i) =>
      alert(String(i + 1), {
        state: (['PENDING', 'ACCEPTED', 'RESOLVED'] as const)[random(3)],
        priority: random(2) ? 'HIGH' : 'LOW',
        summary: ['Disk full', 'API down', 'disk full', 'CPU hot'][random(4)]!,
        sourceId: String(1 + random(3)),
        assigneeId: random(3) ? null : String(1 + random(3)),
        eventCount: random(5),
        createdAt: `2026-11-28T09:0${random(6)}:00Z`,
      }),
    );
    // As a snapshot sends them (oldest first, times rising with ids), reversed, and shuffled.
    const oldestFirst = [...many].sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : Number(a.id) - Number(b.id),
    );
    const shuffled = [...many].sort(() => random(3) - 1);
    const filter = { ...defaultQueueFilter, states: [] };
    for (const column of queueColumns) {
      for (const direction of ['asc', 'desc'] as const) {
        const sort = { column, direction };
        const expected = many
          .filter(alertFilter(filter, names))
          .sort(alertComparator(sort, names))
          .map((a) => a.id);
        for (const input of [oldestFirst, [...oldestFirst].reverse(), shuffled, many]) {
          expect(queryAlerts(input, filter, sort, names), `${column} ${direction}`).toEqual(
            expected,
          );
        }
      }
    }
  });

  it('puts alerts nobody owns last, whichever the direction', () => {
    expect(sorted('assignee', 'asc').slice(0, 2)).toEqual(['5', '3']); // Ada, Grace
    expect(sorted('assignee', 'desc').slice(0, 2)).toEqual(['3', '5']);
  });

  it('flips the direction on a second click, and picks a natural one on the first', () => {
    expect(nextSort(defaultQueueSort, 'priority')).toEqual({
      column: 'priority',
      direction: 'asc',
    });
    expect(nextSort(defaultQueueSort, 'summary')).toEqual({ column: 'summary', direction: 'asc' });
    expect(nextSort(defaultQueueSort, 'age')).toEqual({ column: 'age', direction: 'desc' });
  });
});

describe('memoised selectors over the store', () => {
  it('answer with the same list until an input changes', () => {
    const store = testStore();
    store.getState().applySyncEvents([snapshotEvent(1, alerts)]);
    const first = selectQueueIds(store.getState());
    expect(first).toEqual(['5', '2', '3', '1']);
    store.getState().focusAlert('2'); // ui changes do not recompute
    expect(selectQueueIds(store.getState())).toBe(first);
    store.getState().toggleFilterValue('priorities', 'LOW');
    expect(selectQueueIds(store.getState())).toEqual(['1']);
    expect(selectAlertCounts(store.getState())).toBe(selectAlertCounts(store.getState()));
  });

  it('count by state and priority, and list the oldest pending', () => {
    expect(countAlerts(alerts)).toEqual({
      byState: { PENDING: 3, ACCEPTED: 1, RESOLVED: 1 },
      openByPriority: { HIGH: 3, LOW: 1 },
      pendingByPriority: { HIGH: 2, LOW: 1 },
    });
    const store = testStore();
    store.getState().applySyncEvents([snapshotEvent(1, alerts)]);
    expect(selectOldestPending(store.getState()).map((a) => a.id)).toEqual(['1', '2', '5']);
  });

  it('name sources and users that are gone', () => {
    expect(names.sourceName('9')).toBe('Source 9');
    expect(names.userName('9')).toBe('User 9');
    expect(names.userName(null)).toBeNull();
  });
});
