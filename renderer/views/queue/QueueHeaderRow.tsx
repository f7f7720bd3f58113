import { useActions, useAppStore } from '../../app/services.js';
import { queueHeaders } from './queueLayout.js';

/** Column headers; a click sorts by the column, a second click flips the direction. */
export function QueueHeaderRow(props: { allSelected: boolean; onSelectAll: () => void }) {
  const sort = useAppStore((s) => s.filters.sort);
  const { sortBy } = useActions();
  return (
    <div className="queue-row queue-row--header" role="row">
      <span role="columnheader" className="queue-cell queue-cell--select">
        <input
          type="checkbox"
          aria-label="Select all shown"
          checked={props.allSelected}
          onChange={props.onSelectAll}
        />
      </span>
      {queueHeaders.map(({ column, label }) => {
        const active = sort.column === column;
        return (
          <span
            key={column}
            role="columnheader"
            className={`queue-cell queue-cell--${column}`}
            aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
          >
            <button
              type="button"
              className={`queue-sort${active ? ' is-active' : ''}`}
              onClick={() => sortBy(column)}
              data-testid={`sort-${column}`}
            >
              {label}
              <span className="queue-sort__arrow" aria-hidden="true">
                {active ? (sort.direction === 'asc' ? '▴' : '▾') : ''}
              </span>
            </button>
          </span>
        );
      })}
    </div>
  );
}
