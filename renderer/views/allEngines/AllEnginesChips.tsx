import type { AlertState } from '../../../shared/domain/alert.js';
import { Chip } from '../../components/Chip.js';
import type { AllEnginesFilter } from './allEnginesRows.js';
import type { EngineCounts } from './allEnginesModel.js';

const states: ReadonlyArray<{ state: AlertState; label: string }> = [
  { state: 'PENDING', label: 'Pending' },
  { state: 'ACCEPTED', label: 'Accepted' },
  { state: 'RESOLVED', label: 'Resolved' },
];

const toggle = <T,>(list: readonly T[], value: T) =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

/** Which engines and states the table keeps; none chosen keeps all. */
export function AllEnginesChips(props: {
  engines: readonly EngineCounts[];
  filter: AllEnginesFilter;
  onFilter: (filter: AllEnginesFilter) => void;
  withResolved: boolean;
  onWithResolved: (on: boolean) => void;
}) {
  const { filter, onFilter } = props;
  return (
    <div className="all-engines__chips">
      <span className="chip-group" role="group" aria-label="Engines">
        {props.engines.map((engine) => (
          <Chip
            key={engine.engineId}
            active={filter.engineIds.includes(engine.engineId)}
            onToggle={() =>
              onFilter({ ...filter, engineIds: toggle(filter.engineIds, engine.engineId) })
            }
          >
            {engine.label}
          </Chip>
        ))}
      </span>
      <span className="chip-group" role="group" aria-label="States">
        {states
          .filter(({ state }) => state !== 'RESOLVED' || props.withResolved)
          .map(({ state, label }) => (
            <Chip
              key={state}
              active={filter.states.includes(state)}
              onToggle={() => onFilter({ ...filter, states: toggle(filter.states, state) })}
            >
              {label}
            </Chip>
          ))}
      </span>
      <label className="all-engines__resolved">
        <input
          type="checkbox"
          checked={props.withResolved}
          onChange={(e) => props.onWithResolved(e.target.checked)}
        />{' '}
        Recently resolved too
      </label>
    </div>
  );
}
