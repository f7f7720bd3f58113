import { useMemo } from 'react';
import type { AlertPriority, AlertState } from '../../../shared/domain/alert.js';
import { useActions, useAppStore } from '../../app/services.js';
import { Chip } from '../../components/Chip.js';
import { isDefaultFilter, unassigned } from '../../state/queueFilter.js';
import { SavedViews } from './SavedViews.js';
import { SearchBox } from './SearchBox.js';

const states: ReadonlyArray<[AlertState, string]> = [
  ['PENDING', 'Pending'],
  ['ACCEPTED', 'Accepted'],
  ['RESOLVED', 'Resolved'],
];
const priorities: ReadonlyArray<[AlertPriority, string]> = [
  ['HIGH', '▲ HIGH'],
  ['LOW', '○ LOW'],
];

/** `[id, name]` pairs by name. */
function namesOf(map: ReadonlyMap<string, { readonly id: string; readonly name: string }>) {
  return [...map.values()]
    .map((item) => [item.id, item.name] as const)
    .sort((a, b) => a[1].localeCompare(b[1]));
}

/** Filters as chips: state, priority, source, assignee, text; and saved views. */
export function QueueFilters() {
  const filter = useAppStore((s) => s.filters.queue);
  const sourceMap = useAppStore((s) => s.entities.alertSources);
  const userMap = useAppStore((s) => s.entities.users);
  const sources = useMemo(() => namesOf(sourceMap), [sourceMap]);
  const users = useMemo(() => namesOf(userMap), [userMap]);
  const { toggleFilterValue, resetQueueFilter } = useActions();
  const sourceName = (id: string) => sources.find(([sid]) => sid === id)?.[1] ?? `Source ${id}`;
  const userName = (id: string) =>
    id === unassigned ? 'Unassigned' : (users.find(([uid]) => uid === id)?.[1] ?? `User ${id}`);

  return (
    <div className="queue-filters" role="toolbar" aria-label="Filters">
      <SearchBox />
      <span className="chip-group" aria-label="State">
        {states.map(([state, label]) => (
          <Chip
            key={state}
            active={filter.states.includes(state)}
            onToggle={() => toggleFilterValue('states', state)}
            testId={`filter-state-${state}`}
          >
            {label}
          </Chip>
        ))}
      </span>
      <span className="chip-group" aria-label="Priority">
        {priorities.map(([priority, label]) => (
          <Chip
            key={priority}
            active={filter.priorities.includes(priority)}
            onToggle={() => toggleFilterValue('priorities', priority)}
            testId={`filter-priority-${priority}`}
          >
            {label}
          </Chip>
        ))}
      </span>
      <span className="chip-group" aria-label="Source and assignee">
        {filter.sourceIds.map((id) => (
          <Chip key={`s${id}`} active onToggle={() => toggleFilterValue('sourceIds', id)}>
            {sourceName(id)} ×
          </Chip>
        ))}
        {filter.assigneeIds.map((id) => (
          <Chip key={`u${id}`} active onToggle={() => toggleFilterValue('assigneeIds', id)}>
            {userName(id)} ×
          </Chip>
        ))}
        <select
          className="select"
          aria-label="Add a source filter"
          value=""
          onChange={(e) => e.target.value && toggleFilterValue('sourceIds', e.target.value)}
        >
          <option value="">+ Source</option>
          {sources
            .filter(([id]) => !filter.sourceIds.includes(id))
            .map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
        </select>
        <select
          className="select"
          aria-label="Add an assignee filter"
          value=""
          onChange={(e) => e.target.value && toggleFilterValue('assigneeIds', e.target.value)}
        >
          <option value="">+ Assignee</option>
          {[[unassigned, 'Unassigned'] as const, ...users]
            .filter(([id]) => !filter.assigneeIds.includes(id))
            .map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
        </select>
      </span>
      {!isDefaultFilter(filter) && (
        <button type="button" className="button button--quiet" onClick={resetQueueFilter}>
          Reset filters
        </button>
      )}
      <SavedViews />
    </div>
  );
}
